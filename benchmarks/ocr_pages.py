"""NACC-like result pages rendered with known scores, for the screenshot-reading benchmark and tests.

Nothing here is a copy of the NACC's page: the layouts imitate what officers
screenshot from the ITAS result pages (an indicator table, a tool summary, an
item list, phone "cards" with the score under each name) in Thai fonts from
fonts-thai-tlwg, at phone and desktop sizes, in light and dark colours and at
several zooms. Some pages are then sent "as a Telegram photo": scaled so the
long side is 1280 px and saved as JPEG, as Telegram does to photos.

`make_pages(seed, count)` is deterministic for a seed; images are generated at
benchmark time and never committed.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")
FONTS = ("Loma", "Garuda", "Laksaman", "Kinnari", "Norasi", "Sawasdee", "TlwgTypo")
SIZES = {"phone-720": (720, 1600), "phone-1080": (1080, 2400), "desktop": (1920, 1080)}
LAYOUTS = ("indicators", "tools", "items", "cards")
INDICATORS = {
    1: "การปฏิบัติหน้าที่",
    2: "การใช้งบประมาณ",
    3: "การใช้อำนาจ",
    4: "การใช้ทรัพย์สินของราชการ",
    5: "การแก้ไขปัญหาการทุจริต",
    6: "คุณภาพการดำเนินงาน",
    7: "ประสิทธิภาพการสื่อสาร",
    8: "การปรับปรุงการทำงาน",
    9: "การเปิดเผยข้อมูล",
    10: "การป้องกันการทุจริต",
}
TOOLS = {
    "IIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)",
    "EIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)",
    "OIT": "แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)",
}
AGENCIES = (
    "เทศบาลตำบลหนองบัว",
    "องค์การบริหารส่วนตำบลท่าข้าม",
    "โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านนา",
    "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเลย เขต 1",
)
THEMES = {
    "light": {"bg": "#ffffff", "fg": "#222222", "head": "#3b5998", "head_fg": "#ffffff", "zebra": "#f2f5fa"},
    "green": {"bg": "#fbfdf8", "fg": "#1d3b1d", "head": "#2e7d32", "head_fg": "#ffffff", "zebra": "#e8f5e9"},
    "grey": {"bg": "#eeeeee", "fg": "#111111", "head": "#cccccc", "head_fg": "#111111", "zebra": "#e2e2e2"},
    "dark": {"bg": "#121212", "fg": "#e8e8e8", "head": "#263238", "head_fg": "#ffffff", "zebra": "#1e1e1e"},
}


@dataclass
class Page:
    """One rendered page and the scores it shows."""

    name: str
    layout: str
    size: str
    png: bytes
    mime: str = "image/png"
    indicators: dict[int, float] = field(default_factory=dict)
    tools: dict[str, float] = field(default_factory=dict)
    items: dict[str, float] = field(default_factory=dict)
    overall: float | None = None
    year: int = 2568

    def values(self) -> dict[str, float]:
        """Every score on the page by a key: "indicator 9", "tool OIT", "item I3", "overall"."""
        out = {f"indicator {k}": v for k, v in self.indicators.items()}
        out |= {f"tool {k}": v for k, v in self.tools.items()}
        out |= {f"item {k}": v for k, v in self.items.items()}
        if self.overall is not None:
            out["overall"] = self.overall
        return out


def _score(rng: random.Random) -> float:
    if rng.random() < 0.08:
        return 100.0
    return round(rng.uniform(35.0, 99.99), 2)


def _font(name: str, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    path = FONT_DIR / f"{name}{'-Bold' if bold else ''}.ttf"
    if not path.exists():
        path = FONT_DIR / f"{name}.ttf"
    return ImageFont.truetype(str(path), size)


def fmt(value: float) -> str:
    """A score as the result page prints it: two decimals."""
    return f"{value:.2f}"


class _Canvas:
    def __init__(self, size: tuple[int, int], theme: dict, font: str, zoom: float) -> None:
        self.image = Image.new("RGB", size, theme["bg"])
        self.draw = ImageDraw.Draw(self.image)
        self.theme, self.width = theme, size[0]
        base = max(16, round(size[0] / 30 * zoom)) if size[0] < 1200 else round(24 * zoom)
        self.body = _font(font, base)
        self.bold = _font(font, base, bold=True)
        self.title = _font(font, round(base * 1.25), bold=True)
        self.line = round(base * 1.9)
        self.margin = round(size[0] * 0.05) if size[0] < 1200 else round(size[0] * 0.12)
        self.y = round(base * 1.2)

    @property
    def right(self) -> int:
        return self.width - self.margin

    def text(self, x: int, text: str, *, font=None, fill=None, anchor="la") -> None:
        self.draw.text(
            (x, self.y), text, font=font or self.body, fill=fill or self.theme["fg"], anchor=anchor
        )

    def band(self, height: int, colour: str) -> None:
        self.draw.rectangle((0, self.y - round(height * 0.2), self.width, self.y + height), fill=colour)

    def fits(self) -> bool:
        return self.y + self.line < self.image.height


def _header(c: _Canvas, agency: str, year: int) -> None:
    c.band(round(c.line * 2.2), c.theme["head"])
    c.text(c.margin, "ผลการประเมิน ITA", font=c.title, fill=c.theme["head_fg"])
    c.y += c.line
    c.text(c.margin, f"ประจำปีงบประมาณ พ.ศ. {year}", fill=c.theme["head_fg"])
    c.y += round(c.line * 1.4)
    c.text(c.margin, agency, font=c.bold)
    c.y += round(c.line * 1.2)


def _row(c: _Canvas, left: str, value: str, zebra: bool) -> None:
    if zebra:
        c.band(round(c.line * 0.9), c.theme["zebra"])
    c.text(c.margin, left)
    c.text(c.right, value, font=c.bold, anchor="ra")
    c.y += c.line


def _draw_indicators(c: _Canvas, page: Page, rng: random.Random) -> None:
    c.band(round(c.line * 0.9), c.theme["head"])
    c.text(c.margin, "ตัวชี้วัด", font=c.bold, fill=c.theme["head_fg"])
    c.text(c.right, "คะแนน", font=c.bold, fill=c.theme["head_fg"], anchor="ra")
    c.y += c.line
    numbered = rng.random() < 0.5
    for number, name in INDICATORS.items():
        label = f"ตัวชี้วัดที่ {number} {name}" if numbered else f"{number}. {name}"
        if c.width < 800 and len(label) > 28:
            label = f"{number}. {name}" if not numbered else f"ตัวชี้วัดที่ {number}"
        _row(c, label, fmt(page.indicators[number]), number % 2 == 0)
    if page.overall is not None:
        c.y += c.line // 2
        _row(c, "คะแนนรวม", fmt(page.overall), False)


def _draw_tools(c: _Canvas, page: Page, rng: random.Random) -> None:
    if page.overall is not None:
        c.text(c.margin, "คะแนนภาพรวม", font=c.bold)
        c.text(c.right, fmt(page.overall), font=c.title, anchor="ra")
        c.y += round(c.line * 1.5)
    for code, value in page.tools.items():
        name = TOOLS[code] if c.width >= 1000 else f"เครื่องมือ {code}"
        _row(c, name, fmt(value), code == "EIT")


def _draw_items(c: _Canvas, page: Page, rng: random.Random) -> None:
    c.band(round(c.line * 0.9), c.theme["head"])
    c.text(c.margin, "ข้อคำถาม", font=c.bold, fill=c.theme["head_fg"])
    c.text(c.right, "คะแนน", font=c.bold, fill=c.theme["head_fg"], anchor="ra")
    c.y += c.line
    for i, (code, value) in enumerate(page.items.items()):
        _row(c, f"ข้อ {code}", fmt(value), i % 2 == 1)


def _draw_cards(c: _Canvas, page: Page, rng: random.Random) -> None:
    for number, name in INDICATORS.items():
        if number not in page.indicators:
            continue
        c.text(c.margin, f"ตัวชี้วัดที่ {number} {name}", font=c.body)
        c.y += c.line
        c.text(c.margin, f"คะแนน {fmt(page.indicators[number])}", font=c.bold)
        c.y += round(c.line * 1.3)


_DRAW = {"indicators": _draw_indicators, "tools": _draw_tools, "items": _draw_items, "cards": _draw_cards}


def _scores_for(layout: str, rng: random.Random, page: Page) -> None:
    if layout in ("indicators", "cards"):
        page.indicators = {n: _score(rng) for n in INDICATORS}
        page.overall = _score(rng) if layout == "indicators" and rng.random() < 0.6 else None
    elif layout == "tools":
        page.tools = {code: _score(rng) for code in TOOLS}
        page.overall = _score(rng)
    else:
        codes = [f"I{n}" for n in range(1, 31)] + [f"E{n}" for n in range(1, 16)]
        chosen = sorted(rng.sample(codes, rng.randint(6, 12)), key=lambda c: (c[0] != "I", int(c[1:])))
        page.items = {code: _score(rng) for code in chosen}


def render(layout: str, size: str, rng: random.Random, *, name: str = "") -> Page:
    """Render one page of `layout` at `size` with random scores, colours, font and zoom."""
    width, height = SIZES[size]
    page = Page(name=name, layout=layout, size=size, png=b"", year=rng.choice((2566, 2567, 2568)))
    _scores_for(layout, rng, page)
    if layout == "cards" and size == "desktop":
        page.indicators = {k: v for k, v in page.indicators.items() if k <= 5}
    theme = THEMES[rng.choice(list(THEMES))]
    canvas = _Canvas((width, height), theme, rng.choice(FONTS), rng.choice((0.9, 1.0, 1.15)))
    _header(canvas, rng.choice(AGENCIES), page.year)
    _DRAW[layout](canvas, page, rng)
    image = canvas.image
    buffer = io.BytesIO()
    if rng.random() < 0.35:  # sent as a Telegram photo: long side 1280 px, JPEG
        image.thumbnail((1280, 1280), Image.Resampling.LANCZOS)
        image.save(buffer, "JPEG", quality=85)
        page.mime, page.name = "image/jpeg", f"{name}-photo"
    else:
        image.save(buffer, "PNG", optimize=True)
    page.png = buffer.getvalue()
    return page


def make_pages(seed: int, count: int) -> list[Page]:
    """Return `count` pages, every layout at every size in turn, the rest drawn from `seed`."""
    rng = random.Random(seed)
    pages = []
    combos = [(layout, size) for layout in LAYOUTS for size in SIZES]
    for i in range(count):
        layout, size = combos[i % len(combos)]
        pages.append(render(layout, size, rng, name=f"p{i:03d}-{layout}-{size}"))
    return pages
