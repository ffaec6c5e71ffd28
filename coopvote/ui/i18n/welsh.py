"""Welsh for every string in the app, by its English source (``build.py`` puts them into the .ts file).

Conventions: the same terms as the ballot papers and the service's Welsh messages (cworwm, dirprwy,
penderfyniad, etholiad, rhifwr, swyddog canlyniadau); numerals take the singular noun ("3 aelod");
"&" marks the keyboard mnemonic and is chosen so letters do not clash within one screen; ``%1``..``%9``
are filled in at run time and may move. ``WELSH_BY_CONTEXT`` overrides a source in one context only.
"""

from __future__ import annotations

WELSH: dict[str, str] = {
    # -- shared words
    "Class": "Dosbarth",
    "Number": "Rhif",
    "Name": "Enw",
    "Status": "Statws",
    "Code": "Cod",
    "Colour": "Lliw",
    "Line": "Llinell",
    "Vote value": "Gwerth pleidlais",
    "%1 (%2)": "%1 (%2)",
    "%1. %2": "%1. %2",
    "%1. %2: %3": "%1. %2: %3",
    "%1 – %2": "%1 – %2",
    "%1 — %2": "%1 — %2",
    "%1 – coopvote": "%1 – coopvote",
    "coopvote": "coopvote",
    "C&hoose…": "D&ewis…",
    "S&top": "Sto&pio",
    "New meeting": "Cyfarfod newydd",
    "new meeting": "cyfarfod newydd",
    "&New meeting…": "Cyfarfod &newydd…",
    "Something unexpected went wrong: %1": "Aeth rhywbeth annisgwyl o'i le: %1",
    "Hide this message": "Cuddio'r neges hon",
    # -- roles
    "Start": "Dechrau",
    "Registration desk": "Desg gofrestru",
    "Chair": "Cadeirydd",
    "Teller": "Rhifwr",
    "Results": "Canlyniadau",
    "Roles": "Rolau",
    "%1: not available in this copy of coopvote": "%1: nid yw ar gael yn y copi hwn o coopvote",
    # -- colours (after "pecyn", masculine: no mutation)
    "red": "coch",
    "orange": "oren",
    "yellow": "melyn",
    "green": "gwyrdd",
    "blue": "glas",
    "purple": "porffor",
    "pink": "pinc",
    "brown": "brown",
    "grey": "llwyd",
    "black": "du",
    "white": "gwyn",
    # -- first start: which language (shown in both at once)
    "Choose a language": "Dewiswch iaith",
    "You can change this later from the menu: View ▸ Iaith / Language. Press C for Cymraeg or E for English.":
        "Gallwch newid hyn yn nes ymlaen o'r ddewislen: Golwg ▸ Iaith / Language. Pwyswch C am Gymraeg neu E am "
        "Saesneg.",
    # -- main window
    "coopvote meetings (*.coopvote);;All files (*)": "Cyfarfodydd coopvote (*.coopvote);;Pob ffeil (*)",
    "&Meeting": "&Cyfarfod",
    "&Open…": "&Agor…",
    "Open the &demo meeting": "Agor y cyfarfod &enghreifftiol",
    "&Close meeting": "Ca&u'r cyfarfod",
    "&Quit": "&Gadael",
    "&Go": "&Mynd",
    "&Projector window": "Ffenestr y ta&flunydd",
    "&View": "Gol&wg",
    "&Language / Iaith": "&Iaith / Language",
    "&High contrast": "&Cyferbyniad uchel",
    "&Bigger text": "Testun &mwy",
    "&Smaller text": "Testun &llai",
    "&Normal text size": "Maint testun &arferol",
    # -- the guide (Help menu, F1)
    "&Help": "Cymor&th",
    "&Guide to this screen": "&Canllaw i'r sgrin hon",
    "Guide – coopvote": "Canllaw – coopvote",
    "Guide": "Canllaw",
    "&Close": "&Cau",
    "The guide is not included in this copy of coopvote.": "Nid yw'r canllaw wedi'i gynnwys yn y copi hwn o coopvote.",
    "No meeting open": "Dim cyfarfod ar agor",
    "Connect to a &shared meeting…": "Cysylltu â chyfarfod a &rennir…",
    "Connect to a shared meeting": "Cysylltu â chyfarfod a rennir",
    "Opening %1…": "Yn agor %1…",
    "Preparing the demo meeting…": "Yn paratoi'r cyfarfod enghreifftiol…",
    "Import the &register…": "Me&wnforio'r gofrestr…",
    "Import the register": "Mewnforio'r gofrestr",
    "&Import": "&Mewnforio",
    "This meeting already has a register: importing replaces it, which is only possible before anyone is checked "
    "in.": "Mae gan y cyfarfod hwn gofrestr eisoes: mae mewnforio'n ei disodli, a dim ond cyn i neb gofrestru i "
    "mewn y mae hynny'n bosibl.",
    "Importing the register…": "Yn mewnforio'r gofrestr…",
    "%1 members imported.": "Mewnforiwyd %1 aelod.",
    "Backup failed: %1": "Methodd y copi wrth gefn: %1",
    "Connection to the shared meeting": "Cysylltiad â'r cyfarfod a rennir",
    "Connection lost: %1. Nothing unconfirmed is kept; carry on when it returns.":
        "Collwyd y cysylltiad: %1. Ni chedwir dim heb ei gadarnhau; ewch ymlaen pan ddaw'n ôl.",
    "Connected to the shared meeting": "Wedi cysylltu â'r cyfarfod a rennir",
    "Last backup: %1": "Copi wrth gefn diwethaf: %1",
    "The projector window is not available: %1": "Nid yw ffenestr y taflunydd ar gael: %1",
    "Open a meeting": "Agor cyfarfod",
    # -- start screen
    "Votes at a co-operative's general meeting: registration, paper ballots, counting and results. Start a new "
    "meeting, or open one.": "Pleidleisiau mewn cyfarfod cyffredinol cymdeithas gydweithredol: cofrestru, papurau "
    "pleidleisio, cyfrif a chanlyniadau. Dechreuwch gyfarfod newydd, neu agorwch un.",
    "&Open a meeting file…": "&Agor ffeil cyfarfod…",
    "Open a meeting file": "Agor ffeil cyfarfod",
    "Try the &demo meeting": "Rhoi cynnig ar y cyfarfod &enghreifftiol",
    "Try the demo meeting": "Rhoi cynnig ar y cyfarfod enghreifftiol",
    "&Recent meetings": "Cyfarfodydd &diweddar",
    "Recent meetings": "Cyfarfodydd diweddar",
    "Open se&lected": "Agor y cyfarfod a ddewi&swyd",
    "&Forget selected": "Ang&hofio'r un a ddewiswyd",
    "%1 (file not found)": "%1 (ffeil heb ei chanfod)",
    # -- desk
    "&Find a member: type a name or number, or scan their card":
        "&Dod o hyd i aelod: teipiwch enw neu rif, neu sganiwch y cerdyn aelodaeth",
    "name, membership number or card scan": "enw, rhif aelodaeth neu sgan cerdyn",
    "Find a member": "Dod o hyd i aelod",
    "Here": "Yma",
    "Proxies held": "Yn ddirprwy dros",
    "Members found": "Aelodau a gafwyd",
    "Check &in": "Cofrestru &i mewn",
    "Check in": "Cofrestru i mewn",
    "Check &out": "Cofrestru &allan",
    "Check out": "Cofrestru allan",
    "Give &ballot packs": "&Rhoi pecynnau pleidleisio",
    "Give ballot packs": "Rhoi pecynnau pleidleisio",
    "Proxy form handed in for this member": "Ffurflen ddirprwy a roddwyd ar ran yr aelod hwn",
    "Pro&xy holder (number):": "Y dirprwy (rhif ae&lodaeth):",
    "Membership number of the proxy holder": "Rhif aelodaeth y dirprwy",
    "The chai&r holds it": "&Y cadeirydd yw'r dirprwy",
    "&Directed": "&Gyda chyfarwyddyd",
    "Instr&uctions:": "Cy&farwyddiadau:",
    "Instructions on the proxy form": "Cyfarwyddiadau ar y ffurflen ddirprwy",
    "Record &proxy": "Cofnodi'r dir&prwy",
    "Record proxy": "Cofnodi'r dirprwy",
    "C&ancel proxy": "Ca&nslo'r dirprwy",
    "Cancel proxy": "Canslo'r dirprwy",
    # -- printing papers, packs and cards (ui/printing.py)
    "Pri&nt papers, packs and cards…": "Argraffu papurau, pecynnau a c&hardiau…",
    "Print papers, packs and cards": "Argraffu papurau, pecynnau a chardiau",
    "Ballot papers for one item": "Papurau pleidleisio ar gyfer un eitem",
    "Vote slips for one resolution": "Slipiau pleidleisio ar gyfer un penderfyniad",
    "Packs: one paper for each item still to be voted on": "Pecynnau: un papur ar gyfer pob eitem nad oes pleidlais arni eto",
    'Membership cards for every member who may vote': "Cardiau aelodaeth i bob aelod sy'n cael pleidleisio",
    "Standard": "Safonol",
    "Easy read": "Hawdd ei ddarllen",
    "Large print": "Print bras",
    'No item is waiting for its vote: there is nothing to print.': "Nid oes eitem yn aros am ei phleidlais: nid oes dim i'w argraffu.",
    "%1 members of class %2 may vote.": "Mae %1 aelod o ddosbarth %2 yn cael pleidleisio.",
    "%1 membership cards are ready: %2 page(s).": "Mae %1 cerdyn aelodaeth yn barod: %2 tudalen.",
    '%1 ready for class %2: %3 page(s). They are now in the record as printed; print them, or keep the PDF with the returning officer.': "%1 yn barod ar gyfer dosbarth %2: %3 tudalen. Maen nhw bellach yn y cofnod fel rhai a argraffwyd; argraffwch nhw, neu rhowch y PDF i'r Swyddog Canlyniadau.",
    "%1 packs": "%1 pecyn",
    "%1 sets of vote slips for item %2": "%1 set o slipiau pleidleisio ar gyfer eitem %2",
    "%1 ballot papers for item %2": "%1 papur pleidleisio ar gyfer eitem %2",
    'Choose what to print, then press Prepare to see the pages.': "Dewiswch beth i'w argraffu, yna pwyswch Paratoi i weld y tudalennau.",
    "Page %1 of %2": "Tudalen %1 o %2",
    'Save the papers as PDF': "Cadw'r papurau fel PDF",
    'Saved %1. Delete it once the papers are printed: its page order could tie papers to members.': "Cadwyd %1. Dilëwch y ffeil ar ôl argraffu'r papurau: gallai trefn ei thudalennau gysylltu papurau ag aelodau.",
    "%1 – %2 (%3 may vote)": "%1 – %2 (%3 yn cael pleidleisio)",
    '&What to print:': "&Beth i'w argraffu:",
    "&Item:": "&Eitem:",
    "&Class:": "&Dosbarth:",
    "&Version:": "&Fersiwn:",
    "Page si&ze:": "Ma&int y dudalen:",
    "How &many:": "&Nifer:",
    "P&repare": "Pa&ratoi",
    "Previous pa&ge": "Tudalen fl&aenorol",
    "Ne&xt page": "Tudalen ne&saf",
    "Close": "Cau",
    'Preview of the page': "Rhagolwg o'r dudalen",
    "That code was not accepted: %1": "Ni dderbyniwyd y cod hwnnw: %1",
    "No member matches “%1”.": "Nid oes aelod yn cyfateb i “%1”.",
    "yes": "ie",
    "no": "na",
    "active": "gweithredol",
    "lapsed": "wedi darfod",
    "No member chosen": "Dim aelod wedi'i ddewis",
    "Find a member above to check them in, hand over their ballot packs or record a proxy.":
        "Chwiliwch am aelod uchod i'w gofrestru i mewn, i roi'r pecynnau pleidleisio neu i gofnodi dirprwy.",
    "Class: %1": "Dosbarth: %1",
    "Status: %1": "Statws: %1",
    "Checked in": "Wedi cofrestru i mewn",
    "Not checked in": "Heb gofrestru i mewn",
    "Holds proxies for: %1": "Yn ddirprwy dros: %1",
    "Has appointed the chair as proxy": "Wedi penodi'r cadeirydd yn ddirprwy",
    "Has appointed %1 as proxy": "Wedi penodi %1 yn ddirprwy",
    "%1 is checked in.": "Mae %1 wedi cofrestru i mewn.",
    "%1 is checked out.": "Mae %1 wedi cofrestru allan.",
    "Type the proxy holder's membership number, or tick “The chair holds it”.":
        "Teipiwch rif aelodaeth y dirprwy, neu ticiwch “Y cadeirydd yw'r dirprwy”.",
    "Proxy recorded: the chair holds %1's vote.": "Dirprwy wedi'i gofnodi: mae'r cadeirydd yn dal pleidlais %1.",
    "Proxy recorded: %1 holds %2's vote.": "Dirprwy wedi'i gofnodi: mae %1 yn dal pleidlais %2.",
    "%1's proxy is cancelled.": "Mae dirprwy %1 wedi'i ganslo.",
    "Paper %1 of item %2 is void. Hand over a fresh paper for item %2 from the stock.":
        "Mae papur %1 eitem %2 yn ddi-rym. Rhowch bapur newydd ar gyfer eitem %2 o'r stoc.",
    "Save membership cards as PDF": "Cadw'r cardiau aelodaeth fel PDF",
    "PDF files (*.pdf)": "Ffeiliau PDF (*.pdf)",
    "Membership cards saved to %1 (%2 cards).": "Cadwyd y cardiau aelodaeth yn %1 (%2 cerdyn).",
    # -- packs
    "1 %1 pack (proxy for %2)": "1 pecyn %1 (dirprwy dros %2)",
    "1 %1 pack (%2)": "1 pecyn %1 (%2)",
    "Give %1": "Rhowch %1",
    "Ballot packs to hand over": "Pecynnau pleidleisio i'w rhoi",
    "No packs to hand over yet.": "Dim pecynnau i'w rhoi eto.",
    "%1 pack, class %2, for %3 (proxy): items %4": "Pecyn %1, dosbarth %2, ar gyfer %3 (dirprwy): eitemau %4",
    "%1 pack, class %2, for %3: items %4": "Pecyn %1, dosbarth %2, ar gyfer %3: eitemau %4",
    # -- quorum
    "Quorum": "Cworwm",
    "Needed": "Angen",
    "Present": "Yn bresennol",
    "By proxy": "Drwy ddirprwy",
    "Quorum by class": "Cworwm fesul dosbarth",
    "Quorum cannot be worked out": "Ni ellir cyfrifo'r cworwm",
    "Quorate": "Mae cworwm",
    "Not quorate yet": "Dim cworwm eto",
    "All members": "Pob aelod",
    # -- spoilt papers
    "Exchange a spoilt paper": "Cyfnewid papur a ddifethwyd",
    "It&em:": "&Eitem:",
    "Seria&l number:": "Rhif cyfres&ol:",
    "Rea&son:": "Rhe&swm:",
    "for example: torn, wrong mark made": "er enghraifft: wedi rhwygo, marc anghywir",
    "Void spoil&t paper": "Dirym&u'r papur a ddifethwyd",
    "Agenda item of the spoilt paper": "Eitem agenda'r papur a ddifethwyd",
    "Serial number of the spoilt paper": "Rhif cyfresol y papur a ddifethwyd",
    "Why the paper is spoilt": "Pam y difethwyd y papur",
    "Void spoilt paper": "Dirymu'r papur a ddifethwyd",
    # -- wizard: buttons and details
    "< &Back": "< &Yn ôl",
    "&Next >": "&Nesaf >",
    "&Finish": "&Gorffen",
    "Cancel": "Canslo",
    "The meeting": "Y cyfarfod",
    "Its name in Welsh and English, when and where it is held, and where to keep the meeting file.":
        "Ei enw yn Gymraeg ac yn Saesneg, pryd a ble y'i cynhelir, a ble i gadw ffeil y cyfarfod.",
    "Name in &Welsh:": "Enw yn &Gymraeg:",
    "Name in &English:": "Enw yn &Saesneg:",
    "Society in Wel&sh:": "Y gymdeithas yn Gymr&aeg:",
    "Society in Eng&lish:": "Y gymdeit&has yn Saesneg:",
    "&Date of the meeting:": "&Dyddiad y cyfarfod:",
    "&Place:": "&Lleoliad:",
    "Noti&ce given on:": "Rhoddwyd &rhybudd ar:",
    "Meeting &file:": "&Ffeil y cyfarfod:",
    "Choose where to save the meeting file": "Dewis ble i gadw ffeil y cyfarfod",
    "Give the meeting its name in Welsh and in English, and choose where to save the meeting file.":
        "Rhowch enw'r cyfarfod yn Gymraeg ac yn Saesneg, a dewiswch ble i gadw ffeil y cyfarfod.",
    "Save the meeting file as": "Cadw ffeil y cyfarfod fel",
    "coopvote meetings (*.coopvote)": "Cyfarfodydd coopvote (*.coopvote)",
    "%1 already exists; choose another name for the new meeting file.":
        "Mae %1 yn bodoli eisoes; dewiswch enw arall ar gyfer ffeil y cyfarfod newydd.",
    # -- wizard: classes
    "Membership classes and weighting": "Dosbarthiadau aelodaeth a phwysoli",
    "One row per class: a short code, its names, the colour of its ballot papers. The weighting scheme says how "
    "much each class's votes count.": "Un rhes i bob dosbarth: cod byr, ei enwau, a lliw ei bapurau pleidleisio. "
    "Mae'r cynllun pwysoli yn dweud faint mae pleidleisiau pob dosbarth yn ei gyfrif.",
    "Name in Welsh": "Enw yn Gymraeg",
    "Name in English": "Enw yn Saesneg",
    "Share or votes": "Cyfran neu bleidleisiau",
    "Membership classes": "Dosbarthiadau aelodaeth",
    "&Add class": "Ychwanegu dos&barth",
    "&Remove class": "&Tynnu'r dosbarth",
    "C&hoose colour…": "&Dewis lliw…",
    "&Weighting scheme:": "Cynllun &pwysoli:",
    "If a class casts no &votes:": "Os nad yw dosbarth yn bwrw &unrhyw bleidlais:",
    "One member, one vote": "Un aelod, un bleidlais",
    "Each class has a share of the vote": "Mae gan bob dosbarth gyfran o'r bleidlais",
    "Fixed votes per member of each class": "Nifer penodol o bleidleisiau i bob aelod o bob dosbarth",
    "share its part among the other classes": "rhannu ei gyfran rhwng y dosbarthiadau eraill",
    "its part is lost": "collir ei gyfran",
    "Weighting scheme": "Cynllun pwysoli",
    "If a class casts no votes": "Os nad yw dosbarth yn bwrw unrhyw bleidlais",
    "Every member's vote counts the same; the last column is not used.":
        "Mae pleidlais pob aelod yn cyfrif yr un fath; ni ddefnyddir y golofn olaf.",
    "Last column: each class's share of the vote, such as 1/3; the shares add up to 1.":
        "Y golofn olaf: cyfran pob dosbarth o'r bleidlais, er enghraifft 1/3; mae'r cyfrannau'n adio i 1.",
    "Last column: how many votes each member of the class has, such as 1 or 2.":
        "Y golofn olaf: sawl pleidlais sydd gan bob aelod o'r dosbarth, er enghraifft 1 neu 2.",
    # -- wizard: rules
    "Rules: quorum, proxies and ties": "Rheolau: cworwm, dirprwyon a phleidleisiau cyfartal",
    "As the society's rules state them. Thresholds are set per item on the agenda page.":
        "Fel y maent yn rheolau'r gymdeithas. Gosodir y trothwyon ar gyfer pob eitem ar dudalen yr agenda.",
    "Quorum, &percent of members:": "Cworwm, &canran o'r aelodau:",
    "Quorum, &fixed number (0 for none):": "Cworwm, ni&fer penodol (0 os nad oes un):",
    "At least this many present from &each class:": "O leiaf hyn yn bresennol o &bob dosbarth:",
    "Members at&tending by proxy:": "Aelodau sy'n bresennol drwy ddi&rprwy:",
    "Proxies one member may &hold:": "Dirprwyon y caiff un aelod eu &dal:",
    "The &chair:": "Y c&adeirydd:",
    "A tie&d resolution:": "Penderfyniad â phleidleisiau cyfar&tal:",
    "Name of the ch&air:": "&Enw'r cadeirydd:",
    "Name of the &returning officer:": "Enw'r &swyddog canlyniadau:",
    "Name of the returning officer": "Enw'r swyddog canlyniadau",
    "count towards the quorum": "yn cyfrif tuag at y cworwm",
    "may hold proxies": "yn cael bod yn ddirprwy",
    "Minimum present": "Isafswm yn bresennol",
    "the chair has a casting vote": "mae gan y cadeirydd bleidlais fwrw",
    "is lost": "yn methu",
    "is decided by lot": "yn cael ei benderfynu drwy goelbren",
    "The minimum for class %1 should be a whole number, 0 or more.":
        "Dylai'r isafswm ar gyfer dosbarth %1 fod yn rhif cyfan, 0 neu fwy.",
    # -- wizard: agenda
    "Agenda": "Agenda",
    "The resolutions and elections members vote on, in order.":
        "Y penderfyniadau a'r etholiadau y mae'r aelodau'n pleidleisio arnynt, yn eu trefn.",
    "Agenda items": "Eitemau'r agenda",
    "Add &resolution": "Ychwanegu &penderfyniad",
    "Add &election": "Ychwanegu &etholiad",
    "Remove &item": "&Tynnu'r eitem",
    "Title in &Welsh:": "Teitl yn &Gymraeg:",
    "Title in Eng&lish:": "Teitl yn &Saesneg:",
    "Carried when &For is:": "Yn cael ei basio &os yw O blaid:",
    "Counting &method:": "&Dull cyfrif:",
    "&Seats:": "Sedd&i:",
    "&Candidates (one a line; “Name | CLASS”):": "Ymgeis&wyr (un i bob llinell; “Enw | DOSBARTH”):",
    "Seats per class:": "Seddi i bob dosbarth:",
    "S&pecial resolution": "Penderfyniad &arbennig",
    "Counted by &head (one member, one vote)": "Cyfri&f fesul pen (un aelod, un bleidlais)",
    "more than half": "yn fwy na hanner",
    "at least two thirds": "yn ddwy ran o dair o leiaf",
    "at least three quarters": "yn dri chwarter o leiaf",
    "Single transferable vote (Scottish STV)": "Pleidlais sengl drosglwyddadwy (STV yr Alban)",
    "Single transferable vote (Meek)": "Pleidlais sengl drosglwyddadwy (Meek)",
    "Single transferable vote (weighted inclusive Gregory)":
        "Pleidlais sengl drosglwyddadwy (Gregory cynhwysol pwysol)",
    "Alternative vote (instant runoff)": "Pleidlais amgen (eithrio fesul un)",
    "First past the post": "Y cyntaf i'r felin",
    "Block vote": "Pleidlais floc",
    "Approval vote": "Pleidlais gymeradwyo",
    "At least": "O leiaf",
    "At most": "Ar y mwyaf",
    "Election": "Etholiad",
    "Resolution": "Penderfyniad",
    "(no title yet)": "(dim teitl eto)",
    # -- wizard: register
    "Membership register": "Cofrestr aelodau",
    "A CSV or Excel (.xlsx) file: membership number, name, class, and optionally vote value and status. Leave it "
    "empty to create the meeting without members.": "Ffeil CSV neu Excel (.xlsx): rhif aelodaeth, enw, dosbarth, "
    "ac os mynnwch werth pleidlais a statws. Gadewch hi'n wag i greu'r cyfarfod heb aelodau.",
    "Register &file:": "&Ffeil y gofrestr:",
    "Register file": "Ffeil y gofrestr",
    "Chec&k the file": "&Gwirio'r ffeil",
    "&Problems (each must be fixed in the file):": "&Problemau (rhaid cywiro pob un yn y ffeil):",
    "Problems in the register": "Problemau yn y gofrestr",
    "Pre&view of the members:": "&Rhagolwg o'r aelodau:",
    "Preview of the members": "Rhagolwg o'r aelodau",
    "Choose the membership register": "Dewis y gofrestr aelodau",
    "Registers (*.csv *.xlsx *.txt);;All files (*)": "Cofrestrau (*.csv *.xlsx *.txt);;Pob ffeil (*)",
    "Reading the register…": "Yn darllen y gofrestr…",
    "Stopped reading the register.": "Wedi rhoi'r gorau i ddarllen y gofrestr.",
    "%1 members can be imported (%2). Nothing is saved yet.":
        "Gellir mewnforio %1 aelod (%2). Nid oes dim wedi'i gadw eto.",
    "%1 problem(s): nothing will be imported. Fix the file, save it, and press “Check the file” again.":
        "%1 problem: ni fydd dim yn cael ei fewnforio. Cywirwch y ffeil, cadwch hi, a phwyswch “Gwirio'r ffeil” "
        "eto.",
    "Note: %1": "Sylwer: %1",
    # -- wizard: summary
    "Check and create": "Gwirio a chreu",
    "This is the meeting definition that will be saved. Press Finish to create the meeting and import the "
    "register.": "Dyma ddiffiniad y cyfarfod a gaiff ei gadw. Pwyswch Gorffen i greu'r cyfarfod a mewnforio'r "
    "gofrestr.",
    "Meeting definition": "Diffiniad y cyfarfod",
    "&Save this definition beside the meeting file": "&Cadw'r diffiniad hwn wrth ymyl ffeil y cyfarfod",
    "Creating the meeting and importing the register…": "Yn creu'r cyfarfod ac yn mewnforio'r gofrestr…",
    "Creating the meeting…": "Yn creu'r cyfarfod…",
    "Stopped: no meeting file is kept.": "Wedi stopio: ni chedwir ffeil cyfarfod.",
    "The meeting is created.": "Mae'r cyfarfod wedi'i greu.",
    # == the chair, teller, results, projector and connect pages
    # -- adjudication
    "Sheet %1: %2 (no readable code)": "Dalen %1: %2 (dim cod darllenadwy)",
    "Sheet %1: item %2, %3 paper %4": "Dalen %1: eitem %2, papur %3 rhif %4",
    "No sheets are waiting for adjudication.": "Nid oes dalenni'n aros i'w dyfarnu.",
    "The reader says: %1": "Mae'r darllenydd yn dweud: %1",
    "No picture was kept for this sheet.": "Ni chadwyd llun o'r ddalen hon.",
    "Enter your name: every decision is recorded with who made it.":
        "Rhowch eich enw: cofnodir pob penderfyniad gydag enw'r sawl a'i gwnaeth.",
    "Type the candidate or option numbers the voter clearly meant, separated by spaces (in order of preference for "
    "a ranking).": "Teipiwch rifau'r ymgeiswyr neu'r dewisiadau yr oedd y pleidleisiwr yn amlwg yn eu bwriadu, gyda "
    "bylchau rhyngddynt (yn nhrefn dewis ar gyfer trefn restr).",
    "Sheets &waiting": "Dalenni'n &aros",
    "&Refresh the queue": "Diweddar&u'r ciw",
    "Mar&ks the voter clearly meant:": "Ma&rciau yr oedd y pleidleisiwr yn amlwg yn eu bwriadu:",
    "e.g. 1 for For; 3 1 2 for a ranking (in order of preference)":
        "e.e. 1 ar gyfer O blaid; 3 1 2 ar gyfer trefn restr (yn nhrefn dewis)",
    "Accep&t": "Der&byn",
    "Or reject be&cause:": "Neu wrthod &oherwydd:",
    "Re&ject": "&Gwrthod",
    "Decided &by:": "Penderfynwyd ga&n:",
    # -- batch import
    "Scans (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.gif *.webp *.pdf);;All files (*)":
        "Sganiau (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.gif *.webp *.pdf);;Pob ffeil (*)",
    "Scanned sheets to read": "Dalenni wedi'u sganio i'w darllen",
    "A folder of scanned sheets": "Ffolder o ddalenni wedi'u sganio",
    "Counting the pages…": "Yn cyfrif y tudalennau…",
    "Stopping after this page…": "Yn stopio ar ôl y dudalen hon…",
    "Reading %1 page(s)…": "Yn darllen %1 tudalen…",
    "Page %1: %2": "Tudalen %1: %2",
    "Page %1 of %2: %3 counted, %4 set aside for adjudication, %5 refused.":
        "Tudalen %1 o %2: %3 wedi'u cyfrif, %4 wedi'u rhoi o'r neilltu i'w dyfarnu, %5 wedi'u gwrthod.",
    "%1 page(s) read: %2 counted, %3 set aside for adjudication, %4 refused.":
        "Darllenwyd %1 tudalen: %2 wedi'u cyfrif, %3 wedi'u rhoi o'r neilltu i'w dyfarnu, %4 wedi'u gwrthod.",
    "Stopped. %1": "Wedi stopio. %1",
    "Read a batch of scanned ballot papers (images or PDF). Clear papers are counted; doubtful ones go to the "
    "adjudication queue with their picture.": "Darllen swp o bapurau pleidleisio wedi'u sganio (lluniau neu PDF). "
    "Cyfrifir y papurau clir; mae'r rhai amheus yn mynd i'r ciw dyfarnu gyda'u llun.",
    "Read a batch of scanned ballot papers (images or PDF): choose them, or drop them here. Clear papers are "
    "counted; doubtful ones go to the adjudication queue with their picture.": "Darllen swp o bapurau pleidleisio "
    "wedi'u sganio (lluniau neu PDF): dewiswch nhw, neu gollyngwch nhw yma. Cyfrifir y papurau clir; mae'r rhai "
    "amheus yn mynd i'r ciw dyfarnu gyda'u llun.",
    "Read scanned f&iles…": "Da&rllen ffeiliau wedi'u sganio…",
    "Read a f&older…": "Darllen ffo&lder…",
    # -- camera
    "Camera on: %1. Hold a paper's code up to it.": "Camera ymlaen: %1. Daliwch god papur o'i flaen.",
    "The camera stopped: %1": "Mae'r camera wedi stopio: %1",
    "Last code read: %1": "Y cod diwethaf a ddarllenwyd: %1",
    "Start the &camera": "Cyc&hwyn y camera",
    "Stop the camera": "Stopio'r camera",
    "No camera was found on this computer. Use the handheld scanner, or type the code on the Scan tab.":
        "Ni chafwyd hyd i gamera ar y cyfrifiadur hwn. Defnyddiwch y sganiwr llaw, neu teipiwch y cod ar y tab "
        "Sganio.",
    "Choose a camera and start it; codes it sees are scanned as if typed.":
        "Dewiswch gamera a'i gychwyn; caiff y codau a wêl eu sganio fel pe baent wedi'u teipio.",
    # -- chair
    "Casting vote": "Pleidlais fwrw",
    "The vote is tied. The rules give the chair a casting vote.":
        "Mae'r bleidlais yn gyfartal. Mae'r rheolau'n rhoi pleidlais fwrw i'r cadeirydd.",
    "Chair's name:": "Enw'r cadeirydd:",
    "Casting vote &for": "Pleidlais fwrw o &blaid",
    "Casting vote &against": "Pleidlais fwrw yn &erbyn",
    "The agenda has no items.": "Nid oes eitemau ar yr agenda.",
    "Item %1: %2": "Eitem %1: %2",
    "Voting is open.": "Mae'r pleidleisio ar agor.",
    "Voting is closed; the result can be declared.": "Mae'r pleidleisio wedi cau; gellir datgan y canlyniad.",
    "The result has been declared.": "Mae'r canlyniad wedi'i ddatgan.",
    "Not open yet: take a show of hands, or open a vote on paper.":
        "Heb agor eto: cymerwch bleidlais drwy godi dwylo, neu agorwch bleidlais ar bapur.",
    "Not open yet.": "Heb agor eto.",
    "Voting on item %1 is open.": "Mae'r pleidleisio ar eitem %1 ar agor.",
    "Voting on item %1 is closed. Close code: %2. Write it into the minutes by hand: it proves later that the record "
    "was not rewritten.": "Mae'r pleidleisio ar eitem %1 wedi cau. Cod cau: %2. Ysgrifennwch ef â llaw yn y "
    "cofnodion: mae'n profi wedyn nad ailysgrifennwyd y cofnod.",
    "Show of hands on item %1 recorded.": "Cofnodwyd y bleidlais drwy godi dwylo ar eitem %1.",
    "A poll on item %1 was demanded by %2: open the vote on paper.":
        "Galwyd am bôl (pleidlais ar bapur) ar eitem %1 gan %2: agorwch y bleidlais ar bapur.",
    "for": "o blaid",
    "against": "yn erbyn",
    "Casting vote %1 recorded for item %2.": "Cofnodwyd pleidlais fwrw %1 ar gyfer eitem %2.",
    "Enter the name of the person declaring the result.": "Rhowch enw'r sawl sy'n datgan y canlyniad.",
    "The result of item %1 is declared by %2.": "Datganwyd canlyniad eitem %1 gan %2.",
    "Result of item %1": "Canlyniad eitem %1",
    "No votes yet: open the vote or take a show of hands.":
        "Dim pleidleisiau eto: agorwch y bleidlais neu cymerwch bleidlais drwy godi dwylo.",
    "&Agenda": "&Agenda",
    "&Open the vote": "A&gor y bleidlais",
    "&Close the vote": "Ca&u'r bleidlais",
    "Show the &result": "Dangos y ca&nlyniad",
    "Declaration": "Datganiad",
    "Declared by:": "Datganwyd gan:",
    "&Declare the result": "&Datgan y canlyniad",
    "Once declared, the result is fixed and cannot be changed.":
        "Unwaith y caiff ei ddatgan, mae'r canlyniad yn derfynol ac ni ellir ei newid.",
    "Show of hands": "Codi dwylo",
    "For": "O blaid",
    "Against": "Yn erbyn",
    "Abstain": "Ymatal",
    "%1: hands %2": "%1: dwylo %2",
    "Record the sho&w of hands": "Co&fnodi'r bleidlais drwy godi dwylo",
    "Poll demanded by:": "Galwyd am bôl gan:",
    "Record the &poll demand": "Cofnodi'r galw am &bôl",
    "not open yet": "heb agor eto",
    "voting open": "pleidleisio ar agor",
    "voting closed": "pleidleisio wedi cau",
    "declared": "wedi'i ddatgan",
    "Papers returned so far": "Papurau a ddychwelwyd hyd yma",
    "Issued": "Wedi'u rhoi",
    "Returned": "Wedi'u dychwelyd",
    "Not yet returned": "Heb eu dychwelyd eto",
    "%1 of %2 papers returned": "%1 o %2 papur wedi'u dychwelyd",
    # -- connect
    "Several stations can work on one meeting kept on the chair's PostgreSQL server. Ask the chair for these "
    "details.": "Gall sawl gorsaf weithio ar un cyfarfod a gedwir ar weinydd PostgreSQL y cadeirydd. Gofynnwch i'r "
    "cadeirydd am y manylion hyn.",
    "Server (&host):": "Gweinydd (&gwesteiwr):",
    "&Port:": "&Porth:",
    "&Database:": "&Cronfa ddata:",
    "&User:": "&Defnyddiwr:",
    "Pass&word:": "C&yfrinair:",
    "for example 192.168.1.20 or chair-laptop.local": "er enghraifft 192.168.1.20 neu chair-laptop.local",
    "&Test connection": "Profi'r cysyll&tiad",
    "Connected: database %1 on %2 holds a meeting.": "Wedi cysylltu: mae cronfa ddata %1 ar %2 yn dal cyfarfod.",
    # -- results, declarations, export
    "PDF documents (*.pdf)": "Dogfennau PDF (*.pdf)",
    "Save the declaration": "Cadw'r datganiad",
    "%1 could not be written: %2": "Ni ellid ysgrifennu %1: %2",
    "Saved %1.": "Cadwyd %1.",
    "Sent %1 page(s) to the printer.": "Anfonwyd %1 tudalen i'r argraffydd.",
    "Previe&w the declaration": "&Rhagolwg o'r datganiad",
    "Preview the mi&nutes": "Rhagolwg o'r cof&nodion",
    "&Save as PDF…": "Cadw fel &PDF…",
    "&Print…": "Ar&graffu…",
    "Choose Preview to see the declaration as it will be printed.":
        "Dewiswch Rhagolwg i weld y datganiad fel y caiff ei argraffu.",
    "Minutes extract: %1 page(s).": "Detholiad o'r cofnodion: %1 tudalen.",
    "Declaration of item %1: %2 page(s).": "Datganiad eitem %1: %2 tudalen.",
    "Item %1 is not declared yet: this declaration is marked provisional (%2 page(s)).":
        "Nid yw eitem %1 wedi'i datgan eto: mae'r datganiad hwn wedi'i nodi'n un dros dro (%2 tudalen).",
    "coopvote archives (*.zip)": "Archifau coopvote (*.zip)",
    "Export the record": "Allforio'r cofnod",
    "Export works on a meeting file; copy a server meeting to a file first.":
        "Mae allforio'n gweithio ar ffeil cyfarfod; copïwch gyfarfod o'r gweinydd i ffeil yn gyntaf.",
    "Exporting to %1…": "Yn allforio i %1…",
    "Export cancelled: no archive is kept.": "Canslwyd yr allforio: ni chedwir archif.",
    "Wrote %1 (%2 files, %3 bytes). Record verification code: %4":
        "Ysgrifennwyd %1 (%2 ffeil, %3 beit). Cod dilysu'r cofnod: %4",
    "The archive holds the results, every ballot as counted, the declarations, the minutes and the audit log, and "
    "can be checked on any computer with 'coopvote verify'.": "Mae'r archif yn cynnwys y canlyniadau, pob papur "
    "pleidleisio fel y'i cyfrifwyd, y datganiadau, y cofnodion a'r log archwilio, a gellir ei gwirio ar unrhyw "
    "gyfrifiadur gyda 'coopvote verify'.",
    "&Export the record…": "Allfor&io'r cofnod…",
    "&Cancel": "Ca&nslo",
    "Full screen on screen %1: %2 (%3×%4)": "Sgrin lawn ar sgrin %1: %2 (%3×%4)",
    "Leave full screen (Esc)": "Gadael y sgrin lawn (Esc)",
    "Printed": "Wedi'u hargraffu",
    "Spoilt": "Wedi'u difetha",
    "Valid": "Dilys",
    "Rejected": "Wedi'u gwrthod",
    "Not returned": "Heb eu dychwelyd",
    "Counting…": "Yn cyfrif…",
    "No result to show yet.": "Dim canlyniad i'w ddangos eto.",
    "Privacy: %1": "Preifatrwydd: %1",
    "Stages of the count (quota %1)": "Camau'r cyfrif (cwota %1)",
    "Stages of the count": "Camau'r cyfrif",
    "Papers returned: %1; valid: %2.": "Papurau a ddychwelwyd: %1; dilys: %2.",
    "%1: %2": "%1: %2",
    "Rejected papers: %1.": "Papurau a wrthodwyd: %1.",
    "A poll was demanded by %1.": "Galwyd am bôl gan %1.",
    "Decided on a show of hands.": "Penderfynwyd drwy godi dwylo.",
    "Tie at stage %1 settled by %2.": "Penderfynwyd rhwng pleidleisiau cyfartal yng ngham %1 (dull: %2).",
    "%1\npapers": "%1\npapur",
    "First preferences": "Dewisiadau cyntaf",
    "Total papers": "Cyfanswm y papurau",
    "Weighted votes": "Pleidleisiau wedi'u pwysoli",
    "Papers returned": "Papurau a ddychwelwyd",
    "Votes by option and class": "Pleidleisiau fesul dewis a dosbarth",
    "Voting is open: the result is shown once it closes.": "Mae'r pleidleisio ar agor: dangosir y canlyniad pan fydd "
    "yn cau.",
    "The papers reconcile.": "Mae'r papurau'n cysoni.",
    "&Items": "&Eitemau",
    "Papers out and back": "Papurau allan ac yn ôl",
    "&Result": "Can&lyniad",
    "&Declaration": "&Datganiad",
    "E&xport": "&Allforio",
    # -- teller
    "Paper set aside: nothing recorded. Scan the next code.":
        "Papur wedi'i roi o'r neilltu: dim wedi'i gofnodi. Sganiwch y cod nesaf.",
    "Paper %1 of item %2 was not recorded (no marks keyed).\n%3":
        "Ni chofnodwyd papur %1 eitem %2 (dim marciau wedi'u teipio).\n%3",
    "Item %1 (%2), %3 paper %4": "Eitem %1 (%2), papur %3 rhif %4",
    "%1\nPress 1 For, 2 Against, 3 Abstain": "%1\nPwyswch 1 O blaid, 2 Yn erbyn, 3 Ymatal",
    "%1\nType the rank beside each candidate in order (- for a blank), then Enter:\n%2":
        "%1\nTeipiwch y rhif wrth bob ymgeisydd yn ei dro (- am fwlch), yna Enter:\n%2",
    "%1\nType the numbers of the marked candidates, then Enter:\n%2":
        "%1\nTeipiwch rifau'r ymgeiswyr a farciwyd, yna Enter:\n%2",
    "%1\nTry again: %2": "%1\nRhowch gynnig arall arni: %2",
    "item %1: %2 returned of %3 issued": "eitem %1: %2 wedi'u dychwelyd o %3 a roddwyd",
    "All stations: %1": "Pob gorsaf: %1",
    "No vote is open.": "Nid oes pleidlais ar agor.",
    "item %1: %2": "eitem %1: %2",
    "Counted here: %1 (%2)   Refused: %3": "Wedi'u cyfrif yma: %1 (%2)   Wedi'u gwrthod: %3",
    "&Code (scan, or type and press Enter)": "C&od (sganiwch, neu teipiwch a phwyso Enter)",
    "Scan a ballot paper or vote slip": "Sganiwch bapur pleidleisio neu slip pleidlais",
    "Reason for undoing:": "Rheswm dros ddadwneud:",
    "&Undo the last scan": "Dadwneud y sga&n diwethaf",
    "A vote slip is counted at once. A ballot paper then needs its marks: press 1, 2 or 3 for a resolution, or type "
    "the numbers and press Enter for an election. Esc sets a paper aside.": "Cyfrifir slip pleidlais ar unwaith. Wedyn "
    "mae angen teipio marciau'r papur pleidleisio: pwyswch 1, 2 neu 3 ar gyfer penderfyniad, neu teipiwch y rhifau a "
    "phwyso Enter ar gyfer etholiad. Mae Esc yn rhoi papur o'r neilltu.",
    "Ready: scan the first paper.": "Yn barod: sganiwch y papur cyntaf.",
    "No stages to show": "Dim camau i'w dangos",
    "Non-transferable": "Anhrosglwyddadwy",
    "Stage %1\n%2": "Cam %1\n%2",
    "%1 elected at stage %2": "Etholwyd %1 yng ngham %2",
    "%1 excluded at stage %2": "Eithriwyd %1 yng ngham %2",
    "Stage table: %1 stages": "Tabl y camau: %1 cam",
    "&Scan": "&Sganio",
    "Scanned &files": "Ffe&iliau wedi'u sganio",
    "&Adjudication (%1)": "&Dyfarnu (%1)",
    "&Adjudication": "&Dyfarnu",
    "Cam&era": "Cam&era",
    # -- safeguards at the moment of action (issue 12): the chair's confirmations and reasons, keyed rejection
    "The meeting is not quorate": "Nid yw'r cyfarfod yn gworwm",
    "%1\n\nOpen the vote anyway? Your reason is recorded in the audit log and printed on the declaration.":
    "%1\n\nAgor y bleidlais beth bynnag? Cofnodir eich rheswm yn y log archwilio a'i argraffu ar y datganiad.",
    "Open the vote anyway": "Agor y bleidlais beth bynnag",
    "Why the vote goes ahead without a quorum:": "Pam mae'r bleidlais yn mynd rhagddi heb gworwm:",
    "The vote was not opened.": "Ni agorwyd y bleidlais.",
    "Voting on item %1 cannot close yet: %2 scanned sheet(s) wait for adjudication. A teller decides each one on "
    "the Teller screen, Adjudication tab (accept the voter's clear intention, or reject it with a reason); then "
    "close the vote.": "Ni all y bleidlais ar eitem %1 gau eto: mae %2 dalen wedi'i sganio yn aros i'w dyfarnu. "
    "Mae rhifwr yn penderfynu ar bob un ar sgrin y Rhifwr, tab Dyfarnu (derbyn bwriad clir y pleidleisiwr, neu ei "
    "gwrthod gyda rheswm); yna caewch y bleidlais.",
    "Close the vote on item %1?": "Cau'r bleidlais ar eitem %1?",
    "%1 paper(s) are recorded. Once the vote closes no more papers are accepted, and the result can be counted and "
    "declared. A closed vote can be reopened only with a recorded reason.": "Mae %1 papur wedi'i gofnodi. Unwaith y "
    "bydd y bleidlais wedi cau ni dderbynnir rhagor o bapurau, a gellir cyfrif a datgan y canlyniad. Dim ond gyda "
    "rheswm wedi'i gofnodi y gellir ailagor pleidlais a gaewyd.",
    "Close the vote": "Cau'r bleidlais",
    "Reopen the vote on item %1?": "Ailagor y bleidlais ar eitem %1?",
    "The vote opens again so more papers can be recorded or sheets decided. Your reason is recorded in the audit "
    "log and printed on the declaration.": "Mae'r bleidlais yn agor eto er mwyn cofnodi rhagor o bapurau neu "
    "ddyfarnu dalennau. Cofnodir eich rheswm yn y log archwilio a'i argraffu ar y datganiad.",
    "Reopen the vote": "Ailagor y bleidlais",
    "Why the vote is reopened:": "Pam mae'r bleidlais yn cael ei hailagor:",
    "Voting on item %1 is open again.": "Mae'r bleidlais ar eitem %1 ar agor eto.",
    "Item %1 is already declared; a declared result cannot change.":
    "Mae eitem %1 eisoes wedi'i datgan; ni all canlyniad a ddatganwyd newid.",
    "%1\n\nDeclared by %2. The declared result is fixed: it cannot be changed, and the vote cannot be reopened.":
    "%1\n\nDatganwyd gan %2. Mae'r canlyniad a ddatganwyd yn derfynol: ni ellir ei newid, ac ni ellir ailagor y "
    "bleidlais.",
    "(the result is still being counted)": "(mae'r canlyniad yn dal i gael ei gyfrif)",
    "The papers do not reconcile: %1.\n\n%2": "Nid yw'r papurau'n cysoni: %1.\n\n%2",
    "Why the result is declared although the papers do not add up:":
    "Pam mae'r canlyniad yn cael ei ddatgan er nad yw'r papurau'n cysoni:",
    "Declare the result of item %1?": "Datgan canlyniad eitem %1?",
    "Declare the result": "Datgan y canlyniad",
    "%1 more paper(s) returned than issued (%2 issued, %3 returned)":
    "%1 papur yn fwy wedi'u dychwelyd nag a roddwyd (%2 wedi'u rhoi, %3 wedi'u dychwelyd)",
    "more papers issued than printed": "mwy o bapurau wedi'u rhoi nag a argraffwyd",
    "Opened without a quorum": "Agorwyd heb gworwm",
    "Reopened after closing": "Ailagorwyd ar ôl cau",
    "Declared although the papers do not reconcile": "Datganwyd er nad yw'r papurau'n cysoni",
    "Reope&n the vote": "Ailagor y ble&idlais",
    "type numbers only, separated by spaces": "teipiwch rifau yn unig, gyda bylchau rhyngddynt",
    "%1 ranks typed for %2 candidates": "%1 safle wedi'u teipio ar gyfer %2 ymgeisydd",
    "ranks run from 1 to %1": "mae'r safleoedd yn mynd o 1 i %1",
    "%1\n%2\nKey the marks again, or reject the paper: choose the reason and press Reject.":
    "%1\n%2\nTeipiwch y marciau eto, neu gwrthodwch y papur: dewiswch y rheswm a phwyso Gwrthod.",
    "No paper is waiting: scan the paper to reject first.": "Nid oes papur yn aros: sganiwch y papur i'w wrthod yn gyntaf.",
    "Reject the waiting paper as:": "Gwrthod y papur sy'n aros oherwydd:",
    "Re&ject the paper": "&Gwrthod y papur",
    "%1: %2 returned, %3 issued": "%1: %2 wedi'u dychwelyd, %3 wedi'u rhoi",
    "The papers do not add up (%1). Declaring will need the chair's reason.":
    "Nid yw'r papurau'n cysoni (%1). Bydd angen rheswm y cadeirydd i ddatgan.",
    # -- the rehearsal (chair_rehearsal.py)
    "Rehearsa&l before the meeting…": "Ymarfer cyn y cyfarf&od…",
    "Rehearsal before the meeting": "Ymarfer cyn y cyfarfod",
    "The rehearsal prints a test deck: every item, class, value band and paper variant, marked clear, "
    "faint, spoilt, blank and over-voted, and vote slips for every resolution, two of them torn from one "
    "sheet. Scan it on the meeting's scanner, then check the scans: coopvote reads and counts them as it "
    "will on the day and compares every paper and every tally with the deck. The test papers can never "
    "count in the real vote, and the meeting is left as it was.": "Mae'r ymarfer yn argraffu set o bapurau "
    "prawf: pob eitem, dosbarth, band gwerth a math o bapur, wedi'u marcio'n glir, yn wan, wedi'u difetha, yn "
    "wag a gyda gormod o farciau, a slipiau pleidleisio ar gyfer pob penderfyniad, dau ohonynt wedi'u rhwygo o'r "
    "un ddalen. Sganiwch nhw ar sganiwr y cyfarfod, yna gwiriwch y sganiau: mae coopvote yn eu darllen a'u "
    "cyfrif fel y bydd ar y diwrnod ac yn cymharu pob papur a phob cyfanswm â'r set. Ni all y papurau prawf "
    "fyth gyfrif yn y bleidlais go iawn, ac mae'r cyfarfod yn aros fel yr oedd.",
    "&Folder for the deck and its key:": "&Ffolder ar gyfer y papurau prawf a'u hallwedd:",
    "1. &Print the test deck": "1. &Argraffu'r papurau prawf",
    "&Scanned files (separate with ;):": "Ffeiliau wedi'u &sganio (gwahanwch â ;):",
    "&Choose…": "&Dewis…",
    "2. Chec&k the scans": "2. &Gwirio'r sganiau",
    "Test deck printed: %1 (%2 pages, %3 of them vote slips). Print it, scan it, then check the scans.":
    "Argraffwyd y papurau prawf: %1 (%2 tudalen, %3 ohonynt yn slipiau pleidleisio). Argraffwch nhw, "
    "sganiwch nhw, yna gwiriwch y sganiau.",
    "Stopped: no test deck was printed and nothing was kept.": "Wedi stopio: ni argraffwyd papurau prawf ac ni "
    "chadwyd dim.",
    "Stopped: nothing was recorded, and the test deck still waits for its scans.": "Wedi stopio: ni chofnodwyd "
    "dim, ac mae'r papurau prawf yn dal i aros am eu sganiau.",
    "The scanned test deck": "Y papurau prawf wedi'u sganio",
    "Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)": "Sganiau (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)",
    "The rehearsal passed: %1 test sheets read and counted as marked.": "Llwyddodd yr ymarfer: darllenwyd a "
    "chyfrifwyd %1 dalen brawf fel y'u marciwyd.",
    "The rehearsal FAILED: %1 problems. Fix the set-up and rehearse again.": "METHODD yr ymarfer: %1 problem. "
    "Cywirwch y drefn a chynhaliwch yr ymarfer eto.",
    # -- constitution presets in the wizard (wizard_setup.py, wizard_pages.py)
    "Rules &preset:": "&Rhagosodiad y rheolau:",
    "&Investors' class:": "Dosbarth y &buddsoddwyr:",
    "Rules preset": "Rhagosodiad y rheolau",
    "Investors' class": "Dosbarth y buddsoddwyr",
    "None: choose the weighting below": "Dim: dewiswch y pwysoli isod",
    "R&ules preset:": "Rhagosodiad y r&heolau:",
    "None: choose the threshold below": "Dim: dewiswch y trothwy isod",
    "Source: %1": "Ffynhonnell: %1",
    "The resolution this meeting confirms": "Y penderfyniad y mae'r cyfarfod hwn yn ei gadarnhau",
    "Copy these from the first meeting's declaration.": "Copïwch y rhain o ddatganiad y cyfarfod cyntaf.",
    "First meeting's c&ode:": "C&od y cyfarfod cyntaf:",
    "I&tem number there:": "Rhif yr ei&tem yno:",
    "&Date it was held:": "&Dyddiad ei gynnal:",
    "&Verification code:": "Cod dil&ysu:",
    "Share for, &as printed (optional):": "Cyfran o blaid, fel y'i hargr&affwyd (dewisol):",
    "e.g. R3LKGH": "e.e. R3LKGH",
    "e.g. 9E60 DAE6 39BE 4C15": "e.e. 9E60 DAE6 39BE 4C15",
    "e.g. 76.9%": "e.e. 76.9%",
    # -- nominations and the candidate booklet (chair_nominations.py)
    "No&minations and candidate booklet…": "Enwe&biadau a llyfryn yr ymgeiswyr…",
    "Nominations": "Enwebiadau",
    "Candidate": "Ymgeisydd",
    "Proposer": "Cynigydd",
    "Seconder": "Eilydd",
    "&Election:": "&Etholiad:",
    "&Candidate's membership number:": "Rhif aelodaeth yr &ymgeisydd:",
    "&Proposer's membership number:": "Rhif aelodaeth y &cynigydd:",
    "&Seconder's membership number:": "Rhif aelodaeth yr e&ilydd:",
    "&Received on:": "&Derbyniwyd ar:",
    "Statement in &Welsh:": "Datganiad yn &Gymraeg:",
    "Statement in E&nglish:": "Datganiad yn &Saesneg:",
    "Photo (optional, PNG or JPEG):": "Llun (dewisol, PNG neu JPEG):",
    "Choose a p&hoto…": "Dewis ll&un…",
    "Remo&ve the photo": "Tynnu'&r llun",
    "&Give the chosen candidate this photo": "Rh&oi'r llun i'r ymgeisydd a ddewiswyd",
    "The chosen photo": "Y llun a ddewiswyd",
    "No photo": "Dim llun",
    "Photo": "Llun",
    "given": "wedi'i roi",
    "none": "dim",
    "The candidate's photo": "Llun yr ymgeisydd",
    "Photos (*.png *.jpg *.jpeg)": "Lluniau (*.png *.jpg *.jpeg)",
    "Photo chosen: %1. Nominate, or give it to the candidate chosen in the table.":
        "Dewiswyd y llun: %1. Enwebwch, neu rhowch ef i'r ymgeisydd a ddewiswyd yn y tabl.",
    "Choose the candidate in the table to give the photo to.": "Dewiswch yn y tabl yr ymgeisydd i roi'r llun iddo.",
    "Photo saved for %1.": "Cadwyd y llun ar gyfer %1.",
    "N&ominate": "E&nwebu",
    "Reason for withdrawing": "Y rheswm dros dynnu'n ôl",
    "Wi&thdraw the chosen candidate": "&Tynnu'r ymgeisydd a ddewiswyd yn ôl",
    "C&lose nominations": "C&au'r enwebiadau",
    "Print the &booklet": "Argraffu'r &llyfryn",
    "Print the Eas&y Read booklet": "Argraffu'r llyfryn &Hawdd ei Ddarllen",
    "standing": "yn sefyll",
    "withdrawn": "wedi tynnu'n ôl",
    "No election on the agenda takes nominations.": "Nid oes etholiad ar yr agenda sy'n derbyn enwebiadau.",
    "Nominated: %1.": "Enwebwyd: %1.",
    "Choose the candidate who withdraws in the table.": "Dewiswch yn y tabl yr ymgeisydd sy'n tynnu'n ôl.",
    "Withdrawn: %1.": "Wedi tynnu'n ôl: %1.",
    "Nominations closed. Elected unopposed, without a vote: %1. Close code: %2. Write it into the minutes by hand: "
    "it proves later that the record was not rewritten.": "Caewyd yr enwebiadau. Etholwyd yn ddiwrthwynebiad, heb "
    "bleidlais: %1. Cod cau: %2. Ysgrifennwch ef â llaw yn y cofnodion: mae'n profi wedyn nad ailysgrifennwyd y "
    "cofnod.",
    "Nominations closed. Ballot order: %1.": "Caewyd yr enwebiadau. Trefn y papur pleidleisio: %1.",
    "Booklet written: %1": "Ysgrifennwyd y llyfryn: %1",
}

WELSH_BY_CONTEXT: dict[tuple[str, str], str] = {}

from coopvote.ui.i18n.welsh_advance import WELSH_ADVANCE  # noqa: E402 - the advance page's Welsh, kept on its own

WELSH.update(WELSH_ADVANCE)
