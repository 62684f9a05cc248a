"""A message read from a file (Inbound.kind "file"): a screenshot or PDF of the result page sent in chat.

The channel has already turned the file into text (bot/channels/intake, bot/channels/chat_files.py). That
text is read only as scores — never as a command, an edit, a question or a profile answer — by
the same parser as a typed message, and the scores then take the typed scores' route: kept at a
profile step, shown for confirmation once complete, asked about before they change a draft. The
reply says first that the values were read automatically and must be checked.
"""

from __future__ import annotations

from bot import wording as w
from bot.dialogue.context import Context
from bot.dialogue.understand import Kind, Parsed, read_scores
from bot.ita.framework import Framework

FILE_KIND = "file"


def read_file_text(text: str, fw: Framework) -> Parsed:
    """Read a file's text as scores only (a correction written in it is not an officer's correction)."""
    parsed = read_scores(text, fw)
    return (
        Parsed(text, Kind.SCORES, scores=parsed.scores, unsure=parsed.unsure)
        if parsed.kind is not Kind.OTHER
        else parsed
    )


def answered_without_scores(ctx: Context) -> bool:
    """Head the reply for a file with scores (False: route them on); say so when it has none (True)."""
    parsed = ctx.parsed
    found = parsed.scores.scores if parsed.scores is not None else None
    if (
        parsed.kind is Kind.SCORES
        and found is not None
        and (found.indicators or found.items or found.tools or found.overall is not None)
    ):
        ctx.say(w.FILE_READ_HEAD)
        return False
    ctx.say(w.FILE_NO_SCORES.format(example=w.SCORES_EXAMPLE))
    if ctx.session.state:
        ctx.restate()
    return True
