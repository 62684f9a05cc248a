"""Chat channels: platform updates in, Replies out; the conversation itself is bot.dialogue.

Entry points, all `run(app) -> int`: console.run (this terminal), telegram.run
(long polling) and server.run (webhooks: LINE, Telegram with a webhook URL, and
download links). runtime holds what Telegram and LINE share.
"""
