"""Files an officer sends in chat turned into text: type by content, size and pixel limits, PDF text, OCR.

Pure of any chat platform: a channel fetches the bytes (within `Limits.max_bytes`)
and calls `read(data, limits)`; the text that comes back goes through the same
score understanding as a typed message. A file that cannot be read comes back
as a `Problem` the channel words in Thai (bot.wording, "Files sent in chat").
"""

from __future__ import annotations

from bot.channels.intake.kinds import Kind, sniff
from bot.channels.intake.reading import Limits, Problem, Reading, read

__all__ = ["Kind", "Limits", "Problem", "Reading", "read", "sniff"]
