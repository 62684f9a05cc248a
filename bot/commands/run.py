"""python -m bot run [--console] [--user NAME] — start the bot.

With Telegram or LINE credentials in the settings the channel runners take
over; without them (the default) the conversation runs in this terminal, or
from piped stdin for scripted runs.
"""

from __future__ import annotations

import argparse
import importlib
import sys


def channel_runner(settings) -> str | None:
    """Return the module that serves the configured chat channels, or None for the console."""
    line = settings.line_channel_secret.get_secret_value()
    telegram = settings.telegram_bot_token.get_secret_value()
    if line or (telegram and settings.telegram_webhook_url):
        return "bot.channels.server"  # webhooks: LINE, and Telegram when a public URL is set
    if telegram:
        return "bot.channels.telegram"  # long polling
    return None


def main(argv: list[str]) -> int:
    """Build the services from settings and run the configured channel (console by default)."""
    parser = argparse.ArgumentParser(prog="python -m bot run", description="เริ่มแชตบอทร่างมาตรการ ITA")
    parser.add_argument("--console", action="store_true", help="ใช้แชตในเทอร์มินัลแม้ตั้งค่า Telegram/LINE ไว้")
    parser.add_argument("--user", default="officer", help="ชื่อผู้ใช้ของแชตในเทอร์มินัล (แยกข้อมูลแต่ละคน)")
    args = parser.parse_args(argv)

    from bot.offline import configure_offline
    from bot.settings import Settings

    settings = Settings()
    configure_offline(settings.data_dir)
    from bot.app import build_services, exports_dir

    runner = None if args.console else channel_runner(settings)
    interactive = sys.stdin.isatty()
    if interactive or runner:
        print("กำลังเตรียมฐานความรู้ (ครั้งแรกอาจใช้เวลาสักครู่) …", file=sys.stderr)
    services = build_services(settings)
    if runner:
        return int(importlib.import_module(runner).run(services) or 0)

    from bot.channels.console import ConsoleChannel, prompt_lines

    console = ConsoleChannel(
        services.dialogue, exports_dir(settings), user_id=args.user, echo=not interactive
    )
    lines = prompt_lines(sys.stdin, sys.stdout) if interactive else sys.stdin
    return console.run(lines, interactive=interactive)
