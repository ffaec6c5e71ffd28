<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB" sourcelanguage="en_GB">
  <context>
    <name>AdjudicationPanel</name>
    <message>
      <source>Sheet %1: %2 (no readable code)</source>
      <translation>Dalen %1: %2 (dim cod darllenadwy)</translation>
    </message>
    <message>
      <source>Sheet %1: item %2, %3 advance paper %4</source>
      <translation>Dalen %1: eitem %2, papur ymlaen llaw %3 rhif %4</translation>
    </message>
    <message>
      <source>Sheet %1: item %2, %3 paper %4</source>
      <translation>Dalen %1: eitem %2, papur %3 rhif %4</translation>
    </message>
    <message>
      <source>No sheets are waiting for adjudication.</source>
      <translation>Nid oes dalenni'n aros i'w dyfarnu.</translation>
    </message>
    <message>
      <source>The reader says: %1</source>
      <translation>Mae'r darllenydd yn dweud: %1</translation>
    </message>
    <message>
      <source>No picture was kept for this sheet.</source>
      <translation>Ni chadwyd llun o'r ddalen hon.</translation>
    </message>
    <message>
      <source>Enter your name: every decision is recorded with who made it.</source>
      <translation>Rhowch eich enw: cofnodir pob penderfyniad gydag enw'r sawl a'i gwnaeth.</translation>
    </message>
    <message>
      <source>Type the candidate or option numbers the voter clearly meant, separated by spaces (in order of preference for a ranking).</source>
      <translation>Teipiwch rifau'r ymgeiswyr neu'r dewisiadau yr oedd y pleidleisiwr yn amlwg yn eu bwriadu, gyda bylchau rhyngddynt (yn nhrefn dewis ar gyfer trefn restr).</translation>
    </message>
    <message>
      <source>Sheets &amp;waiting</source>
      <translation>Dalenni'n &amp;aros</translation>
    </message>
    <message>
      <source>&amp;Refresh the queue</source>
      <translation>Diweddar&amp;u'r ciw</translation>
    </message>
    <message>
      <source>Mar&amp;ks the voter clearly meant:</source>
      <translation>Ma&amp;rciau yr oedd y pleidleisiwr yn amlwg yn eu bwriadu:</translation>
    </message>
    <message>
      <source>Accep&amp;t</source>
      <translation>Der&amp;byn</translation>
    </message>
    <message>
      <source>Or reject be&amp;cause:</source>
      <translation>Neu wrthod &amp;oherwydd:</translation>
    </message>
    <message>
      <source>e.g. 1 for For; 3 1 2 for a ranking (in order of preference)</source>
      <translation>e.e. 1 ar gyfer O blaid; 3 1 2 ar gyfer trefn restr (yn nhrefn dewis)</translation>
    </message>
    <message>
      <source>Re&amp;ject</source>
      <translation>&amp;Gwrthod</translation>
    </message>
    <message>
      <source>Decided &amp;by:</source>
      <translation>Penderfynwyd ga&amp;n:</translation>
    </message>
  </context>
  <context>
    <name>AdvancePage</name>
    <message>
      <source>Before the meeting: advance votes</source>
      <translation>Cyn y cyfarfod: pleidleisiau ymlaen llaw</translation>
    </message>
    <message>
      <source>Pac&amp;ks</source>
      <translation>Pec&amp;ynnau</translation>
    </message>
    <message>
      <source>&amp;Envelopes</source>
      <translation>Aml&amp;enni</translation>
    </message>
    <message>
      <source>&amp;Scanned papers</source>
      <translation>Papurau wedi'u &amp;sganio</translation>
    </message>
    <message>
      <source>Hand sca&amp;nner or keyed</source>
      <translation>Sganiwr llaw neu &amp;deipio</translation>
    </message>
    <message>
      <source>&amp;Amended in the room</source>
      <translation>Diwygiwyd yn yr yst&amp;afell</translation>
    </message>
    <message>
      <source>Advance packs</source>
      <translation>Pecynnau ymlaen llaw</translation>
    </message>
    <message>
      <source>Every member of &amp;class</source>
      <translation>Pob aelod o'r dos&amp;barth</translation>
    </message>
    <message>
      <source>or these members (numbe&amp;rs, with commas)</source>
      <translation>neu'r aelodau hyn (&amp;rhifau aelodaeth, gyda choma)</translation>
    </message>
    <message>
      <source>Sen&amp;d packs: record them and print</source>
      <translation>Anfon &amp;pecynnau: eu cofnodi a'u hargraffu</translation>
    </message>
    <message>
      <source>Envelope (scan, or type the membership n&amp;umber and press Enter)</source>
      <translation>Amlen (sganiwch, neu teipiwch y &amp;rhif aelodaeth a phwyso Enter)</translation>
    </message>
    <message>
      <source>The declaration of identity is signe&amp;d</source>
      <translation>Mae'r datganiad hunaniaeth wedi'i lof&amp;nodi</translation>
    </message>
    <message>
      <source>O&amp;pen the accepted envelopes</source>
      <translation>A&amp;gor yr amlenni a dderbyniwyd</translation>
    </message>
    <message>
      <source>Open the envelopes and mix their papers first. Papers are counted as advance papers; a sheet the reader is not sure of goes to the tellers' adjudication queue (Tellers, Adjudication), and its vote cannot close until it is decided.</source>
      <translation>Agorwch yr amlenni a chymysgwch eu papurau yn gyntaf. Cyfrifir y papurau fel papurau ymlaen llaw; mae dalen nad yw'r darllenydd yn siŵr ohoni yn mynd i giw dyfarnu'r rhifwyr (Rhifwyr, Dyfarnu), ac ni all ei phleidlais gau nes ei dyfarnu.</translation>
    </message>
    <message>
      <source>Print into &amp;folder</source>
      <translation>Argraffu i'r &amp;ffolder</translation>
    </message>
    <message>
      <source>Returned envelopes</source>
      <translation>Amlenni a ddychwelwyd</translation>
    </message>
    <message>
      <source>Receive a &amp;batch from a file…</source>
      <translation>Derbyn swp o &amp;ffeil…</translation>
    </message>
    <message>
      <source>S&amp;top</source>
      <translation>Sto&amp;pio</translation>
    </message>
    <message>
      <source>(none: name members)</source>
      <translation>(dim: enwch aelodau)</translation>
    </message>
    <message>
      <source>%1 – %2</source>
      <translation>%1 – %2</translation>
    </message>
    <message>
      <source>Packs sent: %1. Envelopes accepted: %2 (opened: %3). Refused: %4.</source>
      <translation>Pecynnau a anfonwyd: %1. Amlenni a dderbyniwyd: %2 (wedi'u hagor: %3). Heb eu derbyn: %4.</translation>
    </message>
    <message>
      <source>Choose a folder to print the envelopes and papers into.</source>
      <translation>Dewiswch ffolder i argraffu'r amlenni a'r papurau iddi.</translation>
    </message>
    <message>
      <source>Packs for %1 members recorded as sent; printed %2 files into %3. Print envelopes and papers separately and fill each envelope from a mixed stack.</source>
      <translation>Cofnodwyd bod pecynnau wedi'u hanfon at %1 aelod; argraffwyd %2 ffeil i %3. Argraffwch yr amlenni a'r papurau ar wahân a llenwch bob amlen o bentwr cymysg.</translation>
    </message>
    <message>
      <source>Envelope codes, one a line</source>
      <translation>Codau amlenni, un i bob llinell</translation>
    </message>
    <message>
      <source>%1 cannot be read: %2</source>
      <translation>Ni ellir darllen %1: %2</translation>
    </message>
    <message>
      <source>%1 envelopes received: %2 accepted, %3 refused.</source>
      <translation>%1 amlen wedi'u derbyn i law: %2 wedi'u derbyn, %3 heb eu derbyn.</translation>
    </message>
    <message>
      <source>%1 envelopes recorded as opened: mix their papers, then read them.</source>
      <translation>Cofnodwyd bod %1 amlen wedi'u hagor: cymysgwch eu papurau, yna darllenwch nhw.</translation>
    </message>
  </context>
  <context>
    <name>AgendaPage</name>
    <message>
      <source>Agenda</source>
      <translation>Agenda</translation>
    </message>
    <message>
      <source>The resolutions and elections members vote on, in order.</source>
      <translation>Y penderfyniadau a'r etholiadau y mae'r aelodau'n pleidleisio arnynt, yn eu trefn.</translation>
    </message>
    <message>
      <source>Agenda items</source>
      <translation>Eitemau'r agenda</translation>
    </message>
    <message>
      <source>Add &amp;resolution</source>
      <translation>Ychwanegu &amp;penderfyniad</translation>
    </message>
    <message>
      <source>Add &amp;election</source>
      <translation>Ychwanegu &amp;etholiad</translation>
    </message>
    <message>
      <source>Title in &amp;Welsh:</source>
      <translation>Teitl yn &amp;Gymraeg:</translation>
    </message>
    <message>
      <source>Remove &amp;item</source>
      <translation>&amp;Tynnu'r eitem</translation>
    </message>
    <message>
      <source>Title in Eng&amp;lish:</source>
      <translation>Teitl yn &amp;Saesneg:</translation>
    </message>
    <message>
      <source>R&amp;ules preset:</source>
      <translation>Rhagosodiad y r&amp;heolau:</translation>
    </message>
    <message>
      <source>Counting &amp;method:</source>
      <translation>&amp;Dull cyfrif:</translation>
    </message>
    <message>
      <source>Carried when &amp;For is:</source>
      <translation>Yn cael ei basio &amp;os yw O blaid:</translation>
    </message>
    <message>
      <source>&amp;Seats:</source>
      <translation>Sedd&amp;i:</translation>
    </message>
    <message>
      <source>&amp;Candidates (one a line; “Name | CLASS”):</source>
      <translation>Ymgeis&amp;wyr (un i bob llinell; “Enw | DOSBARTH”):</translation>
    </message>
    <message>
      <source>Seats per class:</source>
      <translation>Seddi i bob dosbarth:</translation>
    </message>
    <message>
      <source>S&amp;pecial resolution</source>
      <translation>Penderfyniad &amp;arbennig</translation>
    </message>
    <message>
      <source>Counted by &amp;head (one member, one vote)</source>
      <translation>Cyfri&amp;f fesul pen (un aelod, un bleidlais)</translation>
    </message>
    <message>
      <source>more than half</source>
      <translation>yn fwy na hanner</translation>
    </message>
    <message>
      <source>at least two thirds</source>
      <translation>yn ddwy ran o dair o leiaf</translation>
    </message>
    <message>
      <source>at least three quarters</source>
      <translation>yn dri chwarter o leiaf</translation>
    </message>
    <message>
      <source>None: choose the threshold below</source>
      <translation>Dim: dewiswch y trothwy isod</translation>
    </message>
    <message>
      <source>Single transferable vote (Scottish STV)</source>
      <translation>Pleidlais sengl drosglwyddadwy (STV yr Alban)</translation>
    </message>
    <message>
      <source>Single transferable vote (Meek)</source>
      <translation>Pleidlais sengl drosglwyddadwy (Meek)</translation>
    </message>
    <message>
      <source>Single transferable vote (weighted inclusive Gregory)</source>
      <translation>Pleidlais sengl drosglwyddadwy (Gregory cynhwysol pwysol)</translation>
    </message>
    <message>
      <source>Alternative vote (instant runoff)</source>
      <translation>Pleidlais amgen (eithrio fesul un)</translation>
    </message>
    <message>
      <source>First past the post</source>
      <translation>Y cyntaf i'r felin</translation>
    </message>
    <message>
      <source>Block vote</source>
      <translation>Pleidlais floc</translation>
    </message>
    <message>
      <source>Approval vote</source>
      <translation>Pleidlais gymeradwyo</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Dosbarth</translation>
    </message>
    <message>
      <source>At least</source>
      <translation>O leiaf</translation>
    </message>
    <message>
      <source>At most</source>
      <translation>Ar y mwyaf</translation>
    </message>
    <message>
      <source>Election</source>
      <translation>Etholiad</translation>
    </message>
    <message>
      <source>Resolution</source>
      <translation>Penderfyniad</translation>
    </message>
    <message>
      <source>(no title yet)</source>
      <translation>(dim teitl eto)</translation>
    </message>
    <message>
      <source>%1. %2: %3</source>
      <translation>%1. %2: %3</translation>
    </message>
  </context>
  <context>
    <name>AmendmentPanel</name>
    <message>
      <source>Item %1: %2</source>
      <translation>Eitem %1: %2</translation>
    </message>
    <message>
      <source>Every advance vote on item %1 will count as AGAINST the amended resolution, whatever it said.</source>
      <translation>Bydd pob pleidlais ymlaen llaw ar eitem %1 yn cyfrif YN ERBYN y penderfyniad diwygiedig, beth bynnag a ddywedai.</translation>
    </message>
    <message>
      <source>Advance votes on item %1 will NOT BE COUNTED: the amended resolution is decided by the votes cast in the meeting.</source>
      <translation>NI FYDD y pleidleisiau ymlaen llaw ar eitem %1 YN CAEL EU CYFRIF: y pleidleisiau a fwriwyd yn y cyfarfod sy'n penderfynu'r penderfyniad diwygiedig.</translation>
    </message>
    <message>
      <source>No resolution that takes advance votes is waiting for a result.</source>
      <translation>Nid oes penderfyniad sy'n cymryd pleidleisiau ymlaen llaw yn aros am ganlyniad.</translation>
    </message>
    <message>
      <source>Item %1 is already recorded as amended. %2</source>
      <translation>Mae eitem %1 eisoes wedi'i chofnodi fel un a ddiwygiwyd. %2</translation>
    </message>
    <message>
      <source>If you record it: %1</source>
      <translation>Os cofnodwch hyn: %1</translation>
    </message>
    <message>
      <source>Enter who moved the amendment (or who records it).</source>
      <translation>Rhowch enw pwy a gynigiodd y gwelliant (neu pwy sy'n ei gofnodi).</translation>
    </message>
    <message>
      <source>Record item %1 as amended in the room?</source>
      <translation>Cofnodi bod eitem %1 wedi'i diwygio yn yr ystafell?</translation>
    </message>
    <message>
      <source>%1

This cannot be undone.</source>
      <translation>%1

Ni ellir dadwneud hyn.</translation>
    </message>
    <message>
      <source>Record the amendment</source>
      <translation>Cofnodi'r gwelliant</translation>
    </message>
    <message>
      <source>Nothing was recorded.</source>
      <translation>Ni chofnodwyd dim.</translation>
    </message>
    <message>
      <source>Item %1 recorded as amended in the room. %2</source>
      <translation>Cofnodwyd bod eitem %1 wedi'i diwygio yn yr ystafell. %2</translation>
    </message>
    <message>
      <source>When a resolution that took advance votes is amended in the room, record it here. Advance votes were cast on the words as sent, so the meeting's definition says what becomes of them.</source>
      <translation>Pan fydd penderfyniad a gafodd bleidleisiau ymlaen llaw yn cael ei ddiwygio yn yr ystafell, cofnodwch hynny yma. Bwriwyd y pleidleisiau ymlaen llaw ar y geiriau a anfonwyd, felly diffiniad y cyfarfod sy'n dweud beth a ddaw ohonynt.</translation>
    </message>
    <message>
      <source>Resol&amp;ution</source>
      <translation>Pender&amp;fyniad</translation>
    </message>
    <message>
      <source>Moved &amp;by</source>
      <translation>Cynigiwyd &amp;gan</translation>
    </message>
    <message>
      <source>&amp;Record the amendment…</source>
      <translation>C&amp;ofnodi'r gwelliant…</translation>
    </message>
  </context>
  <context>
    <name>BatchImportPanel</name>
    <message>
      <source>Scans (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.gif *.webp *.pdf);;All files (*)</source>
      <translation>Sganiau (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.gif *.webp *.pdf);;Pob ffeil (*)</translation>
    </message>
    <message>
      <source>Scanned sheets to read</source>
      <translation>Dalenni wedi'u sganio i'w darllen</translation>
    </message>
    <message>
      <source>A folder of scanned sheets</source>
      <translation>Ffolder o ddalenni wedi'u sganio</translation>
    </message>
    <message>
      <source>Counting the pages…</source>
      <translation>Yn cyfrif y tudalennau…</translation>
    </message>
    <message>
      <source>Stopping after this page…</source>
      <translation>Yn stopio ar ôl y dudalen hon…</translation>
    </message>
    <message>
      <source>Reading %1 page(s)…</source>
      <translation>Yn darllen %1 tudalen…</translation>
    </message>
    <message>
      <source>Page %1: %2</source>
      <translation>Tudalen %1: %2</translation>
    </message>
    <message>
      <source>Page %1 of %2: %3 counted, %4 set aside for adjudication, %5 refused.</source>
      <translation>Tudalen %1 o %2: %3 wedi'u cyfrif, %4 wedi'u rhoi o'r neilltu i'w dyfarnu, %5 wedi'u gwrthod.</translation>
    </message>
    <message>
      <source>%1 page(s) read: %2 counted, %3 set aside for adjudication, %4 refused.</source>
      <translation>Darllenwyd %1 tudalen: %2 wedi'u cyfrif, %3 wedi'u rhoi o'r neilltu i'w dyfarnu, %4 wedi'u gwrthod.</translation>
    </message>
    <message>
      <source>Stopped. %1</source>
      <translation>Wedi stopio. %1</translation>
    </message>
    <message>
      <source>Read a batch of scanned ballot papers (images or PDF). Clear papers are counted; doubtful ones go to the adjudication queue with their picture.</source>
      <translation>Darllen swp o bapurau pleidleisio wedi'u sganio (lluniau neu PDF). Cyfrifir y papurau clir; mae'r rhai amheus yn mynd i'r ciw dyfarnu gyda'u llun.</translation>
    </message>
    <message>
      <source>Read scanned f&amp;iles…</source>
      <translation>Da&amp;rllen ffeiliau wedi'u sganio…</translation>
    </message>
    <message>
      <source>S&amp;top</source>
      <translation>Sto&amp;pio</translation>
    </message>
    <message>
      <source>Read a f&amp;older…</source>
      <translation>Darllen ffo&amp;lder…</translation>
    </message>
  </context>
  <context>
    <name>CameraPanel</name>
    <message>
      <source>Camera on: %1. Hold a paper's code up to it.</source>
      <translation>Camera ymlaen: %1. Daliwch god papur o'i flaen.</translation>
    </message>
    <message>
      <source>The camera stopped: %1</source>
      <translation>Mae'r camera wedi stopio: %1</translation>
    </message>
    <message>
      <source>Last code read: %1</source>
      <translation>Y cod diwethaf a ddarllenwyd: %1</translation>
    </message>
    <message>
      <source>Start the &amp;camera</source>
      <translation>Cyc&amp;hwyn y camera</translation>
    </message>
    <message>
      <source>Stop the camera</source>
      <translation>Stopio'r camera</translation>
    </message>
    <message>
      <source>No camera was found on this computer. Use the handheld scanner, or type the code on the Scan tab.</source>
      <translation>Ni chafwyd hyd i gamera ar y cyfrifiadur hwn. Defnyddiwch y sganiwr llaw, neu teipiwch y cod ar y tab Sganio.</translation>
    </message>
    <message>
      <source>Choose a camera and start it; codes it sees are scanned as if typed.</source>
      <translation>Dewiswch gamera a'i gychwyn; caiff y codau a wêl eu sganio fel pe baent wedi'u teipio.</translation>
    </message>
  </context>
  <context>
    <name>CastingPanel</name>
    <message>
      <source>Casting vote</source>
      <translation>Pleidlais fwrw</translation>
    </message>
    <message>
      <source>The vote is tied. The rules give the chair a casting vote.</source>
      <translation>Mae'r bleidlais yn gyfartal. Mae'r rheolau'n rhoi pleidlais fwrw i'r cadeirydd.</translation>
    </message>
    <message>
      <source>Chair's name:</source>
      <translation>Enw'r cadeirydd:</translation>
    </message>
    <message>
      <source>Casting vote &amp;for</source>
      <translation>Pleidlais fwrw o &amp;blaid</translation>
    </message>
    <message>
      <source>Casting vote &amp;against</source>
      <translation>Pleidlais fwrw yn &amp;erbyn</translation>
    </message>
  </context>
  <context>
    <name>ChairPage</name>
    <message>
      <source>%1. %2: %3</source>
      <translation>%1. %2: %3</translation>
    </message>
    <message>
      <source>The agenda has no items.</source>
      <translation>Nid oes eitemau ar yr agenda.</translation>
    </message>
    <message>
      <source>Item %1: %2</source>
      <translation>Eitem %1: %2</translation>
    </message>
    <message>
      <source>Voting is open.</source>
      <translation>Mae'r pleidleisio ar agor.</translation>
    </message>
    <message>
      <source>Voting is closed; the result can be declared.</source>
      <translation>Mae'r pleidleisio wedi cau; gellir datgan y canlyniad.</translation>
    </message>
    <message>
      <source>The result has been declared.</source>
      <translation>Mae'r canlyniad wedi'i ddatgan.</translation>
    </message>
    <message>
      <source>Not open yet: take a show of hands, or open a vote on paper.</source>
      <translation>Heb agor eto: cymerwch bleidlais drwy godi dwylo, neu agorwch bleidlais ar bapur.</translation>
    </message>
    <message>
      <source>Not open yet.</source>
      <translation>Heb agor eto.</translation>
    </message>
    <message>
      <source>Voting on item %1 is open.</source>
      <translation>Mae'r pleidleisio ar eitem %1 ar agor.</translation>
    </message>
    <message>
      <source>The meeting is not quorate</source>
      <translation>Nid yw'r cyfarfod yn gworwm</translation>
    </message>
    <message>
      <source>%1

Open the vote anyway? Your reason is recorded in the audit log and printed on the declaration.</source>
      <translation>%1

Agor y bleidlais beth bynnag? Cofnodir eich rheswm yn y log archwilio a'i argraffu ar y datganiad.</translation>
    </message>
    <message>
      <source>Open the vote anyway</source>
      <translation>Agor y bleidlais beth bynnag</translation>
    </message>
    <message>
      <source>Why the vote goes ahead without a quorum:</source>
      <translation>Pam mae'r bleidlais yn mynd rhagddi heb gworwm:</translation>
    </message>
    <message>
      <source>The vote was not opened.</source>
      <translation>Ni agorwyd y bleidlais.</translation>
    </message>
    <message>
      <source>Voting on item %1 cannot close yet: %2 scanned sheet(s) wait for adjudication. A teller decides each one on the Teller screen, Adjudication tab (accept the voter's clear intention, or reject it with a reason); then close the vote.</source>
      <translation>Ni all y bleidlais ar eitem %1 gau eto: mae %2 dalen wedi'i sganio yn aros i'w dyfarnu. Mae rhifwr yn penderfynu ar bob un ar sgrin y Rhifwr, tab Dyfarnu (derbyn bwriad clir y pleidleisiwr, neu ei gwrthod gyda rheswm); yna caewch y bleidlais.</translation>
    </message>
    <message>
      <source>Close the vote on item %1?</source>
      <translation>Cau'r bleidlais ar eitem %1?</translation>
    </message>
    <message>
      <source>%1 paper(s) are recorded. Once the vote closes no more papers are accepted, and the result can be counted and declared. A closed vote can be reopened only with a recorded reason.</source>
      <translation>Mae %1 papur wedi'i gofnodi. Unwaith y bydd y bleidlais wedi cau ni dderbynnir rhagor o bapurau, a gellir cyfrif a datgan y canlyniad. Dim ond gyda rheswm wedi'i gofnodi y gellir ailagor pleidlais a gaewyd.</translation>
    </message>
    <message>
      <source>Close the vote</source>
      <translation>Cau'r bleidlais</translation>
    </message>
    <message>
      <source>Voting on item %1 is closed. Close code: %2. Write it into the minutes by hand: it proves later that the record was not rewritten.</source>
      <translation>Mae'r pleidleisio ar eitem %1 wedi cau. Cod cau: %2. Ysgrifennwch ef â llaw yn y cofnodion: mae'n profi wedyn nad ailysgrifennwyd y cofnod.</translation>
    </message>
    <message>
      <source>Reopen the vote on item %1?</source>
      <translation>Ailagor y bleidlais ar eitem %1?</translation>
    </message>
    <message>
      <source>The vote opens again so more papers can be recorded or sheets decided. Your reason is recorded in the audit log and printed on the declaration.</source>
      <translation>Mae'r bleidlais yn agor eto er mwyn cofnodi rhagor o bapurau neu ddyfarnu dalennau. Cofnodir eich rheswm yn y log archwilio a'i argraffu ar y datganiad.</translation>
    </message>
    <message>
      <source>Reopen the vote</source>
      <translation>Ailagor y bleidlais</translation>
    </message>
    <message>
      <source>Why the vote is reopened:</source>
      <translation>Pam mae'r bleidlais yn cael ei hailagor:</translation>
    </message>
    <message>
      <source>Voting on item %1 is open again.</source>
      <translation>Mae'r bleidlais ar eitem %1 ar agor eto.</translation>
    </message>
    <message>
      <source>Show of hands on item %1 recorded.</source>
      <translation>Cofnodwyd y bleidlais drwy godi dwylo ar eitem %1.</translation>
    </message>
    <message>
      <source>A poll on item %1 was demanded by %2: open the vote on paper.</source>
      <translation>Galwyd am bôl (pleidlais ar bapur) ar eitem %1 gan %2: agorwch y bleidlais ar bapur.</translation>
    </message>
    <message>
      <source>for</source>
      <translation>o blaid</translation>
    </message>
    <message>
      <source>against</source>
      <translation>yn erbyn</translation>
    </message>
    <message>
      <source>Casting vote %1 recorded for item %2.</source>
      <translation>Cofnodwyd pleidlais fwrw %1 ar gyfer eitem %2.</translation>
    </message>
    <message>
      <source>Enter the name of the person declaring the result.</source>
      <translation>Rhowch enw'r sawl sy'n datgan y canlyniad.</translation>
    </message>
    <message>
      <source>Item %1 is already declared; a declared result cannot change.</source>
      <translation>Mae eitem %1 eisoes wedi'i datgan; ni all canlyniad a ddatganwyd newid.</translation>
    </message>
    <message>
      <source>%1

Declared by %2. The declared result is fixed: it cannot be changed, and the vote cannot be reopened.</source>
      <translation>%1

Datganwyd gan %2. Mae'r canlyniad a ddatganwyd yn derfynol: ni ellir ei newid, ac ni ellir ailagor y bleidlais.</translation>
    </message>
    <message>
      <source>(the result is still being counted)</source>
      <translation>(mae'r canlyniad yn dal i gael ei gyfrif)</translation>
    </message>
    <message>
      <source>The papers do not reconcile: %1.

%2</source>
      <translation>Nid yw'r papurau'n cysoni: %1.

%2</translation>
    </message>
    <message>
      <source>Why the result is declared although the papers do not add up:</source>
      <translation>Pam mae'r canlyniad yn cael ei ddatgan er nad yw'r papurau'n cysoni:</translation>
    </message>
    <message>
      <source>Declare the result of item %1?</source>
      <translation>Datgan canlyniad eitem %1?</translation>
    </message>
    <message>
      <source>Declare the result</source>
      <translation>Datgan y canlyniad</translation>
    </message>
    <message>
      <source>The result of item %1 is declared by %2.</source>
      <translation>Datganwyd canlyniad eitem %1 gan %2.</translation>
    </message>
    <message>
      <source>%1 more paper(s) returned than issued (%2 issued, %3 returned)</source>
      <translation>%1 papur yn fwy wedi'u dychwelyd nag a roddwyd (%2 wedi'u rhoi, %3 wedi'u dychwelyd)</translation>
    </message>
    <message>
      <source>more papers issued than printed</source>
      <translation>mwy o bapurau wedi'u rhoi nag a argraffwyd</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>Opened without a quorum</source>
      <translation>Agorwyd heb gworwm</translation>
    </message>
    <message>
      <source>Reopened after closing</source>
      <translation>Ailagorwyd ar ôl cau</translation>
    </message>
    <message>
      <source>Declared although the papers do not reconcile</source>
      <translation>Datganwyd er nad yw'r papurau'n cysoni</translation>
    </message>
    <message>
      <source>Result of item %1</source>
      <translation>Canlyniad eitem %1</translation>
    </message>
    <message>
      <source>No votes yet: open the vote or take a show of hands.</source>
      <translation>Dim pleidleisiau eto: agorwch y bleidlais neu cymerwch bleidlais drwy godi dwylo.</translation>
    </message>
    <message>
      <source>&amp;Agenda</source>
      <translation>&amp;Agenda</translation>
    </message>
    <message>
      <source>&amp;Open the vote</source>
      <translation>A&amp;gor y bleidlais</translation>
    </message>
    <message>
      <source>&amp;Close the vote</source>
      <translation>Ca&amp;u'r bleidlais</translation>
    </message>
    <message>
      <source>Show the &amp;result</source>
      <translation>Dangos y ca&amp;nlyniad</translation>
    </message>
    <message>
      <source>Reope&amp;n the vote</source>
      <translation>Ailagor y ble&amp;idlais</translation>
    </message>
    <message>
      <source>Rehearsa&amp;l before the meeting…</source>
      <translation>Ymarfer cyn y cyfarf&amp;od…</translation>
    </message>
    <message>
      <source>No&amp;minations and candidate booklet…</source>
      <translation>Enwe&amp;biadau a llyfryn yr ymgeiswyr…</translation>
    </message>
  </context>
  <context>
    <name>ClassesPage</name>
    <message>
      <source>Membership classes and weighting</source>
      <translation>Dosbarthiadau aelodaeth a phwysoli</translation>
    </message>
    <message>
      <source>One row per class: a short code, its names, the colour of its ballot papers. The weighting scheme says how much each class's votes count.</source>
      <translation>Un rhes i bob dosbarth: cod byr, ei enwau, a lliw ei bapurau pleidleisio. Mae'r cynllun pwysoli yn dweud faint mae pleidleisiau pob dosbarth yn ei gyfrif.</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Cod</translation>
    </message>
    <message>
      <source>Name in Welsh</source>
      <translation>Enw yn Gymraeg</translation>
    </message>
    <message>
      <source>Name in English</source>
      <translation>Enw yn Saesneg</translation>
    </message>
    <message>
      <source>Colour</source>
      <translation>Lliw</translation>
    </message>
    <message>
      <source>Share or votes</source>
      <translation>Cyfran neu bleidleisiau</translation>
    </message>
    <message>
      <source>Membership classes</source>
      <translation>Dosbarthiadau aelodaeth</translation>
    </message>
    <message>
      <source>&amp;Add class</source>
      <translation>Ychwanegu dos&amp;barth</translation>
    </message>
    <message>
      <source>&amp;Remove class</source>
      <translation>&amp;Tynnu'r dosbarth</translation>
    </message>
    <message>
      <source>C&amp;hoose colour…</source>
      <translation>&amp;Dewis lliw…</translation>
    </message>
    <message>
      <source>&amp;Weighting scheme:</source>
      <translation>Cynllun &amp;pwysoli:</translation>
    </message>
    <message>
      <source>If a class casts no &amp;votes:</source>
      <translation>Os nad yw dosbarth yn bwrw &amp;unrhyw bleidlais:</translation>
    </message>
    <message>
      <source>One member, one vote</source>
      <translation>Un aelod, un bleidlais</translation>
    </message>
    <message>
      <source>Each class has a share of the vote</source>
      <translation>Mae gan bob dosbarth gyfran o'r bleidlais</translation>
    </message>
    <message>
      <source>Fixed votes per member of each class</source>
      <translation>Nifer penodol o bleidleisiau i bob aelod o bob dosbarth</translation>
    </message>
    <message>
      <source>share its part among the other classes</source>
      <translation>rhannu ei gyfran rhwng y dosbarthiadau eraill</translation>
    </message>
    <message>
      <source>its part is lost</source>
      <translation>collir ei gyfran</translation>
    </message>
    <message>
      <source>Weighting scheme</source>
      <translation>Cynllun pwysoli</translation>
    </message>
    <message>
      <source>If a class casts no votes</source>
      <translation>Os nad yw dosbarth yn bwrw unrhyw bleidlais</translation>
    </message>
    <message>
      <source>Rules &amp;preset:</source>
      <translation>&amp;Rhagosodiad y rheolau:</translation>
    </message>
    <message>
      <source>&amp;Investors' class:</source>
      <translation>Dosbarth y &amp;buddsoddwyr:</translation>
    </message>
    <message>
      <source>Rules preset</source>
      <translation>Rhagosodiad y rheolau</translation>
    </message>
    <message>
      <source>Investors' class</source>
      <translation>Dosbarth y buddsoddwyr</translation>
    </message>
    <message>
      <source>None: choose the weighting below</source>
      <translation>Dim: dewiswch y pwysoli isod</translation>
    </message>
    <message>
      <source>Every member's vote counts the same; the last column is not used.</source>
      <translation>Mae pleidlais pob aelod yn cyfrif yr un fath; ni ddefnyddir y golofn olaf.</translation>
    </message>
    <message>
      <source>Last column: each class's share of the vote, such as 1/3; the shares add up to 1.</source>
      <translation>Y golofn olaf: cyfran pob dosbarth o'r bleidlais, er enghraifft 1/3; mae'r cyfrannau'n adio i 1.</translation>
    </message>
    <message>
      <source>Last column: how many votes each member of the class has, such as 1 or 2.</source>
      <translation>Y golofn olaf: sawl pleidlais sydd gan bob aelod o'r dosbarth, er enghraifft 1 neu 2.</translation>
    </message>
  </context>
  <context>
    <name>Colour</name>
    <message>
      <source>red</source>
      <translation>coch</translation>
    </message>
    <message>
      <source>orange</source>
      <translation>oren</translation>
    </message>
    <message>
      <source>yellow</source>
      <translation>melyn</translation>
    </message>
    <message>
      <source>green</source>
      <translation>gwyrdd</translation>
    </message>
    <message>
      <source>blue</source>
      <translation>glas</translation>
    </message>
    <message>
      <source>purple</source>
      <translation>porffor</translation>
    </message>
    <message>
      <source>pink</source>
      <translation>pinc</translation>
    </message>
    <message>
      <source>brown</source>
      <translation>brown</translation>
    </message>
    <message>
      <source>grey</source>
      <translation>llwyd</translation>
    </message>
    <message>
      <source>black</source>
      <translation>du</translation>
    </message>
    <message>
      <source>white</source>
      <translation>gwyn</translation>
    </message>
  </context>
  <context>
    <name>ConfirmsFields</name>
    <message>
      <source>The resolution this meeting confirms</source>
      <translation>Y penderfyniad y mae'r cyfarfod hwn yn ei gadarnhau</translation>
    </message>
    <message>
      <source>Copy these from the first meeting's declaration.</source>
      <translation>Copïwch y rhain o ddatganiad y cyfarfod cyntaf.</translation>
    </message>
    <message>
      <source>First meeting's c&amp;ode:</source>
      <translation>C&amp;od y cyfarfod cyntaf:</translation>
    </message>
    <message>
      <source>I&amp;tem number there:</source>
      <translation>Rhif yr ei&amp;tem yno:</translation>
    </message>
    <message>
      <source>&amp;Date it was held:</source>
      <translation>&amp;Dyddiad ei gynnal:</translation>
    </message>
    <message>
      <source>&amp;Verification code:</source>
      <translation>Cod dil&amp;ysu:</translation>
    </message>
    <message>
      <source>Share for, &amp;as printed (optional):</source>
      <translation>Cyfran o blaid, fel y'i hargr&amp;affwyd (dewisol):</translation>
    </message>
    <message>
      <source>e.g. R3LKGH</source>
      <translation>e.e. R3LKGH</translation>
    </message>
    <message>
      <source>e.g. 9E60 DAE6 39BE 4C15</source>
      <translation>e.e. 9E60 DAE6 39BE 4C15</translation>
    </message>
    <message>
      <source>e.g. 76.9%</source>
      <translation>e.e. 76.9%</translation>
    </message>
  </context>
  <context>
    <name>ConnectDialog</name>
    <message>
      <source>Connect to a shared meeting</source>
      <translation>Cysylltu â chyfarfod a rennir</translation>
    </message>
    <message>
      <source>Several stations can work on one meeting kept on the chair's PostgreSQL server. Ask the chair for these details.</source>
      <translation>Gall sawl gorsaf weithio ar un cyfarfod a gedwir ar weinydd PostgreSQL y cadeirydd. Gofynnwch i'r cadeirydd am y manylion hyn.</translation>
    </message>
    <message>
      <source>Server (&amp;host):</source>
      <translation>Gweinydd (&amp;gwesteiwr):</translation>
    </message>
    <message>
      <source>&amp;Port:</source>
      <translation>&amp;Porth:</translation>
    </message>
    <message>
      <source>&amp;Database:</source>
      <translation>&amp;Cronfa ddata:</translation>
    </message>
    <message>
      <source>&amp;User:</source>
      <translation>&amp;Defnyddiwr:</translation>
    </message>
    <message>
      <source>Pass&amp;word:</source>
      <translation>C&amp;yfrinair:</translation>
    </message>
    <message>
      <source>for example 192.168.1.20 or chair-laptop.local</source>
      <translation>er enghraifft 192.168.1.20 neu chair-laptop.local</translation>
    </message>
    <message>
      <source>&amp;Test connection</source>
      <translation>Profi'r cysyll&amp;tiad</translation>
    </message>
    <message>
      <source>Connected: database %1 on %2 holds a meeting.</source>
      <translation>Wedi cysylltu: mae cronfa ddata %1 ar %2 yn dal cyfarfod.</translation>
    </message>
  </context>
  <context>
    <name>DeclarationPanel</name>
    <message>
      <source>PDF documents (*.pdf)</source>
      <translation>Dogfennau PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Save the declaration</source>
      <translation>Cadw'r datganiad</translation>
    </message>
    <message>
      <source>%1 could not be written: %2</source>
      <translation>Ni ellid ysgrifennu %1: %2</translation>
    </message>
    <message>
      <source>Saved %1.</source>
      <translation>Cadwyd %1.</translation>
    </message>
    <message>
      <source>Sent %1 page(s) to the printer.</source>
      <translation>Anfonwyd %1 tudalen i'r argraffydd.</translation>
    </message>
    <message>
      <source>Previe&amp;w the declaration</source>
      <translation>&amp;Rhagolwg o'r datganiad</translation>
    </message>
    <message>
      <source>Preview the mi&amp;nutes</source>
      <translation>Rhagolwg o'r cof&amp;nodion</translation>
    </message>
    <message>
      <source>&amp;Save as PDF…</source>
      <translation>Cadw fel &amp;PDF…</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>Ar&amp;graffu…</translation>
    </message>
    <message>
      <source>Choose Preview to see the declaration as it will be printed.</source>
      <translation>Dewiswch Rhagolwg i weld y datganiad fel y caiff ei argraffu.</translation>
    </message>
    <message>
      <source>Minutes extract: %1 page(s).</source>
      <translation>Detholiad o'r cofnodion: %1 tudalen.</translation>
    </message>
    <message>
      <source>Declaration of item %1: %2 page(s).</source>
      <translation>Datganiad eitem %1: %2 tudalen.</translation>
    </message>
    <message>
      <source>Item %1 is not declared yet: this declaration is marked provisional (%2 page(s)).</source>
      <translation>Nid yw eitem %1 wedi'i datgan eto: mae'r datganiad hwn wedi'i nodi'n un dros dro (%2 tudalen).</translation>
    </message>
  </context>
  <context>
    <name>DeclarePanel</name>
    <message>
      <source>Declaration</source>
      <translation>Datganiad</translation>
    </message>
    <message>
      <source>Declared by:</source>
      <translation>Datganwyd gan:</translation>
    </message>
    <message>
      <source>&amp;Declare the result</source>
      <translation>&amp;Datgan y canlyniad</translation>
    </message>
    <message>
      <source>Once declared, the result is fixed and cannot be changed.</source>
      <translation>Unwaith y caiff ei ddatgan, mae'r canlyniad yn derfynol ac ni ellir ei newid.</translation>
    </message>
  </context>
  <context>
    <name>DeskPage</name>
    <message>
      <source>&amp;Find a member: type a name or number, or scan their card</source>
      <translation>&amp;Dod o hyd i aelod: teipiwch enw neu rif, neu sganiwch y cerdyn aelodaeth</translation>
    </message>
    <message>
      <source>name, membership number or card scan</source>
      <translation>enw, rhif aelodaeth neu sgan cerdyn</translation>
    </message>
    <message>
      <source>Find a member</source>
      <translation>Dod o hyd i aelod</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Rhif</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Enw</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Dosbarth</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statws</translation>
    </message>
    <message>
      <source>Here</source>
      <translation>Yma</translation>
    </message>
    <message>
      <source>Proxies held</source>
      <translation>Yn ddirprwy dros</translation>
    </message>
    <message>
      <source>Members found</source>
      <translation>Aelodau a gafwyd</translation>
    </message>
    <message>
      <source>Check &amp;in</source>
      <translation>Cofrestru &amp;i mewn</translation>
    </message>
    <message>
      <source>Check in</source>
      <translation>Cofrestru i mewn</translation>
    </message>
    <message>
      <source>Check &amp;out</source>
      <translation>Cofrestru &amp;allan</translation>
    </message>
    <message>
      <source>Check out</source>
      <translation>Cofrestru allan</translation>
    </message>
    <message>
      <source>Give ballot packs</source>
      <translation>Rhoi pecynnau pleidleisio</translation>
    </message>
    <message>
      <source>Proxy form handed in for this member</source>
      <translation>Ffurflen ddirprwy a roddwyd ar ran yr aelod hwn</translation>
    </message>
    <message>
      <source>Membership number of the proxy holder</source>
      <translation>Rhif aelodaeth y dirprwy</translation>
    </message>
    <message>
      <source>&amp;Directed</source>
      <translation>&amp;Gyda chyfarwyddyd</translation>
    </message>
    <message>
      <source>Give &amp;ballot packs</source>
      <translation>&amp;Rhoi pecynnau pleidleisio</translation>
    </message>
    <message>
      <source>Pro&amp;xy holder (number):</source>
      <translation>Y dirprwy (rhif ae&amp;lodaeth):</translation>
    </message>
    <message>
      <source>The chai&amp;r holds it</source>
      <translation>&amp;Y cadeirydd yw'r dirprwy</translation>
    </message>
    <message>
      <source>Instr&amp;uctions:</source>
      <translation>Cy&amp;farwyddiadau:</translation>
    </message>
    <message>
      <source>Directed: 1=for; 2=3,1,2; 3=discretion</source>
      <translation>Gyda chyfarwyddyd: 1=o blaid; 2=3,1,2; 3=disgresiwn</translation>
    </message>
    <message>
      <source>Instructions on the proxy form</source>
      <translation>Cyfarwyddiadau ar y ffurflen ddirprwy</translation>
    </message>
    <message>
      <source>Record &amp;proxy</source>
      <translation>Cofnodi'r dir&amp;prwy</translation>
    </message>
    <message>
      <source>Record proxy</source>
      <translation>Cofnodi'r dirprwy</translation>
    </message>
    <message>
      <source>C&amp;ancel proxy</source>
      <translation>Ca&amp;nslo'r dirprwy</translation>
    </message>
    <message>
      <source>Cancel proxy</source>
      <translation>Canslo'r dirprwy</translation>
    </message>
    <message>
      <source>Pri&amp;nt papers, packs and cards…</source>
      <translation>Argraffu papurau, pecynnau a c&amp;hardiau…</translation>
    </message>
    <message>
      <source>Print papers, packs and cards</source>
      <translation>Argraffu papurau, pecynnau a chardiau</translation>
    </message>
    <message>
      <source>That code was not accepted: %1</source>
      <translation>Ni dderbyniwyd y cod hwnnw: %1</translation>
    </message>
    <message>
      <source>No member matches “%1”.</source>
      <translation>Nid oes aelod yn cyfateb i “%1”.</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>ie</translation>
    </message>
    <message>
      <source>no</source>
      <translation>na</translation>
    </message>
    <message>
      <source>active</source>
      <translation>gweithredol</translation>
    </message>
    <message>
      <source>lapsed</source>
      <translation>wedi darfod</translation>
    </message>
    <message>
      <source>No member chosen</source>
      <translation>Dim aelod wedi'i ddewis</translation>
    </message>
    <message>
      <source>Find a member above to check them in, hand over their ballot packs or record a proxy.</source>
      <translation>Chwiliwch am aelod uchod i'w gofrestru i mewn, i roi'r pecynnau pleidleisio neu i gofnodi dirprwy.</translation>
    </message>
    <message>
      <source>%1 – %2</source>
      <translation>%1 – %2</translation>
    </message>
    <message>
      <source>Class: %1</source>
      <translation>Dosbarth: %1</translation>
    </message>
    <message>
      <source>Status: %1</source>
      <translation>Statws: %1</translation>
    </message>
    <message>
      <source>Checked in</source>
      <translation>Wedi cofrestru i mewn</translation>
    </message>
    <message>
      <source>Not checked in</source>
      <translation>Heb gofrestru i mewn</translation>
    </message>
    <message>
      <source>Holds proxies for: %1</source>
      <translation>Yn ddirprwy dros: %1</translation>
    </message>
    <message>
      <source>Has appointed the chair as proxy</source>
      <translation>Wedi penodi'r cadeirydd yn ddirprwy</translation>
    </message>
    <message>
      <source>Has appointed %1 as proxy</source>
      <translation>Wedi penodi %1 yn ddirprwy</translation>
    </message>
    <message>
      <source>%1 (%2)</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <source>%1 is checked in.</source>
      <translation>Mae %1 wedi cofrestru i mewn.</translation>
    </message>
    <message>
      <source>%1 is checked out.</source>
      <translation>Mae %1 wedi cofrestru allan.</translation>
    </message>
    <message>
      <source>Type the proxy holder's membership number, or tick “The chair holds it”.</source>
      <translation>Teipiwch rif aelodaeth y dirprwy, neu ticiwch “Y cadeirydd yw'r dirprwy”.</translation>
    </message>
    <message>
      <source>Directed proxy entered for %1: the directed votes are counted, with no paper; the holder gets papers for the other items only.</source>
      <translation>Cofnodwyd dirprwy gyda chyfarwyddyd ar gyfer %1: cyfrifir y pleidleisiau a gyfarwyddwyd, heb bapur; dim ond papurau'r eitemau eraill a gaiff y dirprwy.</translation>
    </message>
    <message>
      <source>Proxy recorded: the chair holds %1's vote.</source>
      <translation>Dirprwy wedi'i gofnodi: mae'r cadeirydd yn dal pleidlais %1.</translation>
    </message>
    <message>
      <source>Proxy recorded: %1 holds %2's vote.</source>
      <translation>Dirprwy wedi'i gofnodi: mae %1 yn dal pleidlais %2.</translation>
    </message>
    <message>
      <source>%1's proxy is cancelled.</source>
      <translation>Mae dirprwy %1 wedi'i ganslo.</translation>
    </message>
    <message>
      <source>Paper %1 of item %2 is void. Hand over a fresh paper for item %2 from the stock.</source>
      <translation>Mae papur %1 eitem %2 yn ddi-rym. Rhowch bapur newydd ar gyfer eitem %2 o'r stoc.</translation>
    </message>
    <message>
      <source>Membership cards saved to %1 (%2 cards).</source>
      <translation>Cadwyd y cardiau aelodaeth yn %1 (%2 cerdyn).</translation>
    </message>
  </context>
  <context>
    <name>DetailsPage</name>
    <message>
      <source>The meeting</source>
      <translation>Y cyfarfod</translation>
    </message>
    <message>
      <source>Its name in Welsh and English, when and where it is held, and where to keep the meeting file.</source>
      <translation>Ei enw yn Gymraeg ac yn Saesneg, pryd a ble y'i cynhelir, a ble i gadw ffeil y cyfarfod.</translation>
    </message>
    <message>
      <source>Name in &amp;Welsh:</source>
      <translation>Enw yn &amp;Gymraeg:</translation>
    </message>
    <message>
      <source>Name in &amp;English:</source>
      <translation>Enw yn &amp;Saesneg:</translation>
    </message>
    <message>
      <source>Society in Eng&amp;lish:</source>
      <translation>Y gymdeit&amp;has yn Saesneg:</translation>
    </message>
    <message>
      <source>&amp;Date of the meeting:</source>
      <translation>&amp;Dyddiad y cyfarfod:</translation>
    </message>
    <message>
      <source>&amp;Place:</source>
      <translation>&amp;Lleoliad:</translation>
    </message>
    <message>
      <source>Society in Wel&amp;sh:</source>
      <translation>Y gymdeithas yn Gymr&amp;aeg:</translation>
    </message>
    <message>
      <source>Meeting &amp;file:</source>
      <translation>&amp;Ffeil y cyfarfod:</translation>
    </message>
    <message>
      <source>Noti&amp;ce given on:</source>
      <translation>Rhoddwyd &amp;rhybudd ar:</translation>
    </message>
    <message>
      <source>C&amp;hoose…</source>
      <translation>D&amp;ewis…</translation>
    </message>
    <message>
      <source>Choose where to save the meeting file</source>
      <translation>Dewis ble i gadw ffeil y cyfarfod</translation>
    </message>
    <message>
      <source>Save the meeting file as</source>
      <translation>Cadw ffeil y cyfarfod fel</translation>
    </message>
    <message>
      <source>coopvote meetings (*.coopvote)</source>
      <translation>Cyfarfodydd coopvote (*.coopvote)</translation>
    </message>
    <message>
      <source>Give the meeting its name in Welsh and in English, and choose where to save the meeting file.</source>
      <translation>Rhowch enw'r cyfarfod yn Gymraeg ac yn Saesneg, a dewiswch ble i gadw ffeil y cyfarfod.</translation>
    </message>
    <message>
      <source>%1 already exists; choose another name for the new meeting file.</source>
      <translation>Mae %1 yn bodoli eisoes; dewiswch enw arall ar gyfer ffeil y cyfarfod newydd.</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <source>Something unexpected went wrong: %1</source>
      <translation>Aeth rhywbeth annisgwyl o'i le: %1</translation>
    </message>
  </context>
  <context>
    <name>ExportPanel</name>
    <message>
      <source>coopvote archives (*.zip)</source>
      <translation>Archifau coopvote (*.zip)</translation>
    </message>
    <message>
      <source>Export the record</source>
      <translation>Allforio'r cofnod</translation>
    </message>
    <message>
      <source>Export works on a meeting file; copy a server meeting to a file first.</source>
      <translation>Mae allforio'n gweithio ar ffeil cyfarfod; copïwch gyfarfod o'r gweinydd i ffeil yn gyntaf.</translation>
    </message>
    <message>
      <source>Exporting to %1…</source>
      <translation>Yn allforio i %1…</translation>
    </message>
    <message>
      <source>Export cancelled: no archive is kept.</source>
      <translation>Canslwyd yr allforio: ni chedwir archif.</translation>
    </message>
    <message>
      <source>Wrote %1 (%2 files, %3 bytes). Record verification code: %4</source>
      <translation>Ysgrifennwyd %1 (%2 ffeil, %3 beit). Cod dilysu'r cofnod: %4</translation>
    </message>
    <message>
      <source>The archive holds the results, every ballot as counted, the declarations, the minutes and the audit log, and can be checked on any computer with 'coopvote verify'.</source>
      <translation>Mae'r archif yn cynnwys y canlyniadau, pob papur pleidleisio fel y'i cyfrifwyd, y datganiadau, y cofnodion a'r log archwilio, a gellir ei gwirio ar unrhyw gyfrifiadur gyda 'coopvote verify'.</translation>
    </message>
    <message>
      <source>&amp;Export the record…</source>
      <translation>Allfor&amp;io'r cofnod…</translation>
    </message>
    <message>
      <source>&amp;Cancel</source>
      <translation>Ca&amp;nslo</translation>
    </message>
  </context>
  <context>
    <name>FirstLanguageDialog</name>
    <message>
      <source>Choose a language</source>
      <translation>Dewiswch iaith</translation>
    </message>
    <message>
      <source>You can change this later from the menu: View ▸ Iaith / Language. Press C for Cymraeg or E for English.</source>
      <translation>Gallwch newid hyn yn nes ymlaen o'r ddewislen: Golwg ▸ Iaith / Language. Pwyswch C am Gymraeg neu E am Saesneg.</translation>
    </message>
  </context>
  <context>
    <name>HandsPanel</name>
    <message>
      <source>Show of hands</source>
      <translation>Codi dwylo</translation>
    </message>
    <message>
      <source>For</source>
      <translation>O blaid</translation>
    </message>
    <message>
      <source>Against</source>
      <translation>Yn erbyn</translation>
    </message>
    <message>
      <source>Abstain</source>
      <translation>Ymatal</translation>
    </message>
    <message>
      <source>%1 (%2)</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <source>%1: hands %2</source>
      <translation>%1: dwylo %2</translation>
    </message>
    <message>
      <source>Record the sho&amp;w of hands</source>
      <translation>Co&amp;fnodi'r bleidlais drwy godi dwylo</translation>
    </message>
    <message>
      <source>Poll demanded by:</source>
      <translation>Galwyd am bôl gan:</translation>
    </message>
    <message>
      <source>Record the &amp;poll demand</source>
      <translation>Cofnodi'r galw am &amp;bôl</translation>
    </message>
  </context>
  <context>
    <name>HelpDialog</name>
    <message>
      <source>Guide – coopvote</source>
      <translation>Canllaw – coopvote</translation>
    </message>
    <message>
      <source>The guide is not included in this copy of coopvote.</source>
      <translation>Nid yw'r canllaw wedi'i gynnwys yn y copi hwn o coopvote.</translation>
    </message>
    <message>
      <source>Guide</source>
      <translation>Canllaw</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>&amp;Cau</translation>
    </message>
  </context>
  <context>
    <name>ImportRegisterWizard</name>
    <message>
      <source>Import the register</source>
      <translation>Mewnforio'r gofrestr</translation>
    </message>
    <message>
      <source>&amp;Import</source>
      <translation>&amp;Mewnforio</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Canslo</translation>
    </message>
    <message>
      <source>This meeting already has a register: importing replaces it, which is only possible before anyone is checked in.</source>
      <translation>Mae gan y cyfarfod hwn gofrestr eisoes: mae mewnforio'n ei disodli, a dim ond cyn i neb gofrestru i mewn y mae hynny'n bosibl.</translation>
    </message>
    <message>
      <source>Importing the register…</source>
      <translation>Yn mewnforio'r gofrestr…</translation>
    </message>
    <message>
      <source>%1 members imported.</source>
      <translation>Mewnforiwyd %1 aelod.</translation>
    </message>
  </context>
  <context>
    <name>ItemStatus</name>
    <message>
      <source>not open yet</source>
      <translation>heb agor eto</translation>
    </message>
    <message>
      <source>voting open</source>
      <translation>pleidleisio ar agor</translation>
    </message>
    <message>
      <source>voting closed</source>
      <translation>pleidleisio wedi cau</translation>
    </message>
    <message>
      <source>declared</source>
      <translation>wedi'i ddatgan</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>coopvote meetings (*.coopvote);;All files (*)</source>
      <translation>Cyfarfodydd coopvote (*.coopvote);;Pob ffeil (*)</translation>
    </message>
    <message>
      <source>Connection to the shared meeting</source>
      <translation>Cysylltiad â'r cyfarfod a rennir</translation>
    </message>
    <message>
      <source>&amp;Meeting</source>
      <translation>&amp;Cyfarfod</translation>
    </message>
    <message>
      <source>&amp;New meeting…</source>
      <translation>Cyfarfod &amp;newydd…</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>&amp;Agor…</translation>
    </message>
    <message>
      <source>Open the &amp;demo meeting</source>
      <translation>Agor y cyfarfod &amp;enghreifftiol</translation>
    </message>
    <message>
      <source>Connect to a &amp;shared meeting…</source>
      <translation>Cysylltu â chyfarfod a &amp;rennir…</translation>
    </message>
    <message>
      <source>Import the &amp;register…</source>
      <translation>Me&amp;wnforio'r gofrestr…</translation>
    </message>
    <message>
      <source>&amp;Close meeting</source>
      <translation>Ca&amp;u'r cyfarfod</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Gadael</translation>
    </message>
    <message>
      <source>&amp;Go</source>
      <translation>&amp;Mynd</translation>
    </message>
    <message>
      <source>&amp;Projector window</source>
      <translation>Ffenestr y ta&amp;flunydd</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>Gol&amp;wg</translation>
    </message>
    <message>
      <source>&amp;Language / Iaith</source>
      <translation>&amp;Iaith / Language</translation>
    </message>
    <message>
      <source>&amp;High contrast</source>
      <translation>&amp;Cyferbyniad uchel</translation>
    </message>
    <message>
      <source>&amp;Bigger text</source>
      <translation>Testun &amp;mwy</translation>
    </message>
    <message>
      <source>&amp;Smaller text</source>
      <translation>Testun &amp;llai</translation>
    </message>
    <message>
      <source>&amp;Normal text size</source>
      <translation>Maint testun &amp;arferol</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>Cymor&amp;th</translation>
    </message>
    <message>
      <source>&amp;Guide to this screen</source>
      <translation>&amp;Canllaw i'r sgrin hon</translation>
    </message>
    <message>
      <source>Roles</source>
      <translation>Rolau</translation>
    </message>
    <message>
      <source>%1 – coopvote</source>
      <translation>%1 – coopvote</translation>
    </message>
    <message>
      <source>No meeting open</source>
      <translation>Dim cyfarfod ar agor</translation>
    </message>
    <message>
      <source>%1 — %2</source>
      <translation>%1 — %2</translation>
    </message>
    <message>
      <source>The projector window is not available: %1</source>
      <translation>Nid yw ffenestr y taflunydd ar gael: %1</translation>
    </message>
    <message>
      <source>Open a meeting</source>
      <translation>Agor cyfarfod</translation>
    </message>
    <message>
      <source>Opening %1…</source>
      <translation>Yn agor %1…</translation>
    </message>
    <message>
      <source>%1 members imported.</source>
      <translation>Mewnforiwyd %1 aelod.</translation>
    </message>
    <message>
      <source>Connection lost: %1. Nothing unconfirmed is kept; carry on when it returns.</source>
      <translation>Collwyd y cysylltiad: %1. Ni chedwir dim heb ei gadarnhau; ewch ymlaen pan ddaw'n ôl.</translation>
    </message>
    <message>
      <source>Connected to the shared meeting</source>
      <translation>Wedi cysylltu â'r cyfarfod a rennir</translation>
    </message>
    <message>
      <source>Backup failed: %1</source>
      <translation>Methodd y copi wrth gefn: %1</translation>
    </message>
    <message>
      <source>Last backup: %1</source>
      <translation>Copi wrth gefn diwethaf: %1</translation>
    </message>
    <message>
      <source>Preparing the demo meeting…</source>
      <translation>Yn paratoi'r cyfarfod enghreifftiol…</translation>
    </message>
  </context>
  <context>
    <name>MessageBanner</name>
    <message>
      <source>Hide this message</source>
      <translation>Cuddio'r neges hon</translation>
    </message>
  </context>
  <context>
    <name>NewMeetingWizard</name>
    <message>
      <source>New meeting</source>
      <translation>Cyfarfod newydd</translation>
    </message>
    <message>
      <source>&lt; &amp;Back</source>
      <translation>&lt; &amp;Yn ôl</translation>
    </message>
    <message>
      <source>&amp;Next &gt;</source>
      <translation>&amp;Nesaf &gt;</translation>
    </message>
    <message>
      <source>&amp;Finish</source>
      <translation>&amp;Gorffen</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Canslo</translation>
    </message>
    <message>
      <source>new meeting</source>
      <translation>cyfarfod newydd</translation>
    </message>
  </context>
  <context>
    <name>NominationsDialog</name>
    <message>
      <source>Nominations</source>
      <translation>Enwebiadau</translation>
    </message>
    <message>
      <source>%1. %2</source>
      <translation>%1. %2</translation>
    </message>
    <message>
      <source>Candidate</source>
      <translation>Ymgeisydd</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Dosbarth</translation>
    </message>
    <message>
      <source>Proposer</source>
      <translation>Cynigydd</translation>
    </message>
    <message>
      <source>Seconder</source>
      <translation>Eilydd</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statws</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>Llun</translation>
    </message>
    <message>
      <source>&amp;Election:</source>
      <translation>&amp;Etholiad:</translation>
    </message>
    <message>
      <source>&amp;Candidate's membership number:</source>
      <translation>Rhif aelodaeth yr &amp;ymgeisydd:</translation>
    </message>
    <message>
      <source>&amp;Proposer's membership number:</source>
      <translation>Rhif aelodaeth y &amp;cynigydd:</translation>
    </message>
    <message>
      <source>&amp;Seconder's membership number:</source>
      <translation>Rhif aelodaeth yr e&amp;ilydd:</translation>
    </message>
    <message>
      <source>&amp;Received on:</source>
      <translation>&amp;Derbyniwyd ar:</translation>
    </message>
    <message>
      <source>Statement in &amp;Welsh:</source>
      <translation>Datganiad yn &amp;Gymraeg:</translation>
    </message>
    <message>
      <source>Statement in E&amp;nglish:</source>
      <translation>Datganiad yn &amp;Saesneg:</translation>
    </message>
    <message>
      <source>Choose a p&amp;hoto…</source>
      <translation>Dewis ll&amp;un…</translation>
    </message>
    <message>
      <source>Remo&amp;ve the photo</source>
      <translation>Tynnu'&amp;r llun</translation>
    </message>
    <message>
      <source>&amp;Give the chosen candidate this photo</source>
      <translation>Rh&amp;oi'r llun i'r ymgeisydd a ddewiswyd</translation>
    </message>
    <message>
      <source>Photo (optional, PNG or JPEG):</source>
      <translation>Llun (dewisol, PNG neu JPEG):</translation>
    </message>
    <message>
      <source>N&amp;ominate</source>
      <translation>E&amp;nwebu</translation>
    </message>
    <message>
      <source>Reason for withdrawing</source>
      <translation>Y rheswm dros dynnu'n ôl</translation>
    </message>
    <message>
      <source>Wi&amp;thdraw the chosen candidate</source>
      <translation>&amp;Tynnu'r ymgeisydd a ddewiswyd yn ôl</translation>
    </message>
    <message>
      <source>C&amp;lose nominations</source>
      <translation>C&amp;au'r enwebiadau</translation>
    </message>
    <message>
      <source>Print the &amp;booklet</source>
      <translation>Argraffu'r &amp;llyfryn</translation>
    </message>
    <message>
      <source>Print the Eas&amp;y Read booklet</source>
      <translation>Argraffu'r llyfryn &amp;Hawdd ei Ddarllen</translation>
    </message>
    <message>
      <source>standing</source>
      <translation>yn sefyll</translation>
    </message>
    <message>
      <source>withdrawn</source>
      <translation>wedi tynnu'n ôl</translation>
    </message>
    <message>
      <source>none</source>
      <translation>dim</translation>
    </message>
    <message>
      <source>given</source>
      <translation>wedi'i roi</translation>
    </message>
    <message>
      <source>The chosen photo</source>
      <translation>Y llun a ddewiswyd</translation>
    </message>
    <message>
      <source>No photo</source>
      <translation>Dim llun</translation>
    </message>
    <message>
      <source>The candidate's photo</source>
      <translation>Llun yr ymgeisydd</translation>
    </message>
    <message>
      <source>Photos (*.png *.jpg *.jpeg)</source>
      <translation>Lluniau (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
      <source>Photo chosen: %1. Nominate, or give it to the candidate chosen in the table.</source>
      <translation>Dewiswyd y llun: %1. Enwebwch, neu rhowch ef i'r ymgeisydd a ddewiswyd yn y tabl.</translation>
    </message>
    <message>
      <source>Choose the candidate in the table to give the photo to.</source>
      <translation>Dewiswch yn y tabl yr ymgeisydd i roi'r llun iddo.</translation>
    </message>
    <message>
      <source>Photo saved for %1.</source>
      <translation>Cadwyd y llun ar gyfer %1.</translation>
    </message>
    <message>
      <source>No election on the agenda takes nominations.</source>
      <translation>Nid oes etholiad ar yr agenda sy'n derbyn enwebiadau.</translation>
    </message>
    <message>
      <source>Nominated: %1.</source>
      <translation>Enwebwyd: %1.</translation>
    </message>
    <message>
      <source>Choose the candidate who withdraws in the table.</source>
      <translation>Dewiswch yn y tabl yr ymgeisydd sy'n tynnu'n ôl.</translation>
    </message>
    <message>
      <source>Withdrawn: %1.</source>
      <translation>Wedi tynnu'n ôl: %1.</translation>
    </message>
    <message>
      <source>Nominations closed. Elected unopposed, without a vote: %1. Close code: %2. Write it into the minutes by hand: it proves later that the record was not rewritten.</source>
      <translation>Caewyd yr enwebiadau. Etholwyd yn ddiwrthwynebiad, heb bleidlais: %1. Cod cau: %2. Ysgrifennwch ef â llaw yn y cofnodion: mae'n profi wedyn nad ailysgrifennwyd y cofnod.</translation>
    </message>
    <message>
      <source>Nominations closed. Ballot order: %1.</source>
      <translation>Caewyd yr enwebiadau. Trefn y papur pleidleisio: %1.</translation>
    </message>
    <message>
      <source>Booklet written: %1</source>
      <translation>Ysgrifennwyd y llyfryn: %1</translation>
    </message>
  </context>
  <context>
    <name>NotAvailablePage</name>
    <message>
      <source>%1: not available in this copy of coopvote</source>
      <translation>%1: nid yw ar gael yn y copi hwn o coopvote</translation>
    </message>
  </context>
  <context>
    <name>PackPanel</name>
    <message>
      <source>1 %1 pack (proxy for %2)</source>
      <translation>1 pecyn %1 (dirprwy dros %2)</translation>
    </message>
    <message>
      <source>1 %1 pack (%2)</source>
      <translation>1 pecyn %1 (%2)</translation>
    </message>
    <message>
      <source>Give %1</source>
      <translation>Rhowch %1</translation>
    </message>
    <message>
      <source>Ballot packs to hand over</source>
      <translation>Pecynnau pleidleisio i'w rhoi</translation>
    </message>
    <message>
      <source>No packs to hand over yet.</source>
      <translation>Dim pecynnau i'w rhoi eto.</translation>
    </message>
    <message>
      <source>%1 pack, class %2, for %3 (proxy): items %4</source>
      <translation>Pecyn %1, dosbarth %2, ar gyfer %3 (dirprwy): eitemau %4</translation>
    </message>
    <message>
      <source>%1 pack, class %2, for %3: items %4</source>
      <translation>Pecyn %1, dosbarth %2, ar gyfer %3: eitemau %4</translation>
    </message>
  </context>
  <context>
    <name>PrintingDialog</name>
    <message>
      <source>Ballot papers for one item</source>
      <translation>Papurau pleidleisio ar gyfer un eitem</translation>
    </message>
    <message>
      <source>Vote slips for one resolution</source>
      <translation>Slipiau pleidleisio ar gyfer un penderfyniad</translation>
    </message>
    <message>
      <source>Packs: one paper for each item still to be voted on</source>
      <translation>Pecynnau: un papur ar gyfer pob eitem nad oes pleidlais arni eto</translation>
    </message>
    <message>
      <source>Membership cards for every member who may vote</source>
      <translation>Cardiau aelodaeth i bob aelod sy'n cael pleidleisio</translation>
    </message>
    <message>
      <source>Standard</source>
      <translation>Safonol</translation>
    </message>
    <message>
      <source>Easy read</source>
      <translation>Hawdd ei ddarllen</translation>
    </message>
    <message>
      <source>Large print</source>
      <translation>Print bras</translation>
    </message>
    <message>
      <source>PDF documents (*.pdf)</source>
      <translation>Dogfennau PDF (*.pdf)</translation>
    </message>
    <message>
      <source>%1. %2</source>
      <translation>%1. %2</translation>
    </message>
    <message>
      <source>No item is waiting for its vote: there is nothing to print.</source>
      <translation>Nid oes eitem yn aros am ei phleidlais: nid oes dim i'w argraffu.</translation>
    </message>
    <message>
      <source>%1 members of class %2 may vote.</source>
      <translation>Mae %1 aelod o ddosbarth %2 yn cael pleidleisio.</translation>
    </message>
    <message>
      <source>%1 membership cards are ready: %2 page(s).</source>
      <translation>Mae %1 cerdyn aelodaeth yn barod: %2 tudalen.</translation>
    </message>
    <message>
      <source>%1 ready for class %2: %3 page(s). They are now in the record as printed; print them, or keep the PDF with the returning officer.</source>
      <translation>%1 yn barod ar gyfer dosbarth %2: %3 tudalen. Maen nhw bellach yn y cofnod fel rhai a argraffwyd; argraffwch nhw, neu rhowch y PDF i'r Swyddog Canlyniadau.</translation>
    </message>
    <message>
      <source>%1 packs</source>
      <translation>%1 pecyn</translation>
    </message>
    <message>
      <source>%1 sets of vote slips for item %2</source>
      <translation>%1 set o slipiau pleidleisio ar gyfer eitem %2</translation>
    </message>
    <message>
      <source>%1 ballot papers for item %2</source>
      <translation>%1 papur pleidleisio ar gyfer eitem %2</translation>
    </message>
    <message>
      <source>Choose what to print, then press Prepare to see the pages.</source>
      <translation>Dewiswch beth i'w argraffu, yna pwyswch Paratoi i weld y tudalennau.</translation>
    </message>
    <message>
      <source>Page %1 of %2</source>
      <translation>Tudalen %1 o %2</translation>
    </message>
    <message>
      <source>Sent %1 page(s) to the printer.</source>
      <translation>Anfonwyd %1 tudalen i'r argraffydd.</translation>
    </message>
    <message>
      <source>Save the papers as PDF</source>
      <translation>Cadw'r papurau fel PDF</translation>
    </message>
    <message>
      <source>%1 could not be written: %2</source>
      <translation>Ni ellid ysgrifennu %1: %2</translation>
    </message>
    <message>
      <source>Saved %1. Delete it once the papers are printed: its page order could tie papers to members.</source>
      <translation>Cadwyd %1. Dilëwch y ffeil ar ôl argraffu'r papurau: gallai trefn ei thudalennau gysylltu papurau ag aelodau.</translation>
    </message>
    <message>
      <source>Print papers, packs and cards</source>
      <translation>Argraffu papurau, pecynnau a chardiau</translation>
    </message>
    <message>
      <source>%1 – %2 (%3 may vote)</source>
      <translation>%1 – %2 (%3 yn cael pleidleisio)</translation>
    </message>
    <message>
      <source>&amp;What to print:</source>
      <translation>&amp;Beth i'w argraffu:</translation>
    </message>
    <message>
      <source>&amp;Item:</source>
      <translation>&amp;Eitem:</translation>
    </message>
    <message>
      <source>&amp;Class:</source>
      <translation>&amp;Dosbarth:</translation>
    </message>
    <message>
      <source>&amp;Version:</source>
      <translation>&amp;Fersiwn:</translation>
    </message>
    <message>
      <source>Page si&amp;ze:</source>
      <translation>Ma&amp;int y dudalen:</translation>
    </message>
    <message>
      <source>How &amp;many:</source>
      <translation>&amp;Nifer:</translation>
    </message>
    <message>
      <source>P&amp;repare</source>
      <translation>Pa&amp;ratoi</translation>
    </message>
    <message>
      <source>Previous pa&amp;ge</source>
      <translation>Tudalen fl&amp;aenorol</translation>
    </message>
    <message>
      <source>Ne&amp;xt page</source>
      <translation>Tudalen ne&amp;saf</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>Ar&amp;graffu…</translation>
    </message>
    <message>
      <source>&amp;Save as PDF…</source>
      <translation>Cadw fel &amp;PDF…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Cau</translation>
    </message>
    <message>
      <source>Preview of the page</source>
      <translation>Rhagolwg o'r dudalen</translation>
    </message>
  </context>
  <context>
    <name>ProgressPanel</name>
    <message>
      <source>Papers returned so far</source>
      <translation>Papurau a ddychwelwyd hyd yma</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Dosbarth</translation>
    </message>
    <message>
      <source>Issued</source>
      <translation>Wedi'u rhoi</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>Wedi'u dychwelyd</translation>
    </message>
    <message>
      <source>Not yet returned</source>
      <translation>Heb eu dychwelyd eto</translation>
    </message>
    <message>
      <source>%1 (%2)</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <source>%1 of %2 papers returned</source>
      <translation>%1 o %2 papur wedi'u dychwelyd</translation>
    </message>
    <message>
      <source>%1: %2 returned, %3 issued</source>
      <translation>%1: %2 wedi'u dychwelyd, %3 wedi'u rhoi</translation>
    </message>
    <message>
      <source>The papers do not add up (%1). Declaring will need the chair's reason.</source>
      <translation>Nid yw'r papurau'n cysoni (%1). Bydd angen rheswm y cadeirydd i ddatgan.</translation>
    </message>
  </context>
  <context>
    <name>ProjectorWindow</name>
    <message>
      <source>Full screen on screen %1: %2 (%3×%4)</source>
      <translation>Sgrin lawn ar sgrin %1: %2 (%3×%4)</translation>
    </message>
    <message>
      <source>Leave full screen (Esc)</source>
      <translation>Gadael y sgrin lawn (Esc)</translation>
    </message>
  </context>
  <context>
    <name>QuorumPanel</name>
    <message>
      <source>Quorum</source>
      <translation>Cworwm</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Dosbarth</translation>
    </message>
    <message>
      <source>Needed</source>
      <translation>Angen</translation>
    </message>
    <message>
      <source>Present</source>
      <translation>Yn bresennol</translation>
    </message>
    <message>
      <source>By proxy</source>
      <translation>Drwy ddirprwy</translation>
    </message>
    <message>
      <source>Quorum by class</source>
      <translation>Cworwm fesul dosbarth</translation>
    </message>
    <message>
      <source>Quorum cannot be worked out</source>
      <translation>Ni ellir cyfrifo'r cworwm</translation>
    </message>
    <message>
      <source>Quorate</source>
      <translation>Mae cworwm</translation>
    </message>
    <message>
      <source>Not quorate yet</source>
      <translation>Dim cworwm eto</translation>
    </message>
    <message>
      <source>All members</source>
      <translation>Pob aelod</translation>
    </message>
    <message>
      <source>%1 (%2)</source>
      <translation>%1 (%2)</translation>
    </message>
  </context>
  <context>
    <name>ReconciliationTable</name>
    <message>
      <source>Class</source>
      <translation>Dosbarth</translation>
    </message>
    <message>
      <source>Printed</source>
      <translation>Wedi'u hargraffu</translation>
    </message>
    <message>
      <source>Issued</source>
      <translation>Wedi'u rhoi</translation>
    </message>
    <message>
      <source>Spoilt</source>
      <translation>Wedi'u difetha</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>Wedi'u dychwelyd</translation>
    </message>
    <message>
      <source>Valid</source>
      <translation>Dilys</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>Wedi'u gwrthod</translation>
    </message>
    <message>
      <source>Not returned</source>
      <translation>Heb eu dychwelyd</translation>
    </message>
  </context>
  <context>
    <name>RegisterPage</name>
    <message>
      <source>Membership register</source>
      <translation>Cofrestr aelodau</translation>
    </message>
    <message>
      <source>A CSV or Excel (.xlsx) file: membership number, name, class, and optionally vote value and status. Leave it empty to create the meeting without members.</source>
      <translation>Ffeil CSV neu Excel (.xlsx): rhif aelodaeth, enw, dosbarth, ac os mynnwch werth pleidlais a statws. Gadewch hi'n wag i greu'r cyfarfod heb aelodau.</translation>
    </message>
    <message>
      <source>Register &amp;file:</source>
      <translation>&amp;Ffeil y gofrestr:</translation>
    </message>
    <message>
      <source>Register file</source>
      <translation>Ffeil y gofrestr</translation>
    </message>
    <message>
      <source>C&amp;hoose…</source>
      <translation>D&amp;ewis…</translation>
    </message>
    <message>
      <source>Chec&amp;k the file</source>
      <translation>&amp;Gwirio'r ffeil</translation>
    </message>
    <message>
      <source>S&amp;top</source>
      <translation>Sto&amp;pio</translation>
    </message>
    <message>
      <source>&amp;Problems (each must be fixed in the file):</source>
      <translation>&amp;Problemau (rhaid cywiro pob un yn y ffeil):</translation>
    </message>
    <message>
      <source>Problems in the register</source>
      <translation>Problemau yn y gofrestr</translation>
    </message>
    <message>
      <source>Pre&amp;view of the members:</source>
      <translation>&amp;Rhagolwg o'r aelodau:</translation>
    </message>
    <message>
      <source>Preview of the members</source>
      <translation>Rhagolwg o'r aelodau</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>Llinell</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Rhif</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Enw</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Dosbarth</translation>
    </message>
    <message>
      <source>Vote value</source>
      <translation>Gwerth pleidlais</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statws</translation>
    </message>
    <message>
      <source>Choose the membership register</source>
      <translation>Dewis y gofrestr aelodau</translation>
    </message>
    <message>
      <source>Registers (*.csv *.xlsx *.txt);;All files (*)</source>
      <translation>Cofrestrau (*.csv *.xlsx *.txt);;Pob ffeil (*)</translation>
    </message>
    <message>
      <source>Reading the register…</source>
      <translation>Yn darllen y gofrestr…</translation>
    </message>
    <message>
      <source>Stopped reading the register.</source>
      <translation>Wedi rhoi'r gorau i ddarllen y gofrestr.</translation>
    </message>
    <message>
      <source>%1 members can be imported (%2). Nothing is saved yet.</source>
      <translation>Gellir mewnforio %1 aelod (%2). Nid oes dim wedi'i gadw eto.</translation>
    </message>
    <message>
      <source>%1 problem(s): nothing will be imported. Fix the file, save it, and press “Check the file” again.</source>
      <translation>%1 problem: ni fydd dim yn cael ei fewnforio. Cywirwch y ffeil, cadwch hi, a phwyswch “Gwirio'r ffeil” eto.</translation>
    </message>
    <message>
      <source>Note: %1</source>
      <translation>Sylwer: %1</translation>
    </message>
  </context>
  <context>
    <name>RehearsalDialog</name>
    <message>
      <source>Rehearsal before the meeting</source>
      <translation>Ymarfer cyn y cyfarfod</translation>
    </message>
    <message>
      <source>The rehearsal prints a test deck: every item, class, value band and paper variant, marked clear, faint, spoilt, blank and over-voted, and vote slips for every resolution, two of them torn from one sheet. Scan it on the meeting's scanner, then check the scans: coopvote reads and counts them as it will on the day and compares every paper and every tally with the deck. The test papers can never count in the real vote, and the meeting is left as it was.</source>
      <translation>Mae'r ymarfer yn argraffu set o bapurau prawf: pob eitem, dosbarth, band gwerth a math o bapur, wedi'u marcio'n glir, yn wan, wedi'u difetha, yn wag a gyda gormod o farciau, a slipiau pleidleisio ar gyfer pob penderfyniad, dau ohonynt wedi'u rhwygo o'r un ddalen. Sganiwch nhw ar sganiwr y cyfarfod, yna gwiriwch y sganiau: mae coopvote yn eu darllen a'u cyfrif fel y bydd ar y diwrnod ac yn cymharu pob papur a phob cyfanswm â'r set. Ni all y papurau prawf fyth gyfrif yn y bleidlais go iawn, ac mae'r cyfarfod yn aros fel yr oedd.</translation>
    </message>
    <message>
      <source>&amp;Folder for the deck and its key:</source>
      <translation>&amp;Ffolder ar gyfer y papurau prawf a'u hallwedd:</translation>
    </message>
    <message>
      <source>1. &amp;Print the test deck</source>
      <translation>1. &amp;Argraffu'r papurau prawf</translation>
    </message>
    <message>
      <source>&amp;Scanned files (separate with ;):</source>
      <translation>Ffeiliau wedi'u &amp;sganio (gwahanwch â ;):</translation>
    </message>
    <message>
      <source>&amp;Choose…</source>
      <translation>&amp;Dewis…</translation>
    </message>
    <message>
      <source>2. Chec&amp;k the scans</source>
      <translation>2. &amp;Gwirio'r sganiau</translation>
    </message>
    <message>
      <source>S&amp;top</source>
      <translation>Sto&amp;pio</translation>
    </message>
    <message>
      <source>Page %1 of %2</source>
      <translation>Tudalen %1 o %2</translation>
    </message>
    <message>
      <source>Stopped: no test deck was printed and nothing was kept.</source>
      <translation>Wedi stopio: ni argraffwyd papurau prawf ac ni chadwyd dim.</translation>
    </message>
    <message>
      <source>Test deck printed: %1 (%2 pages, %3 of them vote slips). Print it, scan it, then check the scans.</source>
      <translation>Argraffwyd y papurau prawf: %1 (%2 tudalen, %3 ohonynt yn slipiau pleidleisio). Argraffwch nhw, sganiwch nhw, yna gwiriwch y sganiau.</translation>
    </message>
    <message>
      <source>The scanned test deck</source>
      <translation>Y papurau prawf wedi'u sganio</translation>
    </message>
    <message>
      <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
      <translation>Sganiau (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
      <source>Stopped: nothing was recorded, and the test deck still waits for its scans.</source>
      <translation>Wedi stopio: ni chofnodwyd dim, ac mae'r papurau prawf yn dal i aros am eu sganiau.</translation>
    </message>
    <message>
      <source>The rehearsal passed: %1 test sheets read and counted as marked.</source>
      <translation>Llwyddodd yr ymarfer: darllenwyd a chyfrifwyd %1 dalen brawf fel y'u marciwyd.</translation>
    </message>
    <message>
      <source>The rehearsal FAILED: %1 problems. Fix the set-up and rehearse again.</source>
      <translation>METHODD yr ymarfer: %1 problem. Cywirwch y drefn a chynhaliwch yr ymarfer eto.</translation>
    </message>
  </context>
  <context>
    <name>ResultPanel</name>
    <message>
      <source>Counting…</source>
      <translation>Yn cyfrif…</translation>
    </message>
    <message>
      <source>No result to show yet.</source>
      <translation>Dim canlyniad i'w ddangos eto.</translation>
    </message>
    <message>
      <source>Privacy: %1</source>
      <translation>Preifatrwydd: %1</translation>
    </message>
    <message>
      <source>Stages of the count (quota %1)</source>
      <translation>Camau'r cyfrif (cwota %1)</translation>
    </message>
    <message>
      <source>Stages of the count</source>
      <translation>Camau'r cyfrif</translation>
    </message>
    <message>
      <source>Papers returned: %1; valid: %2.</source>
      <translation>Papurau a ddychwelwyd: %1; dilys: %2.</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>Rejected papers: %1.</source>
      <translation>Papurau a wrthodwyd: %1.</translation>
    </message>
    <message>
      <source>A poll was demanded by %1.</source>
      <translation>Galwyd am bôl gan %1.</translation>
    </message>
    <message>
      <source>Decided on a show of hands.</source>
      <translation>Penderfynwyd drwy godi dwylo.</translation>
    </message>
    <message>
      <source>Tie at stage %1 settled by %2.</source>
      <translation>Penderfynwyd rhwng pleidleisiau cyfartal yng ngham %1 (dull: %2).</translation>
    </message>
    <message>
      <source>%1
papers</source>
      <translation>%1
papur</translation>
    </message>
    <message>
      <source>First preferences</source>
      <translation>Dewisiadau cyntaf</translation>
    </message>
    <message>
      <source>Total papers</source>
      <translation>Cyfanswm y papurau</translation>
    </message>
    <message>
      <source>Weighted votes</source>
      <translation>Pleidleisiau wedi'u pwysoli</translation>
    </message>
    <message>
      <source>Papers returned</source>
      <translation>Papurau a ddychwelwyd</translation>
    </message>
    <message>
      <source>Votes by option and class</source>
      <translation>Pleidleisiau fesul dewis a dosbarth</translation>
    </message>
  </context>
  <context>
    <name>ResultsPage</name>
    <message>
      <source>%1. %2: %3</source>
      <translation>%1. %2: %3</translation>
    </message>
    <message>
      <source>The agenda has no items.</source>
      <translation>Nid oes eitemau ar yr agenda.</translation>
    </message>
    <message>
      <source>Item %1: %2</source>
      <translation>Eitem %1: %2</translation>
    </message>
    <message>
      <source>Voting is open: the result is shown once it closes.</source>
      <translation>Mae'r pleidleisio ar agor: dangosir y canlyniad pan fydd yn cau.</translation>
    </message>
    <message>
      <source>The papers reconcile.</source>
      <translation>Mae'r papurau'n cysoni.</translation>
    </message>
    <message>
      <source>&amp;Items</source>
      <translation>&amp;Eitemau</translation>
    </message>
    <message>
      <source>Papers out and back</source>
      <translation>Papurau allan ac yn ôl</translation>
    </message>
    <message>
      <source>&amp;Result</source>
      <translation>Can&amp;lyniad</translation>
    </message>
    <message>
      <source>&amp;Declaration</source>
      <translation>&amp;Datganiad</translation>
    </message>
    <message>
      <source>E&amp;xport</source>
      <translation>&amp;Allforio</translation>
    </message>
  </context>
  <context>
    <name>Roles</name>
    <message>
      <source>Start</source>
      <translation>Dechrau</translation>
    </message>
    <message>
      <source>Before the meeting</source>
      <translation>Cyn y cyfarfod</translation>
    </message>
    <message>
      <source>Registration desk</source>
      <translation>Desg gofrestru</translation>
    </message>
    <message>
      <source>Chair</source>
      <translation>Cadeirydd</translation>
    </message>
    <message>
      <source>Teller</source>
      <translation>Rhifwr</translation>
    </message>
    <message>
      <source>Results</source>
      <translation>Canlyniadau</translation>
    </message>
  </context>
  <context>
    <name>RulesPage</name>
    <message>
      <source>Rules: quorum, proxies and ties</source>
      <translation>Rheolau: cworwm, dirprwyon a phleidleisiau cyfartal</translation>
    </message>
    <message>
      <source>As the society's rules state them. Thresholds are set per item on the agenda page.</source>
      <translation>Fel y maent yn rheolau'r gymdeithas. Gosodir y trothwyon ar gyfer pob eitem ar dudalen yr agenda.</translation>
    </message>
    <message>
      <source>Quorum, &amp;percent of members:</source>
      <translation>Cworwm, &amp;canran o'r aelodau:</translation>
    </message>
    <message>
      <source>Quorum, &amp;fixed number (0 for none):</source>
      <translation>Cworwm, ni&amp;fer penodol (0 os nad oes un):</translation>
    </message>
    <message>
      <source>At least this many present from &amp;each class:</source>
      <translation>O leiaf hyn yn bresennol o &amp;bob dosbarth:</translation>
    </message>
    <message>
      <source>Members at&amp;tending by proxy:</source>
      <translation>Aelodau sy'n bresennol drwy ddi&amp;rprwy:</translation>
    </message>
    <message>
      <source>Proxies one member may &amp;hold:</source>
      <translation>Dirprwyon y caiff un aelod eu &amp;dal:</translation>
    </message>
    <message>
      <source>The &amp;chair:</source>
      <translation>Y c&amp;adeirydd:</translation>
    </message>
    <message>
      <source>A tie&amp;d resolution:</source>
      <translation>Penderfyniad â phleidleisiau cyfar&amp;tal:</translation>
    </message>
    <message>
      <source>Name of the ch&amp;air:</source>
      <translation>&amp;Enw'r cadeirydd:</translation>
    </message>
    <message>
      <source>Name of the &amp;returning officer:</source>
      <translation>Enw'r &amp;swyddog canlyniadau:</translation>
    </message>
    <message>
      <source>Name of the returning officer</source>
      <translation>Enw'r swyddog canlyniadau</translation>
    </message>
    <message>
      <source>count towards the quorum</source>
      <translation>yn cyfrif tuag at y cworwm</translation>
    </message>
    <message>
      <source>may hold proxies</source>
      <translation>yn cael bod yn ddirprwy</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Dosbarth</translation>
    </message>
    <message>
      <source>Minimum present</source>
      <translation>Isafswm yn bresennol</translation>
    </message>
    <message>
      <source>the chair has a casting vote</source>
      <translation>mae gan y cadeirydd bleidlais fwrw</translation>
    </message>
    <message>
      <source>is lost</source>
      <translation>yn methu</translation>
    </message>
    <message>
      <source>is decided by lot</source>
      <translation>yn cael ei benderfynu drwy goelbren</translation>
    </message>
    <message>
      <source>The minimum for class %1 should be a whole number, 0 or more.</source>
      <translation>Dylai'r isafswm ar gyfer dosbarth %1 fod yn rhif cyfan, 0 neu fwy.</translation>
    </message>
  </context>
  <context>
    <name>ScanPanel</name>
    <message>
      <source>Paper set aside: nothing recorded. Scan the next code.</source>
      <translation>Papur wedi'i roi o'r neilltu: dim wedi'i gofnodi. Sganiwch y cod nesaf.</translation>
    </message>
    <message>
      <source>Paper %1 of item %2 was not recorded (no marks keyed).
%3</source>
      <translation>Ni chofnodwyd papur %1 eitem %2 (dim marciau wedi'u teipio).
%3</translation>
    </message>
    <message>
      <source>Item %1 (%2), %3 paper %4</source>
      <translation>Eitem %1 (%2), papur %3 rhif %4</translation>
    </message>
    <message>
      <source>%1
Press 1 For, 2 Against, 3 Abstain</source>
      <translation>%1
Pwyswch 1 O blaid, 2 Yn erbyn, 3 Ymatal</translation>
    </message>
    <message>
      <source>%1
Type the rank beside each candidate in order (- for a blank), then Enter:
%2</source>
      <translation>%1
Teipiwch y rhif wrth bob ymgeisydd yn ei dro (- am fwlch), yna Enter:
%2</translation>
    </message>
    <message>
      <source>%1
Type the numbers of the marked candidates, then Enter:
%2</source>
      <translation>%1
Teipiwch rifau'r ymgeiswyr a farciwyd, yna Enter:
%2</translation>
    </message>
    <message>
      <source>%1
Try again: %2</source>
      <translation>%1
Rhowch gynnig arall arni: %2</translation>
    </message>
    <message>
      <source>type numbers only, separated by spaces</source>
      <translation>teipiwch rifau yn unig, gyda bylchau rhyngddynt</translation>
    </message>
    <message>
      <source>%1 ranks typed for %2 candidates</source>
      <translation>%1 safle wedi'u teipio ar gyfer %2 ymgeisydd</translation>
    </message>
    <message>
      <source>ranks run from 1 to %1</source>
      <translation>mae'r safleoedd yn mynd o 1 i %1</translation>
    </message>
    <message>
      <source>%1
%2
Key the marks again, or reject the paper: choose the reason and press Reject.</source>
      <translation>%1
%2
Teipiwch y marciau eto, neu gwrthodwch y papur: dewiswch y rheswm a phwyso Gwrthod.</translation>
    </message>
    <message>
      <source>No paper is waiting: scan the paper to reject first.</source>
      <translation>Nid oes papur yn aros: sganiwch y papur i'w wrthod yn gyntaf.</translation>
    </message>
    <message>
      <source>For</source>
      <translation>O blaid</translation>
    </message>
    <message>
      <source>Against</source>
      <translation>Yn erbyn</translation>
    </message>
    <message>
      <source>Abstain</source>
      <translation>Ymatal</translation>
    </message>
    <message>
      <source>item %1: %2 returned of %3 issued</source>
      <translation>eitem %1: %2 wedi'u dychwelyd o %3 a roddwyd</translation>
    </message>
    <message>
      <source>All stations: %1</source>
      <translation>Pob gorsaf: %1</translation>
    </message>
    <message>
      <source>No vote is open.</source>
      <translation>Nid oes pleidlais ar agor.</translation>
    </message>
    <message>
      <source>item %1: %2</source>
      <translation>eitem %1: %2</translation>
    </message>
    <message>
      <source>Counted here: %1 (%2)   Refused: %3</source>
      <translation>Wedi'u cyfrif yma: %1 (%2)   Wedi'u gwrthod: %3</translation>
    </message>
    <message>
      <source>&amp;Code (scan, or type and press Enter)</source>
      <translation>C&amp;od (sganiwch, neu teipiwch a phwyso Enter)</translation>
    </message>
    <message>
      <source>Scan an advance ballot paper</source>
      <translation>Sganiwch bapur pleidleisio ymlaen llaw</translation>
    </message>
    <message>
      <source>Scan a ballot paper or vote slip</source>
      <translation>Sganiwch bapur pleidleisio neu slip pleidlais</translation>
    </message>
    <message>
      <source>Reason for undoing:</source>
      <translation>Rheswm dros ddadwneud:</translation>
    </message>
    <message>
      <source>Reject the waiting paper as:</source>
      <translation>Gwrthod y papur sy'n aros oherwydd:</translation>
    </message>
    <message>
      <source>Re&amp;ject the paper</source>
      <translation>&amp;Gwrthod y papur</translation>
    </message>
    <message>
      <source>&amp;Undo the last scan</source>
      <translation>Dadwneud y sga&amp;n diwethaf</translation>
    </message>
    <message>
      <source>Advance papers come without vote slips. Scan a paper's code, then give its marks: press 1, 2 or 3 for a resolution, or type the numbers and press Enter for an election. Esc sets a paper aside.</source>
      <translation>Nid oes slipiau pleidlais gyda phapurau ymlaen llaw. Sganiwch god papur, yna rhowch ei farciau: pwyswch 1, 2 neu 3 ar gyfer penderfyniad, neu teipiwch y rhifau a phwyso Enter ar gyfer etholiad. Mae Esc yn rhoi papur o'r neilltu.</translation>
    </message>
    <message>
      <source>A vote slip is counted at once. A ballot paper then needs its marks: press 1, 2 or 3 for a resolution, or type the numbers and press Enter for an election. Esc sets a paper aside.</source>
      <translation>Cyfrifir slip pleidlais ar unwaith. Wedyn mae angen teipio marciau'r papur pleidleisio: pwyswch 1, 2 neu 3 ar gyfer penderfyniad, neu teipiwch y rhifau a phwyso Enter ar gyfer etholiad. Mae Esc yn rhoi papur o'r neilltu.</translation>
    </message>
    <message>
      <source>Ready: scan the first paper.</source>
      <translation>Yn barod: sganiwch y papur cyntaf.</translation>
    </message>
  </context>
  <context>
    <name>SpoiltPanel</name>
    <message>
      <source>Exchange a spoilt paper</source>
      <translation>Cyfnewid papur a ddifethwyd</translation>
    </message>
    <message>
      <source>It&amp;em:</source>
      <translation>&amp;Eitem:</translation>
    </message>
    <message>
      <source>Seria&amp;l number:</source>
      <translation>Rhif cyfres&amp;ol:</translation>
    </message>
    <message>
      <source>Rea&amp;son:</source>
      <translation>Rhe&amp;swm:</translation>
    </message>
    <message>
      <source>for example: torn, wrong mark made</source>
      <translation>er enghraifft: wedi rhwygo, marc anghywir</translation>
    </message>
    <message>
      <source>Void spoil&amp;t paper</source>
      <translation>Dirym&amp;u'r papur a ddifethwyd</translation>
    </message>
    <message>
      <source>Agenda item of the spoilt paper</source>
      <translation>Eitem agenda'r papur a ddifethwyd</translation>
    </message>
    <message>
      <source>Serial number of the spoilt paper</source>
      <translation>Rhif cyfresol y papur a ddifethwyd</translation>
    </message>
    <message>
      <source>Why the paper is spoilt</source>
      <translation>Pam y difethwyd y papur</translation>
    </message>
    <message>
      <source>Void spoilt paper</source>
      <translation>Dirymu'r papur a ddifethwyd</translation>
    </message>
    <message>
      <source>%1. %2</source>
      <translation>%1. %2</translation>
    </message>
  </context>
  <context>
    <name>StageTable</name>
    <message>
      <source>No stages to show</source>
      <translation>Dim camau i'w dangos</translation>
    </message>
    <message>
      <source>Non-transferable</source>
      <translation>Anhrosglwyddadwy</translation>
    </message>
    <message>
      <source>Stage %1
%2</source>
      <translation>Cam %1
%2</translation>
    </message>
    <message>
      <source>%1 elected at stage %2</source>
      <translation>Etholwyd %1 yng ngham %2</translation>
    </message>
    <message>
      <source>%1 excluded at stage %2</source>
      <translation>Eithriwyd %1 yng ngham %2</translation>
    </message>
    <message>
      <source>Stage table: %1 stages</source>
      <translation>Tabl y camau: %1 cam</translation>
    </message>
  </context>
  <context>
    <name>StartPage</name>
    <message>
      <source>coopvote</source>
      <translation>coopvote</translation>
    </message>
    <message>
      <source>Votes at a co-operative's general meeting: registration, paper ballots, counting and results. Start a new meeting, or open one.</source>
      <translation>Pleidleisiau mewn cyfarfod cyffredinol cymdeithas gydweithredol: cofrestru, papurau pleidleisio, cyfrif a chanlyniadau. Dechreuwch gyfarfod newydd, neu agorwch un.</translation>
    </message>
    <message>
      <source>&amp;New meeting…</source>
      <translation>Cyfarfod &amp;newydd…</translation>
    </message>
    <message>
      <source>New meeting</source>
      <translation>Cyfarfod newydd</translation>
    </message>
    <message>
      <source>&amp;Open a meeting file…</source>
      <translation>&amp;Agor ffeil cyfarfod…</translation>
    </message>
    <message>
      <source>Open a meeting file</source>
      <translation>Agor ffeil cyfarfod</translation>
    </message>
    <message>
      <source>Try the &amp;demo meeting</source>
      <translation>Rhoi cynnig ar y cyfarfod &amp;enghreifftiol</translation>
    </message>
    <message>
      <source>Try the demo meeting</source>
      <translation>Rhoi cynnig ar y cyfarfod enghreifftiol</translation>
    </message>
    <message>
      <source>Connect to a &amp;shared meeting…</source>
      <translation>Cysylltu â chyfarfod a &amp;rennir…</translation>
    </message>
    <message>
      <source>Connect to a shared meeting</source>
      <translation>Cysylltu â chyfarfod a rennir</translation>
    </message>
    <message>
      <source>&amp;Recent meetings</source>
      <translation>Cyfarfodydd &amp;diweddar</translation>
    </message>
    <message>
      <source>Recent meetings</source>
      <translation>Cyfarfodydd diweddar</translation>
    </message>
    <message>
      <source>Open se&amp;lected</source>
      <translation>Agor y cyfarfod a ddewi&amp;swyd</translation>
    </message>
    <message>
      <source>&amp;Forget selected</source>
      <translation>Ang&amp;hofio'r un a ddewiswyd</translation>
    </message>
    <message>
      <source>%1 (file not found)</source>
      <translation>%1 (ffeil heb ei chanfod)</translation>
    </message>
  </context>
  <context>
    <name>SummaryPage</name>
    <message>
      <source>Check and create</source>
      <translation>Gwirio a chreu</translation>
    </message>
    <message>
      <source>This is the meeting definition that will be saved. Press Finish to create the meeting and import the register.</source>
      <translation>Dyma ddiffiniad y cyfarfod a gaiff ei gadw. Pwyswch Gorffen i greu'r cyfarfod a mewnforio'r gofrestr.</translation>
    </message>
    <message>
      <source>Meeting definition</source>
      <translation>Diffiniad y cyfarfod</translation>
    </message>
    <message>
      <source>&amp;Save this definition beside the meeting file</source>
      <translation>&amp;Cadw'r diffiniad hwn wrth ymyl ffeil y cyfarfod</translation>
    </message>
    <message>
      <source>S&amp;top</source>
      <translation>Sto&amp;pio</translation>
    </message>
    <message>
      <source>new meeting</source>
      <translation>cyfarfod newydd</translation>
    </message>
    <message>
      <source>Creating the meeting and importing the register…</source>
      <translation>Yn creu'r cyfarfod ac yn mewnforio'r gofrestr…</translation>
    </message>
    <message>
      <source>Creating the meeting…</source>
      <translation>Yn creu'r cyfarfod…</translation>
    </message>
    <message>
      <source>Stopped: no meeting file is kept.</source>
      <translation>Wedi stopio: ni chedwir ffeil cyfarfod.</translation>
    </message>
    <message>
      <source>The meeting is created.</source>
      <translation>Mae'r cyfarfod wedi'i greu.</translation>
    </message>
  </context>
  <context>
    <name>TellerPage</name>
    <message>
      <source>&amp;Scan</source>
      <translation>&amp;Sganio</translation>
    </message>
    <message>
      <source>Scanned &amp;files</source>
      <translation>Ffe&amp;iliau wedi'u sganio</translation>
    </message>
    <message>
      <source>&amp;Adjudication (%1)</source>
      <translation>&amp;Dyfarnu (%1)</translation>
    </message>
    <message>
      <source>&amp;Adjudication</source>
      <translation>&amp;Dyfarnu</translation>
    </message>
    <message>
      <source>Cam&amp;era</source>
      <translation>Cam&amp;era</translation>
    </message>
  </context>
  <context>
    <name>widget</name>
    <message>
      <source>Source: %1</source>
      <translation>Ffynhonnell: %1</translation>
    </message>
  </context>
</TS>