"""The plain facts that name a kind of ballot paper: page size, variant and kind.

The QR codec writes the page size and variant into every paper's code, and the layout turns them
into millimetres; both need the names, neither needs the other for them, so the names live here on
their own and the codec and the layout never import each other to learn them.
"""

from __future__ import annotations

from typing import Literal

PageSize = Literal["A4", "Letter"]
Variant = Literal["standard", "easy-read", "large-print"]
Kind = Literal["resolution", "election", "ranking"]

PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}
"""Width and height in mm of each supported paper size."""

VARIANTS: tuple[Variant, ...] = ("standard", "easy-read", "large-print")
KINDS: tuple[Kind, ...] = ("resolution", "election", "ranking")
