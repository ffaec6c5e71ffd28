"""Welsh for the "Before the meeting" page and the desk's advance-vote lines (issue 13), kept apart from
``welsh.py`` so the two can be reviewed, and merged, on their own. Terms as in docs: dirprwy, amlen,
pecyn, datganiad, pleidlais ymlaen llaw."""

from __future__ import annotations

WELSH_ADVANCE: dict[str, str] = {
    "Before the meeting": "Cyn y cyfarfod",
    "Before the meeting: advance votes": "Cyn y cyfarfod: pleidleisiau ymlaen llaw",
    "Advance packs": "Pecynnau ymlaen llaw",
    "Every member of &class": "Pob aelod o'r &dosbarth",
    "or these &members (numbers, with commas)": "neu'r &aelodau hyn (rhifau aelodaeth, gyda choma)",
    "Print into &folder": "Argraffu i'r &ffolder",
    "&Send packs: record them and print": "&Anfon pecynnau: eu cofnodi a'u hargraffu",
    "Returned envelopes": "Amlenni a ddychwelwyd",
    "&Envelope (scan, or type the membership number and press Enter)":
        "&Amlen (sganiwch, neu teipiwch y rhif aelodaeth a phwyso Enter)",
    "The declaration of identity is &signed": "Mae'r datganiad hunaniaeth wedi'i &lofnodi",
    "Receive a &batch from a file…": "Derbyn &swp o ffeil…",
    "&Open the accepted envelopes": "&Agor yr amlenni a dderbyniwyd",
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
}
