"""A PDF's text: its text layer when it has one, else its pages rendered (pdftoppm) and read by OCR.

pypdf opens the file (a password, the page count); the text layer is taken with poppler's
pdftotext -layout when it is installed, since it keeps Thai tone marks and a table's rows
together where pypdf drops marks ("หนาที่" for "หน้าที่") and so loses rows; pypdf's text otherwise.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from bot.channels.intake import ocr

# A page whose text layer has fewer letters and digits than this is a scan: it is read by OCR.
MIN_LAYER_CHARS = 20
RENDER_DPI = 200
# A text layer is read from this many pages (a plan runs to tens of pages); OCR only from max_pages.
TEXT_LAYER_PAGES = 60  # an A4 page at 200 dpi is 1654×2339: Thai marks stay legible


class Locked(ValueError):
    """The PDF needs a password."""


def read_pdf(data: bytes, max_pages: int, max_pixels: int, deadline: float) -> tuple[str, str]:
    """Return (text, how): "pdf-text" from the text layer, or "ocr" from rendered pages."""
    from pypdf import PdfReader  # noqa: PLC0415 - heavy (~0.1 s), only when a PDF arrives
    from pypdf.errors import PdfReadError  # noqa: PLC0415

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:  # many PDFs are encrypted with an empty password only to stop editing
                opened = bool(reader.decrypt(""))
            except Exception:
                opened = False
            if not opened:
                raise Locked("password")
        pages = reader.pages[: max(max_pages, TEXT_LAYER_PAGES)]
        text = _pdftotext(data, len(pages), deadline)
        if text is None:
            texts = []
            for page in pages:
                if time.monotonic() > deadline:
                    raise TimeoutError("PDF text took too long")
                texts.append(page.extract_text() or "")
            text = "\n".join(texts)
    except (Locked, TimeoutError):
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as err:
        raise ocr.Damaged(type(err).__name__) from err
    if sum(ch.isalnum() for ch in text) >= MIN_LAYER_CHARS:
        return text, "pdf-text"
    return _ocr_pages(data, min(len(pages), max_pages), max_pixels, deadline), "ocr"


def _pdftotext(data: bytes, pages: int, deadline: float) -> str | None:
    """The first `pages` pages' text layer laid out as on the page; None without pdftotext."""
    if shutil.which("pdftotext") is None:
        return None
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("no time left to read the PDF")
    command = ["pdftotext", "-layout", "-enc", "UTF-8", "-f", "1", "-l", str(max(pages, 1)), "-", "-"]
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=left, check=False)
    except subprocess.TimeoutExpired as err:
        raise TimeoutError("pdftotext took too long") from err
    if done.returncode != 0:
        return None  # pypdf opened it; let pypdf read it
    return done.stdout.decode("utf-8", errors="replace")


def _ocr_pages(data: bytes, pages: int, max_pixels: int, deadline: float) -> str:
    if shutil.which("pdftoppm") is None:
        raise ocr.Missing("pdftoppm")
    with tempfile.TemporaryDirectory(prefix="ita-pdf-") as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(data)
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("no time left to render the PDF")
        command = ["pdftoppm", "-r", str(RENDER_DPI), "-f", "1", "-l", str(max(pages, 1)), "-png"]
        try:
            subprocess.run(
                [*command, str(source), str(Path(folder) / "page")],
                check=True,
                capture_output=True,
                timeout=left,
            )
        except subprocess.TimeoutExpired as err:
            raise TimeoutError("pdftoppm took too long") from err
        except subprocess.CalledProcessError as err:
            raise ocr.Damaged("pdftoppm") from err
        texts = []
        for png in sorted(Path(folder).glob("page*.png")):
            image = ocr.open_image(png.read_bytes(), max_pixels)
            texts.append(ocr.image_text(image, deadline))
    return "\n".join(texts)
