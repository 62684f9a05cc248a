"""Put third-party libraries into offline mode before they are imported.

pythainlp silently returns empty results when a corpus would need a download,
and Chroma phones home for telemetry; both are turned off here, once, by the
entry points (python -m bot, ingest.py, tests) before anything imports them.
"""

from __future__ import annotations

import os
from pathlib import Path


def configure_offline(data_dir: Path) -> None:
    """Set the environment so pythainlp, Chroma and Hugging Face never reach the network."""
    data_dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
    os.environ.setdefault("PYTHAINLP_DATA", str(data_dir / "pythainlp"))
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("MPLCONFIGDIR", str(data_dir / "matplotlib"))
