"""What a file is, by its first bytes (magic numbers), never by the name or type the sender gave it."""

from __future__ import annotations

from enum import StrEnum

# Text files are read only while they decode as UTF-8 and hold no control bytes but line breaks and tabs.
_TEXT_SAMPLE = 4096
_TEXT_CONTROLS = frozenset(range(32)) - {9, 10, 13}


class Kind(StrEnum):
    """The kinds of file an officer may send, and the ones we recognise only to refuse by name."""

    PNG = "png"
    JPEG = "jpeg"
    WEBP = "webp"
    GIF = "gif"
    BMP = "bmp"
    TIFF = "tiff"
    PDF = "pdf"
    TEXT = "text"
    OFFICE = "office"  # .docx / .xlsx (a zip): not read here yet
    OLD_OFFICE = "old-office"  # .doc / .xls (OLE2)
    UNKNOWN = "unknown"

    @property
    def is_image(self) -> bool:
        """Tell whether OCR reads this kind."""
        return self in _IMAGES


_IMAGES = frozenset({Kind.PNG, Kind.JPEG, Kind.WEBP, Kind.GIF, Kind.BMP, Kind.TIFF})
_MAGIC: tuple[tuple[bytes, Kind], ...] = (
    (b"\x89PNG\r\n\x1a\n", Kind.PNG),
    (b"\xff\xd8\xff", Kind.JPEG),
    (b"GIF87a", Kind.GIF),
    (b"GIF89a", Kind.GIF),
    (b"BM", Kind.BMP),
    (b"II*\x00", Kind.TIFF),
    (b"MM\x00*", Kind.TIFF),
    (b"%PDF-", Kind.PDF),
    (b"PK\x03\x04", Kind.OFFICE),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", Kind.OLD_OFFICE),
)


def sniff(data: bytes) -> Kind:
    """Return the kind of `data` from its content alone."""
    head = data[:16]
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Kind.WEBP
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    # Some PDF writers put a few bytes (a BOM, whitespace) before the header; the spec allows 1024.
    if b"%PDF-" in data[:1024]:
        return Kind.PDF
    return Kind.TEXT if _looks_like_text(data) else Kind.UNKNOWN


def _looks_like_text(data: bytes) -> bool:
    sample = data[:_TEXT_SAMPLE]
    if not sample.strip():
        return False
    try:
        decoded = sample.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start < len(sample) - 3:  # not just a character cut at the sample's end
            return False
        decoded = sample[: err.start].decode("utf-8")
    return not any(ord(ch) in _TEXT_CONTROLS for ch in decoded)
