"""The real PostgreSQL on 127.0.0.1:5432 (database `test`, trust auth), one schema per use.

`pg_schema_url()` creates a fresh schema and returns a SQLAlchemy URL whose connections
use it (search_path), so tables of different test runs never meet; `drop_schema` removes it.
Tests skip only when the server is unreachable, and fail instead where ITA_REQUIRE_SERVICES is set
(.ci/run sets it, so CI never passes by skipping them).
"""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

PG_BASE = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def missing(reason: str) -> None:
    """Skip for a service absent on this machine; fail where ITA_REQUIRE_SERVICES is set (CI)."""
    if os.environ.get("ITA_REQUIRE_SERVICES"):
        pytest.fail(f"required service missing: {reason}")
    pytest.skip(reason)


def pg_schema_url() -> tuple[str, str]:
    """Create a unique schema and return (url, schema); skip the test if PostgreSQL is unreachable."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(PG_BASE, connect_args={"connect_timeout": 3})
    try:
        with engine.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as exc:
        missing(f"PostgreSQL unreachable on 127.0.0.1:5432: {type(exc.orig).__name__}")
    finally:
        engine.dispose()
    return f"{PG_BASE}?options=-csearch_path%3D{schema}", schema


def drop_schema(schema: str) -> None:
    engine = create_engine(PG_BASE)
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()
