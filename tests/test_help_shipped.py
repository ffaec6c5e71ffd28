"""The guide ships inside the package, so F1 works after a plain `pip install .` (Windows and macOS).

docs/app.md and docs/app.cy.md are the source; coopvote/resources/help holds the copies the wheel
carries. This fails when the docs change and the copies were not refreshed: copy them again with
`cp docs/app.md docs/app.cy.md coopvote/resources/help/`.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_shipped_guides_are_the_docs() -> None:
    for name in ("app.md", "app.cy.md"):
        shipped = ROOT / "coopvote" / "resources" / "help" / name
        assert shipped.read_bytes() == (ROOT / "docs" / name).read_bytes(), f"copy docs/{name} to {shipped}"
