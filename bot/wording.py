"""Every sentence the bot says to an officer in chat or on the command line, in one place.

Officers and reviewers read and correct the Thai here without reading the logic.
Plain constants and small format templates only: this module imports nothing
from the bot, so any room may use it. Sections follow the rooms that say them.
Document text (the Word/Excel plan, the drafted rows) is not here: it lives with
the exporters and the playbook data.
"""

from __future__ import annotations

# ====================================================================== dialogue
# (bot/dialogue: welcome, help, prompts, step hints, confirmations, files)


# ====================================================================== channels
# (bot/channels: refusals, failures, expired buttons)


# ====================================================================== scores
# (bot/scores: what was read, what could not be read, what to send instead)


# ====================================================================== ita
# (bot/ita: levels, confirmation summaries)


# ====================================================================== drafting and edits
# (bot/drafting: edit grammar help, edit errors, draft notes)


# ====================================================================== search and answers
# (bot/search: answers, ingest messages)


# ====================================================================== command line
# (bot/__main__ and its commands: usage lines, errors)
