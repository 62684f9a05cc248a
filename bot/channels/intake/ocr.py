"""Images to text with Tesseract's Thai model (pytesseract), after a little preprocessing.

Screenshots of the result page are clean renders, so preprocessing is light and
measured (benchmarks/ocr_scores.py, tuned on its dev half only): grayscale, a
dark-mode capture turned dark on light, and small text scaled up to the size
Tesseract reads best. The Thai model then reads the page (tha+eng, one block
of rows). It reads Thai and numbers well but short Latin codes badly ("I14" as
"114", "IIT" as "117", "(OIT)" as Thai letters), so every short run of words that
may be such a code is cropped, contrast-stretched and read again by the English
model in one second call, and kept only when it then reads as an item or tool
code. A number that both models read in a table's code column ("13" for I3, "114"
for I14) is then told from a code by the shape of its first glyph: a 1 has a flag,
an I is a bare stroke or has serifs on both sides. Each Tesseract call has the
file's deadline: it is killed past it. (About 400 lines: the glyph check belongs
beside the word boxes it reads.)
"""

from __future__ import annotations

import io
import re
import shutil
import time
import warnings

from PIL import Image, ImageOps

LANGS = "tha+eng"
# Page segmentation: one block of text in rows (tables read row by row, label beside value).
CONFIG = "--psm 6 --oem 1"
# Images are scaled up (never down) to at least this width: a phone screenshot's text is then as
# large as Tesseract reads best. Scaling further by the measured height of the lines of text (so a
# desktop capture's small text grows too) read no more values on the dev half of
# benchmarks/ocr_scores.py (92.0% either way) and cost 15% more CPU, so it was left out.
TARGET_WIDTH = 2000
MAX_SCALE = 3.0


class Missing(RuntimeError):
    """Tesseract or its Thai model is not installed."""


class TooManyPixels(ValueError):
    """The image is larger than the limit (or a decompression bomb)."""


class Damaged(ValueError):
    """The bytes are not an image Pillow can decode."""


def available() -> bool:
    """Tell whether the tesseract binary and its Thai model are installed."""
    if shutil.which("tesseract") is None:
        return False
    import pytesseract  # noqa: PLC0415 - only when a file arrives

    try:
        return "tha" in pytesseract.get_languages(config="")
    except Exception:
        return False


def open_image(data: bytes, max_pixels: int) -> Image.Image:
    """Decode an image, refusing one over `max_pixels` before its pixels are read."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > max_pixels:
                raise TooManyPixels(f"{width}x{height}")
            image.load()
    except TooManyPixels:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as err:
        raise TooManyPixels(str(err)) from err
    except Exception as err:  # truncated, corrupt, or a kind Pillow cannot read
        raise Damaged(type(err).__name__) from err
    return image


def prepare(image: Image.Image, target_width: int = TARGET_WIDTH) -> Image.Image:
    """Return the image as Tesseract reads it best: grey, dark text on light, small text scaled up."""
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGBA", image.size, "white")
        image = Image.alpha_composite(background, image)
    grey = ImageOps.grayscale(image)
    if _mostly_dark(grey):  # a dark-mode screenshot
        grey = ImageOps.invert(grey)
    scale = min(MAX_SCALE, target_width / grey.width)
    if scale > 1.05:
        grey = grey.resize((round(grey.width * scale), round(grey.height * scale)), Image.Resampling.LANCZOS)
    return grey


def _mostly_dark(grey: Image.Image) -> bool:
    histogram = grey.histogram()
    dark = sum(histogram[:128])
    return dark > sum(histogram[128:])


def image_text(image: Image.Image, deadline: float) -> str:
    """OCR one decoded image before `deadline` (time.monotonic()); TimeoutError past it.

    The Thai model reads Thai words and numbers well but short Latin codes badly ("I14" as
    "114", "IIT" as "117", "OIT" as "๐017"), so each run of words with no Thai letter that is
    not a number is read again, all in one sheet, by the English model, and kept when it then
    reads as an item or tool code.
    """
    if shutil.which("tesseract") is None:
        raise Missing("tesseract")
    prepared = prepare(image)
    words = _words(prepared, LANGS, CONFIG, deadline)
    lines: dict[tuple[int, int, int], list[_Word]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    runs = [run for line in lines.values() for run in _latin_runs(line)]
    line_of = {id(word): line for line in lines.values() for word in line}
    if runs:
        sheet, places = _sheet(prepared, runs)
        again = _words(sheet, "eng", CONFIG_CODES, deadline)
        for run, (top, bottom) in zip(runs, places, strict=True):
            first = "".join(w.text for w in run)
            code = as_code(_dropped_bar(first, "".join(w.text for w in again if top <= w.middle < bottom)))
            code = code or as_code(first) or _stroke_code(prepared, run, line_of[id(run[0])])
            if code:
                run[0].text = code
                for word in run[1:]:
                    word.text = ""
    return "\n".join(_join(line) for line in lines.values())


def as_code(text: str) -> str:
    """Return `text` as an item or tool code if it reads as one once OCR's usual slips are undone:
    a bar or l for I ("|14", "(OlT)"), a zero for O before "IT", an l or I beside an item's digit ("I1l")."""
    text = text.strip()
    tool = re.sub(r"(?<![A-Z])0(?=IT)", "O", re.sub(r"[l|]", "I", text))
    if CODE.fullmatch(tool) and "IT" in tool:
        return tool
    item = re.fullmatch(r"(\(?)([IEO]|[l|])([0-9lI|]{1,2})(\)?)", text)
    if item and any(ch.isascii() and ch.isdigit() for ch in item[3]):  # "ll" is two bars, not I1
        code = ("I" if item[2] in "l|" else item[2]) + re.sub(r"[lI|]", "1", item[3])
        fixed = f"{item[1]}{code}{item[4]}"
        return fixed if CODE.fullmatch(fixed) else ""
    return ""


def _dropped_bar(first: str, again: str) -> str:
    """The English model drops a sans-serif I's bare stroke before digits ("I14" read "14") where
    the Thai model read it as a 1 or a bar ("114"): that stroke was the I."""
    if again.isdigit() and len(first) == len(again) + 1 and first[0] in "1|l" and first[1:] == again:
        return "I" + again
    return again


def _stroke_code(image: Image.Image, run: list[_Word], line: list[_Word]) -> str:
    """An item code whose I or 1 both models misread, read from the glyphs' shapes.

    Only a short word in a table's code column (a score follows it on its line) is looked at.
    A digit 1 has a flag to the left at its top; an I has none (a bare stroke) or serifs on both
    sides. So a first glyph shaped as an I turns "13" into I3 and "114" into I14; a bare I-shaped
    stroke at a letter's distance left of the number ("I13" read "13") is its I; and a stroke
    shaped as a 1 after an E or O ("El") is E1. Anything else is left unread, never guessed."""
    word = run[0]
    if len(run) != 1 or not re.fullmatch(r"[0-9]{1,3}|[EO][lI|]", word.text):
        return ""
    after = line[line.index(word) + 1 :]
    if not any(re.fullmatch(r"[0-9]{1,3}\.[0-9]{2}", w.text) for w in after):
        return ""
    x, y, w, h = word.box
    x0 = max(0, x - round(0.8 * h))
    crop = image.crop((x0, max(0, y - 3), x + w + 2, y + h + 3))
    scale = max(1.0, GLYPH_HEIGHT / max(1, crop.height))  # small text is looked at scaled up
    if scale > 1.1:
        size = (round(crop.width * scale), round(crop.height * scale))
        crop = crop.resize(size, Image.Resampling.LANCZOS)
    glyphs = [g for g in _glyphs(crop) if g.left > 0]  # one cut by the crop's edge is not whole
    start = (x - x0) * scale
    inside = [g for g in glyphs if g.right > start]
    if len(inside) != len(word.text):  # glyphs touching or broken: their shapes are not read
        return ""
    if word.text[0] in "EO":
        return as_code(word.text[0] + "1") if inside[1].kind() == "1" else ""
    if word.text[0] == "1" and inside[0].kind() == "I":
        return as_code("I" + word.text[1:])
    before = [g for g in glyphs if g.right <= start]
    if before and before[-1].kind() == "I" and before[-1].beside(inside[0]):
        return as_code("I" + word.text)
    return ""


class _Glyph:
    """One run of inked columns in a binarised crop, with what is needed to tell an I from a 1."""

    def __init__(self, ink: list[list[bool]], left: int, right: int) -> None:
        self.ink, self.left, self.right = ink, left, right
        rows = [j for j, row in enumerate(ink) if any(row[left:right])]
        self.top, self.bottom = rows[0], rows[-1]

    def beside(self, other: _Glyph) -> bool:
        """Tell whether this glyph is a letter of the same word as `other`, just right of it: as
        tall, on the same line, and nearer than a space."""
        height = other.bottom - other.top + 1
        return (
            abs(self.top - other.top) <= 0.15 * height
            and abs(self.bottom - other.bottom) <= 0.15 * height
            and other.left - self.right <= 0.3 * height
        )

    def kind(self) -> str:
        """ "I" for a bare stroke or a stroke with serifs on both sides, "1" for a stroke with a flag
        to the left at its top, "" when the shape says neither clearly."""
        height = self.bottom - self.top + 1
        cols = [sum(row[i] for row in self.ink) for i in range(self.left, self.right)]
        peak = max(cols)
        if height < 12 or peak < 0.8 * height or self.right - self.left > 0.8 * height:
            return ""
        stem = [self.left + i for i, n in enumerate(cols) if n >= 0.6 * peak]
        band = self.ink[self.top : self.top + max(1, round(0.3 * height))]
        xs = [i for row in band for i in range(self.left, self.right) if row[i]]
        left, right = stem[0] - min(xs), max(xs) - stem[-1]
        if max(left, right) <= max(1, 0.03 * height):
            return "I"  # a bare stroke
        if min(left, right) >= 0.08 * height and abs(left - right) <= 0.35 * max(left, right):
            return "I"  # serifs on both sides
        if left >= max(2, 0.06 * height) and right <= 0.3 * left:
            return "1"
        return ""


def _glyphs(crop: Image.Image) -> list[_Glyph]:
    """The crop binarised halfway between its darkest and lightest grey, cut at blank columns."""
    histogram = crop.histogram()
    shades = [i for i, n in enumerate(histogram) if n]
    low, high = shades[0], shades[-1]
    if high - low < 60:
        return []
    middle = (low + high) / 2
    light_text = sum(histogram[: int(middle)]) > sum(histogram[int(middle) :])
    grey, (width, height) = crop.tobytes(), crop.size  # the prepared image is grey: a byte a pixel
    ink = [[(grey[j * width + i] < middle) != light_text for i in range(width)] for j in range(height)]
    inked = [any(row[i] for row in ink) for i in range(width)]
    out, start = [], None
    for i, on in enumerate([*inked, False]):
        if on and start is None:
            start = i
        elif not on and start is not None:
            out.append(_Glyph(ink, start, i))
            start = None
    return out


def _join(line: list[_Word]) -> str:
    """A line's words joined as Tesseract's text output joins them: Thai is not a space-delimited
    script, so two Thai words touch; any other pair is spaced, except digits split by a gap
    narrower than a digit ("59.1 7" is 59.17: two numbers in a table are never that close)."""
    out = ""
    previous: _Word | None = None
    for word in line:
        if not word.text:
            continue
        touching = bool(_THAI_LETTER.search(out[-1:]) and _THAI_LETTER.search(word.text[:1]))
        if previous is not None and out[-1:].isdigit() and word.text[:1].isdigit():
            gap = word.box[0] - (previous.box[0] + previous.box[2])
            touching = touching or gap < 0.4 * max(word.box[3], previous.box[3], 1)
        out += word.text if touching or not out else " " + word.text
        previous = word
    return out


# An item or tool code as the English model reads it: I14, E5, O33, (IIT), EIT.
CODE = re.compile(r"\(?(?:[IEO][1-9]\d?|[IEO]IT)\)?")
_THAI_LETTER = re.compile(r"[\u0e01-\u0e4f]")
_NUMBER = re.compile(r"[0-9,]*\.[0-9]+|[0-9]{4,}")
CONFIG_CODES = "--psm 6 --oem 1"
_PAD = 10
GLYPH_HEIGHT = 64  # pixels: a number's crop is scaled up to this before its first glyph's shape is read
CODE_HEIGHT = 60  # pixels: a code's crop (with its padding) is scaled up to at least this
_GAP = 40


class _Word:
    __slots__ = ("box", "line", "text")

    def __init__(self, text: str, line: tuple[int, int, int], box: tuple[int, int, int, int]) -> None:
        self.text, self.line, self.box = text, line, box

    @property
    def middle(self) -> float:
        return self.box[1] + self.box[3] / 2


def _words(image: Image.Image, langs: str, config: str, deadline: float) -> list[_Word]:
    import pytesseract  # noqa: PLC0415 - only when a file arrives

    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("no time left for OCR")
    try:
        data = pytesseract.image_to_data(
            image, lang=langs, config=config, timeout=left, output_type=pytesseract.Output.DICT
        )
    except RuntimeError as err:  # pytesseract raises RuntimeError("Tesseract process timeout")
        if "timeout" in str(err).lower():
            raise TimeoutError("OCR took too long") from err
        raise
    except pytesseract.TesseractError as err:
        if "tha" in str(err.message) or "eng" in str(err.message):
            raise Missing("tesseract language data") from err
        raise Damaged("tesseract") from err
    out = []
    for i, text in enumerate(data["text"]):
        if str(text).strip():
            line = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            box = (data["left"][i], data["top"][i], data["width"][i], data["height"][i])
            out.append(_Word(str(text).strip(), line, box))
    return out


def _latin_runs(line: list[_Word]) -> list[list[_Word]]:
    """Runs of neighbouring words that may be misread codes: no Thai letter and not a number, or a
    short group in brackets (an abbreviation such as "(OIT)", even when it was read as Thai)."""
    runs: list[list[_Word]] = []
    current: list[_Word] = []
    i = 0
    while i < len(line):
        group = _bracketed(line, i)
        if group:
            if current:
                runs.append(current)
            runs.append(group)
            current = []
            i += len(group)
            continue
        word = line[i]
        if not _THAI_LETTER.search(word.text) and not _NUMBER.fullmatch(word.text) and len(word.text) <= 8:
            current.append(word)
        elif current:
            runs.append(current)
            current = []
        i += 1
    if current:
        runs.append(current)
    return [run for run in runs if any(ch.isalnum() or ch == "|" for w in run for ch in w.text)]


def _bracketed(line: list[_Word], start: int) -> list[_Word]:
    """The words from `start` to a closing bracket, when they open with one and are short together."""
    if not line[start].text.startswith("("):
        return []
    for end in range(start, min(start + 3, len(line))):
        if line[end].text.endswith(")"):
            group = line[start : end + 1]
            return group if sum(len(w.text) for w in group) <= 8 else []
    return []


def _sheet(image: Image.Image, runs: list[list[_Word]]) -> tuple[Image.Image, list[tuple[int, int]]]:
    """Crop each run and stack the crops on one white sheet; return it and each crop's rows."""
    crops = []
    for run in runs:
        # a thin stroke the Thai model dropped as noise (a sans-serif I) sits just left of the run
        x0 = min(w.box[0] for w in run) - max(_PAD, round(0.6 * max(w.box[3] for w in run)))
        y0 = min(w.box[1] for w in run) - _PAD
        x1 = max(w.box[0] + w.box[2] for w in run) + _PAD
        y1 = max(w.box[1] + w.box[3] for w in run) + _PAD
        crop = image.crop((max(0, x0), max(0, y0), x1, y1))
        if _mostly_dark(crop):  # light text on a dark header band
            crop = ImageOps.invert(crop)
        crop = ImageOps.autocontrast(crop, cutoff=1)  # faint grey text (JPEG, a scan) made black
        scale = CODE_HEIGHT / max(1, crop.height)  # small desktop text is read as well as a phone's
        if scale > 1.1:
            crop = crop.resize(
                (round(crop.width * scale), round(crop.height * scale)), Image.Resampling.LANCZOS
            )
        crops.append(crop)
    width = max(c.width for c in crops) + 2 * _GAP
    height = sum(c.height + _GAP for c in crops) + _GAP
    sheet = Image.new("L", (width, height), 255)
    places, y = [], _GAP
    for crop in crops:
        sheet.paste(crop, (_GAP, y))
        places.append((y - _GAP // 2, y + crop.height + _GAP // 2))
        y += crop.height + _GAP
    return sheet, places


def read_image(data: bytes, max_pixels: int, deadline: float) -> str:
    """Return the text OCR reads in an image file's bytes."""
    image = open_image(data, max_pixels)
    frames = getattr(image, "n_frames", 1)
    if frames > 1:  # an animated GIF or a multi-page TIFF: the first frame only
        image.seek(0)
    return image_text(
        image.convert("RGB") if image.mode not in ("L", "RGB", "RGBA", "LA", "P") else image, deadline
    )
