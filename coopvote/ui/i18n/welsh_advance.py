"""Welsh for the "Before the meeting" page and the desk's advance-vote lines (issue 13), kept apart from
``welsh.py`` so the two can be reviewed, and merged, on their own. Terms as in docs: dirprwy, amlen,
pecyn, datganiad, pleidlais ymlaen llaw."""

from __future__ import annotations

WELSH_ADVANCE: dict[str, str] = {
    "Before the meeting": "Cyn y cyfarfod",
    "Before the meeting: advance votes": "Cyn y cyfarfod: pleidleisiau ymlaen llaw",
    "Advance packs": "Pecynnau ymlaen llaw",
    "Every member of &class": "Pob aelod o'r dos&barth",
    "or these members (numbe&rs, with commas)": "neu'r aelodau hyn (&rhifau aelodaeth, gyda choma)",
    "Print into &folder": "Argraffu i'r &ffolder",
    "Sen&d packs: record them and print": "Anfon &pecynnau: eu cofnodi a'u hargraffu",
    "Returned envelopes": "Amlenni a ddychwelwyd",
    "Envelope (scan, or type the membership n&umber and press Enter)":
        "Amlen (sganiwch, neu teipiwch y &rhif aelodaeth a phwyso Enter)",
    "The declaration of identity is signe&d": "Mae'r datganiad hunaniaeth wedi'i lof&nodi",
    "Receive a &batch from a file…": "Derbyn swp o &ffeil…",
    "O&pen the accepted envelopes": "A&gor yr amlenni a dderbyniwyd",
    "(none: name members)": "(dim: enwch aelodau)",
    "Packs sent: %1. Envelopes accepted: %2 (opened: %3). Refused: %4.":
        "Pecynnau a anfonwyd: %1. Amlenni a dderbyniwyd: %2 (wedi'u hagor: %3). Heb eu derbyn: %4.",
    "Choose a folder to print the envelopes and papers into.":
        "Dewiswch ffolder i argraffu'r amlenni a'r papurau iddi.",
    "Packs for %1 members recorded as sent; printed %2 files into %3. Print envelopes and papers separately and "
    "fill each envelope from a mixed stack.":
        "Cofnodwyd bod pecynnau wedi'u hanfon at %1 aelod; argraffwyd %2 ffeil i %3. Argraffwch yr amlenni a'r "
        "papurau ar wahân a llenwch bob amlen o bentwr cymysg.",
    "Envelope codes, one a line": "Codau amlenni, un i bob llinell",
    "Scan an advance ballot paper": "Sganiwch bapur pleidleisio ymlaen llaw",
    "Advance papers come without vote slips. Scan a paper's code, then give its marks: press 1, 2 or 3 for a "
    "resolution, or type the numbers and press Enter for an election. Esc sets a paper aside.":
        "Nid oes slipiau pleidlais gyda phapurau ymlaen llaw. Sganiwch god papur, yna rhowch ei farciau: pwyswch 1, "
        "2 neu 3 ar gyfer penderfyniad, neu teipiwch y rhifau a phwyso Enter ar gyfer etholiad. Mae Esc yn rhoi "
        "papur o'r neilltu.",
    "%1 cannot be read: %2": "Ni ellir darllen %1: %2",
    "%1 envelopes received: %2 accepted, %3 refused.": "%1 amlen wedi'u derbyn i law: %2 wedi'u derbyn, %3 heb eu derbyn.",
    "%1 envelopes recorded as opened: mix their papers, then read them.":
        "Cofnodwyd bod %1 amlen wedi'u hagor: cymysgwch eu papurau, yna darllenwch nhw.",
    "VOTED IN ADVANCE on item(s) %1: no paper for these": "WEDI PLEIDLEISIO YMLAEN LLAW ar eitem(au) %1: dim papur ar gyfer y rhain",
    "VOTED BY DIRECTED PROXY on item(s) %1: no paper for these":
        "WEDI PLEIDLEISIO DRWY DDIRPRWY GYDA CHYFARWYDD ar eitem(au) %1: dim papur ar gyfer y rhain",
    "Directed: 1=for; 2=3,1,2; 3=discretion": "Gyda chyfarwyddyd: 1=o blaid; 2=3,1,2; 3=disgresiwn",
    "Type the form's directions, such as 1=for; 2=3,1,2; 3=discretion.":
        "Teipiwch gyfarwyddiadau'r ffurflen, fel 1=o blaid; 2=3,1,2; 3=disgresiwn.",
    "Directed proxy entered for %1: the directed votes are counted, with no paper; the holder gets papers for the "
    "other items only.":
        "Cofnodwyd dirprwy gyda chyfarwyddyd ar gyfer %1: cyfrifir y pleidleisiau a gyfarwyddwyd, heb bapur; dim "
        "ond papurau'r eitemau eraill a gaiff y dirprwy.",
    # The page's tabs, the advance papers' door and the amendment (issue 13, the app side).
    "Pac&ks": "Pec&ynnau",
    "&Envelopes": "Aml&enni",
    "&Scanned papers": "Papurau wedi'u &sganio",
    "Hand sca&nner or keyed": "Sganiwr llaw neu &deipio",
    "&Amended in the room": "Diwygiwyd yn yr yst&afell",
    "Open the envelopes and mix their papers first. Papers are counted as advance papers; a sheet the reader is "
    "not sure of goes to the tellers' adjudication queue (Tellers, Adjudication), and its vote cannot close until "
    "it is decided.":
        "Agorwch yr amlenni a chymysgwch eu papurau yn gyntaf. Cyfrifir y papurau fel papurau ymlaen llaw; mae "
        "dalen nad yw'r darllenydd yn siŵr ohoni yn mynd i giw dyfarnu'r rhifwyr (Rhifwyr, Dyfarnu), ac ni all ei "
        "phleidlais gau nes ei dyfarnu.",
    "Resol&ution": "Pender&fyniad",
    "Moved &by": "Cynigiwyd &gan",
    "&Record the amendment…": "C&ofnodi'r gwelliant…",
    "Record the amendment": "Cofnodi'r gwelliant",
    "When a resolution that took advance votes is amended in the room, record it here. Advance votes were cast on "
    "the words as sent, so the meeting's definition says what becomes of them.":
        "Pan fydd penderfyniad a gafodd bleidleisiau ymlaen llaw yn cael ei ddiwygio yn yr ystafell, cofnodwch hynny "
        "yma. Bwriwyd y pleidleisiau ymlaen llaw ar y geiriau a anfonwyd, felly diffiniad y cyfarfod sy'n dweud "
        "beth a ddaw ohonynt.",
    "Every advance vote on item %1 will count as AGAINST the amended resolution, whatever it said.":
        "Bydd pob pleidlais ymlaen llaw ar eitem %1 yn cyfrif YN ERBYN y penderfyniad diwygiedig, beth bynnag a "
        "ddywedai.",
    "Advance votes on item %1 will NOT BE COUNTED: the amended resolution is decided by the votes cast in the "
    "meeting.":
        "NI FYDD y pleidleisiau ymlaen llaw ar eitem %1 YN CAEL EU CYFRIF: y pleidleisiau a fwriwyd yn y cyfarfod "
        "sy'n penderfynu'r penderfyniad diwygiedig.",
    "No resolution that takes advance votes is waiting for a result.":
        "Nid oes penderfyniad sy'n cymryd pleidleisiau ymlaen llaw yn aros am ganlyniad.",
    "Item %1 is already recorded as amended. %2": "Mae eitem %1 eisoes wedi'i chofnodi fel un a ddiwygiwyd. %2",
    "If you record it: %1": "Os cofnodwch hyn: %1",
    "Enter who moved the amendment (or who records it).": "Rhowch enw pwy a gynigiodd y gwelliant (neu pwy sy'n ei gofnodi).",
    "Record item %1 as amended in the room?": "Cofnodi bod eitem %1 wedi'i diwygio yn yr ystafell?",
    "%1\n\nThis cannot be undone.": "%1\n\nNi ellir dadwneud hyn.",
    "Nothing was recorded.": "Ni chofnodwyd dim.",
    "Item %1 recorded as amended in the room. %2": "Cofnodwyd bod eitem %1 wedi'i diwygio yn yr ystafell. %2",
    "Sheet %1: item %2, %3 advance paper %4": "Dalen %1: eitem %2, papur ymlaen llaw %3 rhif %4",
}
