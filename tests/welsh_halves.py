"""Reading the Welsh half of a printed record apart from the English, and finding English words in it.

The layout sets English only in its English inks (``coopvote.reports.layout.ENGLISH_INKS``: the grey, and
the softer green and red beside a coloured outcome); Welsh and figures are in any other ink. So the Welsh
half of a page is every character pdfium reports in a non-English fill colour, in reading order.

An English word is one of ``ENGLISH_WORDS``: English function words and the vocabulary of meetings and
counts, leaving out the few spellings that are also Welsh words (a, i, o, am, at, dan, all, band, log, ...).
Names (candidates, members, classes, the society and the place) are never words of either language and
are left out by the caller.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from coopvote.reports.layout import ENGLISH_INKS


def _words(block: str) -> list[str]:
    return block.split()


FUNCTION_WORDS = _words("""
the of and or but if then than so to in on into onto from with without by for as is are was were be been being
has have had do does did not no yes this that these those which who whom whose what when where why how there
their they them its it each every any some more most less least only also both either neither one two three
can could may might must shall should will would out up down over under after before between through until
upon about above below again once here our we you your he she his her him
""")

MEETING_WORDS = _words("""
elect elected election elections electing exclude excluded exclusion excluding lot lots seed quota surplus
surpluses stage stages transfer transferred transfers transferable non-transferable vote votes voted voter
voters voting ballot ballots paper papers candidate candidates seat seats class classes member members chair
returning officer declared declaration declare result results outcome carried rejected valid spoilt issued
returned printed total weighted weighting weight threshold abstain against resolution special tie tied ties
chosen lowest highest earliest recent differing nobody counted count counting first preference preferences
method rule rules rounding loss page item meeting minutes attendance present proxy proxies quorum close closed
code verification signature date privacy minimum maximum published merged withheld figures reveal
individuals unfilled reserved limits limit place places deemed batch examined credited iteration iterations
settled stable remaining certain losers formally truncated recalculated deferred gap fewer fewest largest
equal provisional rehearsal passed failed sheets audit archive record shown check none unopposed nominations
withdrawn hands show poll demanded casting reason reasons unanimous voted received report accounts appoint
auditors amend term council people supported employees community supporters annual general
""")

ALSO_WELSH = {"a", "i", "o", "am", "at", "dan", "all", "band", "bands", "log", "hen", "man", "pan", "hi", "ar",
              "do", "her", "ac", "mi", "ni", "di", "fe", "ti", "sir", "ran"}
"""Spellings that are words of Welsh too ("a" and, "i" to, "all" can, "log" log): never counted as English."""

ENGLISH_WORDS = frozenset(w for w in FUNCTION_WORDS + MEETING_WORDS if w not in ALSO_WELSH)

WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŴŵŶŷ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿŴŵŶŷ]+)*")


def page_halves(pdf: bytes) -> list[tuple[str, str]]:
    """(Welsh, English) text of each page, told apart by the ink each character is printed in."""
    document = pdfium.PdfDocument(pdf)
    halves = []
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    for page in document:
        textpage = page.get_textpage()
        welsh: list[str] = []
        english: list[str] = []
        for index in range(textpage.count_chars()):
            char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index))
            if char in "\r\n":
                welsh.append(" ")
                english.append(" ")
                continue
            pdfium_c.FPDFText_GetFillColor(textpage.raw, index, red, green, blue, alpha)
            ink = f"{red.value:02x}{green.value:02x}{blue.value:02x}"
            (english if ink in ENGLISH_INKS else welsh).append(char)
        halves.append(("".join(welsh), "".join(english)))
    return halves


def name_words(names: Iterable[str]) -> set[str]:
    """The words of names (candidates, members, classes, places): left out of the check."""
    return {word for name in names for word in WORD.findall(name)}


NOT_WORDS = re.compile(r"\S+\.[a-z]{2,8}\b|\S*/\S*|--[a-z-]+|\S*\d\S*")
"""File names, paths, command-line options and codes with digits in them (results.json, ballots/item-NN.csv,
--code, a digest's 5b65b35d8c8f...): no language's words, even where their letters spell one ("be")."""


def english_words(welsh: str, names: Iterable[str] = ()) -> list[str]:
    """The English words in a text that should be Welsh, in order, names left out."""
    left_out = set(names)
    found = []
    for word in WORD.findall(NOT_WORDS.sub(" ", welsh)):
        if word in left_out:
            continue
        plain = re.sub(r"['’]s$", "", word.lower())
        if plain in ENGLISH_WORDS:
            found.append(word)
    return found


def welsh_half_png(pdf: bytes, page_number: int, target: str, scale: float = 1.4) -> int:
    """Render one page with its English-ink text taken out: the Welsh half alone, for a person to read.

    Returns how many text objects were taken out (reportlab starts a new one at each change of ink).
    """
    document = pdfium.PdfDocument(pdf)
    page = document[page_number - 1]
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    removed = 0
    for index in range(pdfium_c.FPDFPage_CountObjects(page.raw) - 1, -1, -1):
        item = pdfium_c.FPDFPage_GetObject(page.raw, index)
        if pdfium_c.FPDFPageObj_GetType(item) != pdfium_c.FPDF_PAGEOBJ_TEXT:
            continue
        pdfium_c.FPDFPageObj_GetFillColor(item, red, green, blue, alpha)
        if f"{red.value:02x}{green.value:02x}{blue.value:02x}" in ENGLISH_INKS:
            pdfium_c.FPDFPage_RemoveObject(page.raw, item)
            pdfium_c.FPDFPageObj_Destroy(item)
            removed += 1
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    page.render(scale=scale).to_pil().save(target)
    return removed
