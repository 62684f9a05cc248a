"""One file's bytes to text within limits: a text file as it is, a PDF's text layer, OCR for the rest."""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import StrEnum

from bot.channels.intake import ocr, office, pdf
from bot.channels.intake.kinds import Kind, sniff

# Longer text is cut. A result page is short and the dialogue reads at most 20,000 characters as
# scores; a document (last year's plan, an analysis) is kept whole for the agency's own index.
MAX_CHARS = 400_000


class Problem(StrEnum):
    """Why a file gave no text; the channel says each one in Thai with what to send instead."""

    TOO_LARGE = "too-large"
    WRONG_TYPE = "wrong-type"
    OFFICE = "office"  # an Excel file, or a Word file that does not open
    TOO_MANY_PIXELS = "too-many-pixels"
    DAMAGED = "damaged"
    LOCKED = "locked"  # a PDF with a password
    NO_TEXT = "no-text"
    TIMEOUT = "timeout"
    NO_OCR = "no-ocr"  # Tesseract (or its Thai model) is not installed
    FETCH_FAILED = "fetch-failed"  # the channel could not download the file


@dataclass(frozen=True)
class Limits:
    """Bounds on one file: bytes, image size, PDF pages, and the seconds reading may take."""

    max_bytes: int = 10 * 1024 * 1024
    max_pixels: int = 30_000_000  # a 1080×2400 screenshot is 2.6 M; a decompression bomb is refused
    max_pages: int = 5  # a result page is one to three pages
    seconds: float = 60.0


@dataclass(frozen=True)
class Reading:
    """What a file said: its text and how it was read ("text", "pdf-text", "ocr"), or why not."""

    text: str = ""
    how: str = ""
    kind: Kind = Kind.UNKNOWN
    problem: Problem | None = None

    @property
    def ok(self) -> bool:
        """Tell whether there is text to read."""
        return self.problem is None


def read(data: bytes, limits: Limits | None = None) -> Reading:
    """Return the text of one file sent in chat, or the Problem that stopped it."""
    limits = limits or Limits()
    if len(data) > limits.max_bytes:
        return Reading(problem=Problem.TOO_LARGE)
    kind = sniff(data)
    deadline = time.monotonic() + limits.seconds
    try:
        if kind is Kind.TEXT:
            text, how = data.decode("utf-8", errors="replace").lstrip("\ufeff"), "text"
        elif kind is Kind.PDF:
            text, how = pdf.read_pdf(data, limits.max_pages, limits.max_pixels, deadline)
        elif kind is Kind.OFFICE:
            text, how = office.read_docx(data, deadline), "docx"
        elif kind.is_image:
            text, how = ocr.read_image(data, limits.max_pixels, deadline), "ocr"
        else:
            return Reading(kind=kind, problem=Problem.OFFICE if kind is Kind.OFFICE else Problem.WRONG_TYPE)
    except office.NotWord:
        return Reading(kind=kind, problem=Problem.OFFICE)
    except pdf.Locked:
        return Reading(kind=kind, problem=Problem.LOCKED)
    except ocr.TooManyPixels:
        return Reading(kind=kind, problem=Problem.TOO_MANY_PIXELS)
    except ocr.Missing:
        return Reading(kind=kind, problem=Problem.NO_OCR)
    except TimeoutError:
        return Reading(kind=kind, problem=Problem.TIMEOUT)
    except ocr.Damaged:
        return Reading(kind=kind, problem=Problem.DAMAGED)
    text = text.strip()[:MAX_CHARS]
    if not any(ch.isalnum() for ch in text):
        return Reading(kind=kind, how=how, problem=Problem.NO_TEXT)
    return Reading(text=text, how=how, kind=kind)
