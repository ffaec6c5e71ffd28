"""A fresh PostgreSQL database per test, on the server that ``.ci/start-postgres`` starts.

The tests skip with a reason when ``COOPVOTE_TEST_PG_URL`` is not set or the server does not answer,
so a developer without PostgreSQL still runs everything else. Each test gets its own database,
created from the URL's and dropped afterwards, so tests never see each other's meetings.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from coopvote.record.audit import entry_as_dict, verify_chain
from coopvote.record.connection import normalise_url
from coopvote.record.models import AuditEntry

ENV = "COOPVOTE_TEST_PG_URL"


def server_url() -> str:
    url = os.environ.get(ENV, "").strip()
    if not url:
        pytest.skip(f"{ENV} is not set: start a server with `source .ci/start-postgres` to run the PostgreSQL tests")
    return normalise_url(url)


def _admin_engine(url: str):  # type: ignore[no-untyped-def]
    return create_engine(url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})


def fresh_database_url() -> Iterator[str]:
    """Create an empty database, yield its URL, drop it (closing any connection left) afterwards."""
    url = server_url()
    admin = _admin_engine(url)
    name = f"coopvote_t_{secrets.token_hex(5)}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # noqa: BLE001 - any failure here means: no usable server
        admin.dispose()
        pytest.skip(f"the PostgreSQL server at {make_url(url).render_as_string()} cannot be used: {error}")
    try:
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    yield from fresh_database_url()


def chain_problem(url_or_engine) -> str | None:  # type: ignore[no-untyped-def]
    """The first break in the stored audit chain, or None when it verifies end to end."""
    engine = create_engine(normalise_url(url_or_engine)) if isinstance(url_or_engine, str) else url_or_engine
    try:
        with engine.connect() as connection:
            rows = connection.execute(select(AuditEntry).order_by(AuditEntry.sequence)).all()
    finally:
        if isinstance(url_or_engine, str):
            engine.dispose()
    problem = verify_chain(entry_as_dict(row) for row in rows)
    return None if problem is None else str(problem)
