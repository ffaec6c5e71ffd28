"""Membership cards for the whole register, from the desk's "Print membership cards" button.

The work is the service's (``PapersRole.print_membership_cards``); this name stays for the desk.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coopvote.service.papers import PapersRole


def write_membership_cards(papers: PapersRole, path: str | Path, page_size: str = "A4") -> int:
    """Write a card for every active member to ``path`` (PDF); returns how many cards."""
    return int(papers.print_membership_cards(Path(path), page_size))
