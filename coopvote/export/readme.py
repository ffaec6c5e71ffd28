"""The README.txt of an exported archive: the whole text in Welsh first, then the whole text in English.

Both halves say the same things in the same order, under headings of the same weight: what each file
holds, how to check the archive, what a close code proves, and for the private archive that the meeting
file holds personal data. Nothing is said in only one language (Welsh Language Standards: a Welsh reader
must not get less than an English one).
"""

from __future__ import annotations

from coopvote import __version__
from coopvote.export.content import MeetingRecord

PUBLIC = "public"
MEETING_FILE = "meeting.coopvote"


def _files(kind: str) -> tuple[list[str], list[str]]:
    """What the archive holds, file by file, in Welsh and in English."""
    cy = [
        "  results.json        pob eitem ar yr agenda: ei diffiniad (rheol, seddi, ymgeiswyr, pwysoli,",
        "                      trothwy, hedyn), y canlyniad fel y'i cyfrifwyd ac fel y'i datganwyd,",
        "                      cysoni'r papurau, a chod dilysu'r eitem (crynodeb y cofnod).",
        "  ballots/item-NN.csv pob papur a ddychwelwyd: eitem, dosbarth, rhif cyfresol, dilys, rheswm,",
        "                      marciau. Nid enwir unrhyw aelod: nid oes dim yn yr archif hon yn cysylltu",
        "                      aelod â rhif cyfresol. Mae'r rhif cyfresol yn gadael i graffwr ddod o hyd",
        "                      i'r papur ei hun.",
        "  blt/item-NN.blt     papurau pwysol pob etholiad yn y fformat BLT y mae rhaglenni STV eraill",
        "                      yn ei ddarllen.",
        "  declarations/       datganiad pob eitem fel y'i hargraffwyd (PDF), gyda'i god dilysu.",
        "  minutes.pdf         detholiad y cofnodion: pob eitem a'i chanlyniad.",
    ]
    en = [
        "  results.json        every agenda item: its definition (rule, seats, candidates, weighting,",
        "                      threshold, seed), the result as counted and as declared, the paper",
        "                      reconciliation, and the item's verification code (record digest).",
        "  ballots/item-NN.csv every returned paper: item, class, serial, valid, reason, marks.",
        "                      No member is named: nothing in this archive links a member to a serial.",
        "                      The serial lets a scrutineer find the physical paper.",
        "  blt/item-NN.blt     each election's weighted ballots in the BLT format other STV programs read.",
        "  declarations/       the declaration of each item as printed (PDF), with its verification code.",
        "  minutes.pdf         the minutes extract: every item and its outcome.",
    ]
    if kind == PUBLIC:
        cy += [
            "  manifest.json       SHA-256 pob ffeil arall, y codau dilysu a phennau'r ddwy gadwyn",
            "                      archwilio (desg a phapurau). Mae'r log archwilio ei hun yn yr archif",
            "                      breifat: gellid cysylltu ei drefn a'i amseroedd â rhai'r ddesg.",
        ]
        en += [
            "  manifest.json       the SHA-256 of every other file, the verification codes and the heads of",
            "                      the two audit chains (desk and ballot). The audit log itself is in the",
            "                      private archive: its order and times could be lined up with the desk's.",
        ]
    else:
        cy += [
            "  audit.jsonl         y ddau log archwilio cadwynog (desg, yna papurau), un cofnod y llinell.",
            f"  {MEETING_FILE:<19} copi cyson o ffeil y cyfarfod (SQLite) heb allwedd y QR. Mae'n cynnwys",
            "                      DATA PERSONOL (y gofrestr a'r presenoldeb): cadwch ef fel y cadwch y",
            "                      gofrestr.",
            "  manifest.json       SHA-256 pob ffeil arall, a'r codau dilysu.",
        ]
        en += [
            "  audit.jsonl         the two hash-chained audit logs (desk, then ballot), one entry per line.",
            f"  {MEETING_FILE:<19} a consistent copy of the meeting file (SQLite) with the QR key wiped. It holds",
            "                      PERSONAL DATA (the register and attendance): keep it as you keep the register.",
            "  manifest.json       the SHA-256 of every other file, and the verification codes.",
        ]
    return cy, en


def _checking(kind: str) -> tuple[list[str], list[str]]:
    """How to check the archive, and what a close code proves, in Welsh and in English."""
    cy = [
        "SUT I'W WIRIO",
        "  coopvote verify YR-ARCHIF.zip [--code COD]",
        "  yn ailgyfrif pob eitem o'r ffeiliau CSV papurau a'r diffiniadau, yn cymharu â'r canlyniadau",
        "  a ddatganwyd, yn gwirio pob hash, cofnod cau pob pleidlais, y gadwyn archwilio (archif",
        "  breifat) a'r zip ei hun, ac yn enwi'r anghysondeb cyntaf. Mae --code yn gwirio cod dilysu a",
        "  argraffwyd ar ddatganiad neu ar y cofnodion, neu god cau: y cod a ddangoswyd wrth gau pob pleidlais.",
        "",
        "  CODAU CAU",
        "  Cod cau yw'r cod a ddangoswyd wrth gau pob pleidlais. Mae'n profi na chafodd y cofnod ei",
        "  ailysgrifennu cyn y cau hwnnw, ond dim ond os cafodd ei YSGRIFENNU Â LLAW YN Y COFNODION",
        "  yn y cyfarfod. Gwiriwch bob cod cau a ysgrifennwyd â llaw: coopvote verify YR-ARCHIF.zip --code COD",
    ]
    en = [
        "HOW TO CHECK IT",
        "  coopvote verify THIS.zip [--code CODE]",
        "  recounts every item from the ballots CSVs and the definitions, compares with the declared",
        "  results, checks every hash, each vote's close entry, the audit chain (private archive) and",
        "  the zip itself, and names the first discrepancy. --code checks a verification code printed",
        "  on a declaration or the minutes, or a close code: the code shown when each vote closed.",
        "",
        "  CLOSE CODES",
        "  A close code is the code shown when each vote closed. It proves the record was not rewritten",
        "  before that close, but only if it was WRITTEN INTO THE MINUTES BY HAND at the meeting. Check",
        "  each handwritten close code with: coopvote verify THIS.zip --code CODE",
    ]
    if kind == PUBLIC:
        cy += [
            "  Yn yr archif gyhoeddus hon, caiff y cod ei wirio yn erbyn cofnod cau'r eitem yn results.json:",
            "  mae'n cynnwys pob papur (marciau, papurau a wrthodwyd, a'r dosbarth fel y'i cyhoeddwyd), ond",
            "  nid presenoldeb na dirprwyon, sydd yn yr archif breifat yn unig.",
        ]
        en += [
            "  In this public archive the code is checked against the item's close entry in results.json:",
            "  it covers every paper (marks, rejections, and the class as published), but not attendance",
            "  or proxies, which only the private archive holds.",
        ]
    else:
        cy += [
            "  Yn yr archif breifat hon, rhaid i'r gadwyn archwilio fynd drwy'r cofnod y mae'r cod yn ei",
            "  enwi: mae'n cynnwys presenoldeb, dirprwyon a phob papur.",
        ]
        en += [
            "  In this private archive the audit chain must pass through the entry the code names: it",
            "  covers attendance, proxies and every paper.",
        ]
    cy += [
        "",
        "  Â llaw: cyfrifwch sha256sum pob ffeil a'i chymharu â manifest.json; cyfrifwch resi CSV papurau",
        "  fesul dosbarth a marc a'u cymharu â'r datganiad.",
    ]
    en += [
        "",
        "  By hand: sha256sum each file and compare with manifest.json; count the rows of a ballots",
        "  CSV by class and mark and compare with the declaration.",
    ]
    return cy, en


def readme(record: MeetingRecord, digest: str, exported_at: str, kind: str) -> bytes:
    """README.txt: the Welsh whole, then the English whole, each with the same headings and facts."""
    name = record.meeting["name"]
    if kind == PUBLIC:
        heading_cy = ("ARCHIF GYHOEDDUS: nid yw'n enwi unrhyw aelod ac nid yw'n cynnwys amser, rhif adnabod na "
                      "threfn papurau; mae'n ddiogel ei rhannu'n gyhoeddus.")
        heading_en = "PUBLIC ARCHIVE: names no member and holds no time, id or order of papers; safe to publish."
    else:
        heading_cy = ("ARCHIF BREIFAT, I'R SWYDDOG CANLYNIADAU YN UNIG: mae'n cynnwys y gofrestr, y presenoldeb a'r "
                      "log archwilio, sef DATA PERSONOL.")
        heading_en = ("PRIVATE ARCHIVE, FOR THE RETURNING OFFICER ONLY: holds the register, attendance and the audit "
                      "log, which are PERSONAL DATA.")
    files_cy, files_en = _files(kind)
    check_cy, check_en = _checking(kind)
    rule = "=" * 78
    lines = [
        rule,
        "CYMRAEG (English follows below)",
        rule,
        f"Cofnod coopvote o: {name['cy']}",
        f"Cod y cyfarfod: {record.code}    Allforiwyd: {exported_at} UTC    coopvote {__version__}",
        f"Cod dilysu'r cofnod hwn (crynodeb y cyfarfod): {digest}",
        heading_cy,
        "",
        "BETH SYDD YMA",
        *files_cy,
        "",
        *check_cy,
        "",
        rule,
        "ENGLISH (Cymraeg uchod)",
        rule,
        f"coopvote record of: {name['en']}",
        f"Meeting code: {record.code}    Exported: {exported_at} UTC    coopvote {__version__}",
        f"Verification code of this record (meeting digest): {digest}",
        heading_en,
        "",
        "WHAT IS HERE",
        *files_en,
        "",
        *check_en,
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")
