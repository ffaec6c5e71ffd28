"""Draw coopvote's icon, a ballot box with a paper going in and a tick, as SVG, PNG and ICO.

One set of shapes (on a 256-unit square) is written both as SVG (for Linux desktops and the docs)
and rasterised with Pillow at each size (supersampled, so small sizes stay crisp) for the PNG,
the Windows ICO and the macOS bundle (PyInstaller turns the PNG into .icns there).

Run: ``.venv/bin/python packaging/make_icon.py`` (writes coopvote/resources/icons/).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "coopvote" / "resources" / "icons"
GREEN, DARK, SLOT, PAPER, EDGE, TICK = "#1b7f5f", "#12553f", "#0a2e22", "#ffffff", "#9aa5a0", "#ffffff"

BACKGROUND = (8, 8, 248, 248, 44)  # rounded square: x0, y0, x1, y1, radius
PAPER_RECT = (96, 20, 160, 112)
PAPER_LINES = [(106, 40, 150, 40), (106, 54, 150, 54), (106, 68, 136, 68)]
PAPER_BOX = (116, 80, 132, 96)
LID = (34, 104, 222, 130, 8)
SLOT_RECT = (84, 112, 172, 120, 4)
BODY = [(46, 130), (210, 130), (200, 226), (56, 226)]
TICK_POINTS = [(88, 174), (116, 202), (170, 148)]


def svg() -> str:
    x0, y0, x1, y1, r = BACKGROUND
    lx0, ly0, lx1, ly1, lr = LID
    sx0, sy0, sx1, sy1, sr = SLOT_RECT
    px0, py0, px1, py1 = PAPER_RECT
    bx0, by0, bx1, by1 = PAPER_BOX
    lines = "".join(
        f'<line x1="{a}" y1="{b}" x2="{c}" y2="{d}" stroke="{EDGE}" stroke-width="5" stroke-linecap="round"/>'
        for a, b, c, d in PAPER_LINES
    )
    body = " ".join(f"{x},{y}" for x, y in BODY)
    tick = " ".join(f"{x},{y}" for x, y in TICK_POINTS)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256" width="256" height="256">\n'
        "<title>coopvote</title>\n"
        f'<rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" rx="{r}" fill="#e8f4ee"/>\n'
        f'<rect x="{px0}" y="{py0}" width="{px1 - px0}" height="{py1 - py0}" fill="{PAPER}" stroke="{EDGE}" stroke-width="3"/>\n'
        f"{lines}\n"
        f'<rect x="{bx0}" y="{by0}" width="{bx1 - bx0}" height="{by1 - by0}" fill="none" stroke="{GREEN}" stroke-width="4"/>\n'
        f'<polygon points="{body}" fill="{GREEN}"/>\n'
        f'<rect x="{lx0}" y="{ly0}" width="{lx1 - lx0}" height="{ly1 - ly0}" rx="{lr}" fill="{DARK}"/>\n'
        f'<rect x="{sx0}" y="{sy0}" width="{sx1 - sx0}" height="{sy1 - sy0}" rx="{sr}" fill="{SLOT}"/>\n'
        f'<polyline points="{tick}" fill="none" stroke="{TICK}" stroke-width="18" stroke-linecap="round" stroke-linejoin="round"/>\n'
        "</svg>\n"
    )


def raster(size: int) -> Image.Image:
    scale = 4 * size / 256
    big = Image.new("RGBA", (4 * size, 4 * size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)

    def s(*values: float) -> list[float]:
        return [v * scale for v in values]

    x0, y0, x1, y1, r = BACKGROUND
    draw.rounded_rectangle(s(x0, y0, x1, y1), radius=r * scale, fill="#e8f4ee")
    draw.rectangle(s(*PAPER_RECT), fill=PAPER, outline=EDGE, width=max(1, round(3 * scale)))
    for line in PAPER_LINES:
        draw.line(s(*line), fill=EDGE, width=max(1, round(5 * scale)))
    draw.rectangle(s(*PAPER_BOX), outline=GREEN, width=max(1, round(4 * scale)))
    draw.polygon([(x * scale, y * scale) for x, y in BODY], fill=GREEN)
    lx0, ly0, lx1, ly1, lr = LID
    draw.rounded_rectangle(s(lx0, ly0, lx1, ly1), radius=lr * scale, fill=DARK)
    sx0, sy0, sx1, sy1, sr = SLOT_RECT
    draw.rounded_rectangle(s(sx0, sy0, sx1, sy1), radius=sr * scale, fill=SLOT)
    width = round(18 * scale)
    points = [(x * scale, y * scale) for x, y in TICK_POINTS]
    draw.line(points, fill=TICK, width=width, joint="curve")
    for x, y in (points[0], points[-1]):
        draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=TICK)
    return big.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "coopvote.svg").write_text(svg(), encoding="utf-8")
    raster(512).save(OUT / "coopvote.png", optimize=True)
    raster(256).save(OUT / "coopvote.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    for size in (16, 48):
        raster(size).save(OUT / f"coopvote-{size}.png")
    print(f"icons written to {OUT}")


if __name__ == "__main__":
    main()
