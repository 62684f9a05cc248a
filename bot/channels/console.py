"""The console channel: the same conversation as Telegram/LINE, in a terminal or from a script.

Input rules (also in docs/conversation.md):
* one message per line; blank lines are skipped;
* a multi-line message (a pasted score table) goes between two lines that hold
  only three double quotes, like a Python block string;
* in a terminal, lines pasted together (arriving within a moment) are one message;
* a bare number presses that button of the last reply ("1" = the first button);
* /quit or ออก ends the session (so does end of input);
* a line that is the path of an existing file (a screenshot, a PDF; quoted, or dragged into the
  terminal) sends that file, read as Telegram and LINE read one (bot/channels/chat_files.py).
Exported files are written to data_dir/exports/console-<timestamp>/, whose path is printed.
"""

from __future__ import annotations

import logging
import select
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TextIO

from bot.channels.chat_files import FILE_KIND, FetchFailed, FileInbound, FileReader, TooLarge, limits_from
from bot.channels.intake import Limits
from bot.channels.runtime import ChannelApp, Dialogue
from bot.dialogue.messages import Choice, Inbound, Reply
from bot.dialogue.render import card_text
from bot.thai import to_arabic
from bot.web import is_draft_reply, link_issuer
from bot.wording import (
    CONSOLE_BOT,
    CONSOLE_BUTTON,
    CONSOLE_BUTTONS,
    CONSOLE_ECHO,
    CONSOLE_FILE,
    CONSOLE_FILE_CAPTION,
    CONSOLE_FOLDER,
    CONSOLE_GOODBYE,
    CONSOLE_INTRO,
    CONSOLE_PROMPT,
    EDITOR_LINK,
)

BLOCK = '"""'
QUIT = ("/quit", "/exit", "ออก")  # what the officer types to leave (not something the bot says)
_PASTE_GAP = 0.05  # seconds: lines closer than this were pasted together


def read_messages(lines: Iterable[str], *, more_waiting: Callable[[], bool] | None = None) -> Iterator[str]:
    """Group input lines into messages; more_waiting() says whether a pasted line is already queued."""
    block: list[str] | None = None
    pending: list[str] = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        if block is not None:
            if line.strip() == BLOCK:
                if any(x.strip() for x in block):
                    yield "\n".join(block).strip()
                block = None
            else:
                block.append(line)
            continue
        if line.strip() == BLOCK:
            block = []
            continue
        if line.strip():
            pending.append(line)
        if pending and not (more_waiting and more_waiting()):
            yield "\n".join(pending).strip()
            pending = []
    if block:
        yield "\n".join(block).strip()
    if pending:
        yield "\n".join(pending).strip()


def _has_more(stream: TextIO) -> bool:
    ready, _, _ = select.select([stream], [], [], _PASTE_GAP)
    return bool(ready)


class ConsoleChannel:
    """Drive a Dialogue from text lines and print its Replies."""

    def __init__(
        self,
        dialogue: Dialogue,
        exports_root: Path,
        *,
        user_id: str = "officer",
        out: TextIO | None = None,
        echo: bool = False,
        editor_link: Callable[[str], str] | None = None,
        editor_hours: float = 0.0,
        limits: Limits | None = None,
    ) -> None:
        self.dialogue = FileReader(dialogue, limits or Limits())  # a typed file path is read first
        self.folder = exports_root / f"console-{datetime.now():%Y%m%d-%H%M%S}"
        self.user_id = user_id
        self.out = out or sys.stdout
        self.echo = echo
        self.choices: list[Choice] = []
        self.editor_link = editor_link  # the web table editor (bot/web): its link is printed once
        self.hours = editor_hours

    def inbound(self, message: str) -> Inbound:
        """Turn a typed message into an Inbound (a bare number presses a button)."""
        number = to_arabic(message.strip())
        if number.isdigit() and 1 <= int(number) <= len(self.choices):
            return Inbound(
                "console",
                self.user_id,
                chat_id=self.user_id,
                choice=self.choices[int(number) - 1].payload,
                kind="choice",
            )
        path = typed_path(message)
        if path is not None:
            fetch = lambda max_bytes, _deadline: _read_capped(path, max_bytes)  # noqa: E731
            return FileInbound("console", self.user_id, chat_id=self.user_id, kind=FILE_KIND, fetch=fetch)
        return Inbound("console", self.user_id, text=message, chat_id=self.user_id)

    def show(self, reply: Reply) -> None:
        """Print a reply: texts, cards, files and numbered buttons."""
        p = lambda s="": print(s, file=self.out)  # noqa: E731 - local shorthand
        for text in reply.texts:
            p(CONSOLE_BOT.format(text=text))
        for card in reply.cards:
            p("  ┌ " + card_text(card).replace("\n", "\n  │ "))
        for doc in reply.documents:
            self.folder.mkdir(parents=True, exist_ok=True)
            path = self.folder / Path(doc.filename).name  # never let a filename escape the folder
            path.write_bytes(doc.content)
            p(
                CONSOLE_FILE_CAPTION.format(path=path, caption=doc.caption)
                if doc.caption
                else CONSOLE_FILE.format(path=path)
            )
        if reply.documents:
            p(CONSOLE_FOLDER.format(folder=self.folder))
        self.choices = list(reply.choices)
        if self.choices:
            buttons = (CONSOLE_BUTTON.format(number=i, label=c.label) for i, c in enumerate(self.choices, 1))
            p(CONSOLE_BUTTONS.format(buttons="  ".join(buttons)))
        if self.editor_link is not None and is_draft_reply(reply):  # web table editor (issue 17)
            p(EDITOR_LINK.format(hours=self.hours, url=self.editor_link(self.inbound("").session_key)))
            self.editor_link = None
        p()
        self.out.flush()

    def run(self, lines: Iterable[str], *, interactive: bool = False, stdin: TextIO | None = None) -> int:
        """Converse until the input ends or the officer types /quit (`stdin`: where pasted lines queue)."""
        if interactive:
            print(CONSOLE_INTRO, file=self.out)
            self.show(
                self.dialogue.handle(Inbound("console", self.user_id, chat_id=self.user_id, text="/start"))
            )
        more_waiting = partial(_has_more, stdin or sys.stdin) if interactive else None
        messages = read_messages(lines, more_waiting=more_waiting)
        try:
            for message in messages:
                if message.strip().lower() in QUIT:
                    break
                if self.echo:
                    print(CONSOLE_ECHO.format(message=message), file=self.out)
                self.show(self.dialogue.handle(self.inbound(message)))
        except KeyboardInterrupt:
            pass
        print(CONSOLE_GOODBYE, file=self.out)
        return 0


# Files a typed path may name: what an officer saves from the result page, and text.
_FILE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp", ".tif", ".tiff", ".pdf", ".txt")


def typed_path(message: str) -> Path | None:
    """The existing file a one-line message names ('/home/…/ผล ITA.png', quoted or with escaped spaces)."""
    line = message.strip()
    if "\n" in line or not line or len(line) > 4096:
        return None
    if len(line) >= 2 and line[0] == line[-1] and line[0] in "'\"":
        line = line[1:-1]
    line = line.replace("\\ ", " ")  # a path dragged into a terminal escapes its spaces
    path = Path(line).expanduser()
    if path.suffix.lower() not in _FILE_SUFFIXES:
        return None
    try:
        return path if path.is_file() else None
    except OSError:  # a name too long for the file system, a permission denied
        return None


def _read_capped(path: Path, max_bytes: int) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as err:  # moved or locked since it was typed
        raise FetchFailed(type(err).__name__) from err
    if len(data) > max_bytes:
        raise TooLarge(str(path.stat().st_size))
    return data


def prompt_lines(stream: TextIO, out: TextIO) -> Iterator[str]:
    """Yield lines typed at a prompt."""
    while True:
        print(CONSOLE_PROMPT, end="", file=out, flush=True)
        line = stream.readline()
        if not line:
            return
        yield line


def run(
    app: ChannelApp, *, user_id: str = "officer", stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    """Converse in this terminal (a prompt on a TTY) or over piped input (echoed, for scripted runs)."""
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    interactive = stdin.isatty()
    root = logging.getLogger()
    logging.getLogger(__name__).info("console started (%s)", "terminal" if interactive else "piped input")
    if interactive and root.level < logging.WARNING:
        root.setLevel(logging.WARNING)  # INFO lines on the same terminal would break up the chat
    console = ConsoleChannel(
        app.dialogue,
        app.settings.exports_dir(),
        user_id=user_id,
        out=stdout,
        echo=not interactive,
        editor_link=link_issuer(app.settings),
        editor_hours=app.settings.link_ttl_hours,
        limits=limits_from(app.settings),
    )
    lines = prompt_lines(stdin, stdout) if interactive else stdin
    return console.run(lines, interactive=interactive, stdin=stdin)
