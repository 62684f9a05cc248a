"""Files sent in chat read into text (bot/channels/intake): types by content, limits, PDF text layers, OCR.

OCR tests run the real Tesseract with its Thai model; they are skipped, with the reason, only
where the binary or the model is missing (.ci/run installs both).
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from benchmarks.ocr_pages import render
from bot.channels.intake import Kind, Limits, Problem, read, sniff
from bot.channels.intake.ocr import as_code, available
from bot.ita.framework import load_framework
from bot.scores import parse_scores
from tests.conftest import REPO_DIR

RESULT_PDF = (
    REPO_DIR / "tests" / "data" / "intake" / "result_page.pdf"
)  # Chromium's print of result_page.html
RESULT_SCORES = {
    1: 98.89,
    2: 99.38,
    3: 99.75,
    4: 98.77,
    5: 95.56,
    6: 95.26,
    7: 91.5,
    8: 92.01,
    9: 83.5,
    10: 100.0,
}
needs_ocr = pytest.mark.skipif(
    not available(),
    reason="tesseract with its Thai model is not installed (apt-get install tesseract-ocr-tha)",
)


@pytest.fixture(scope="module")
def fw():
    return load_framework(REPO_DIR / "knowledge")


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_the_kind_comes_from_the_content_not_the_name():
    assert sniff(_png(Image.new("RGB", (4, 4)))) is Kind.PNG
    assert sniff(b"\xff\xd8\xff\xe0" + b"\0" * 20) is Kind.JPEG
    assert sniff(b"RIFF\0\0\0\0WEBPVP8 ") is Kind.WEBP
    assert sniff(RESULT_PDF.read_bytes()) is Kind.PDF
    assert sniff(_docx_bytes()) is Kind.OFFICE
    assert sniff("ตัวชี้วัดที่ 1 98.89\n".encode()) is Kind.TEXT
    assert sniff(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff") is Kind.UNKNOWN  # a Windows program


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (_docx_bytes(), Problem.OFFICE),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00", Problem.WRONG_TYPE),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, Problem.DAMAGED),  # a PNG cut short
        (b"%PDF-1.7\n garbage", Problem.DAMAGED),
        (b"   \n\t ", Problem.WRONG_TYPE),
    ],
)
def test_files_that_cannot_be_read_say_why(data, problem):
    assert read(data).problem is problem


def test_a_file_over_the_size_limit_is_refused_unread():
    assert read(b"x" * 2048, Limits(max_bytes=1024)).problem is Problem.TOO_LARGE


def test_an_image_over_the_pixel_limit_is_refused_before_decoding():
    bomb = _png(Image.new("1", (20_000, 20_000)))  # 400 M pixels in a few tens of KB
    assert len(bomb) < 1_000_000
    assert read(bomb).problem is Problem.TOO_MANY_PIXELS


def test_a_pdf_with_a_text_layer_is_read_without_ocr(fw):
    reading = read(RESULT_PDF.read_bytes())
    assert reading.ok and reading.how == "pdf-text"
    assert "การปฏิบัติหน้าที่" in reading.text  # Thai tone marks kept (pdftotext), not "หนาที่"
    assert parse_scores(reading.text, fw).scores.indicators == RESULT_SCORES


def test_a_pdf_with_a_password_is_refused_by_name():
    writer = PdfWriter(clone_from=PdfReader(RESULT_PDF))
    writer.encrypt("secret-password")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert read(buffer.getvalue()).problem is Problem.LOCKED


def test_plain_text_files_are_read_as_they_are(fw):
    reading = read("\ufeffตัวชี้วัดที่ 9 83.50\nตัวชี้วัดที่ 10 100\n".encode())
    assert reading.how == "text"
    assert parse_scores(reading.text, fw).scores.indicators == {9: 83.5, 10: 100.0}


def test_codes_misread_by_the_thai_model_are_put_right_only_when_they_read_as_codes():
    assert as_code("|14") == "I14"
    assert as_code("(OlT)") == "(OIT)"
    assert as_code("0IT") == "OIT"
    assert as_code("E5") == "E5"
    assert as_code("114") == ""  # digits alone are never guessed into a code
    assert as_code("ITA") == ""
    assert as_code("ll") == ""  # a "1" read as two bars is not item I1


@needs_ocr
def test_a_phone_screenshot_of_the_indicator_table_is_read_exactly(fw):
    page = render("indicators", "phone-1080", random.Random(3), name="fixture")
    reading = read(page.png)
    assert reading.ok and reading.how == "ocr"
    assert parse_scores(reading.text, fw).scores.indicators == page.indicators


def _table(rows: list[tuple[str, float]], font: str) -> bytes:
    """A desktop-size result table of `rows` (label, score) in one of the Thai fonts."""
    from PIL import ImageDraw, ImageFont

    face = ImageFont.truetype(f"/usr/share/fonts/truetype/tlwg/{font}.ttf", 24)
    image = Image.new("RGB", (1200, 60 + 46 * len(rows)), "white")
    draw = ImageDraw.Draw(image)
    for i, (label, value) in enumerate(rows):
        draw.text((120, 30 + 46 * i), label, font=face, fill="#333333")
        draw.text((1000, 30 + 46 * i), f"{value:.2f}", font=face, fill="#111111", anchor="ra")
    return _png(image)


@needs_ocr
@pytest.mark.parametrize("font", ["Garuda", "TlwgTypo", "Kinnari"])
def test_item_codes_are_told_from_numbers_by_the_shape_of_their_first_letter(fw, font):
    # A sans-serif I is a bare stroke and a typewriter I has serifs on both sides: the Thai model
    # reads either as a 1 ("I3" as "13", "I14" as "114"); a real 1 has a flag and stays a 1.
    items = {"I11": 55.5, "I3": 42.84, "I13": 90.07, "I14": 69.14, "I21": 46.08, "E1": 73.0, "E9": 66.57}
    reading = read(_table([(f"ข้อ {code}", value) for code, value in items.items()], font))
    scores = parse_scores(reading.text, fw).scores
    assert scores.items == items
    numbered = {1: 61.25, 4: 82.97, 9: 42.04, 10: 40.05}
    reading = read(_table([(f"ตัวชี้วัดที่ {n}", value) for n, value in numbered.items()], font))
    scores = parse_scores(reading.text, fw).scores
    assert scores.indicators == numbered and not scores.items


@needs_ocr
def test_a_scanned_pdf_without_a_text_layer_is_read_by_ocr(fw, tmp_path: Path):
    page = render("tools", "phone-1080", random.Random(5), name="scan")
    image = Image.open(io.BytesIO(page.png)).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=150)  # an image-only PDF, as a scanner writes one
    reading = read(buffer.getvalue())
    assert reading.ok and reading.how == "ocr"
    assert parse_scores(reading.text, fw).scores.tools == page.tools


@needs_ocr
def test_a_blank_image_has_no_text():
    assert read(_png(Image.new("RGB", (400, 300), "white"))).problem is Problem.NO_TEXT


@needs_ocr
def test_ocr_past_its_deadline_stops_with_a_timeout():
    page = render("indicators", "phone-1080", random.Random(3), name="slow")
    assert read(page.png, Limits(seconds=0.05)).problem is Problem.TIMEOUT
