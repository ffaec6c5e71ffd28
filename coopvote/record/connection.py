"""Connection strings for a meeting kept on a PostgreSQL server, and how a station talks to it.

Several teller stations share one meeting over the room's network. A cable pulled or a laptop's
Wi-Fi dropping must be noticed within seconds, not after the operating system's TCP time-outs
(minutes), so every connection carries short connect, keep-alive and user time-outs on both ends;
a station that vanished mid-transaction must not hold the meeting's lock for long either, so the
server ends a transaction left idle. The password is part of the URL a station is given, so
anything shown to a person (messages, window titles, logs) uses ``display_target``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from coopvote.errors import InputError
from coopvote.messages import message

DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432

CONNECT_TIMEOUT_S = 5
"""How long a station waits for the server before saying it cannot be reached."""
TCP_USER_TIMEOUT_MS = 5000
"""Unacknowledged data for this long means the network is gone (libpq and server side)."""
LOCK_TIMEOUT = "20s"
"""A station never waits longer than this for another station's write; it says so instead."""
IDLE_IN_TRANSACTION_TIMEOUT = "60s"
"""The server ends a transaction whose station went silent, so its lock frees the others."""


def is_postgres(target: str | Path) -> bool:
    text = str(target)
    return text.startswith(("postgresql:", "postgresql+", "postgres:"))


def normalise_url(target: str) -> str:
    """Use the psycopg 3 driver for a plain ``postgresql://`` URL (SQLAlchemy's default is psycopg2)."""
    for prefix in ("postgresql://", "postgres://"):
        if target.startswith(prefix):
            return DRIVER + "://" + target[len(prefix) :]
    return target


def build_url(host: str, port: int | str, database: str, user: str, password: str = "") -> str:
    """The connection string a station is given, from the fields a person types in.

    Characters with a meaning in URLs (``@``, ``:``, ``/``, ``%`` ...) in the user or password are
    escaped, so any password the chair chose works.
    """
    host = host.strip()
    database = database.strip()
    user = user.strip()
    if not host:
        raise InputError("record.connection.host_missing")
    if not database:
        raise InputError("record.connection.database_missing")
    if not user:
        raise InputError("record.connection.user_missing")
    try:
        port_number = int(str(port).strip() or DEFAULT_PORT)
    except ValueError as error:
        raise InputError("record.connection.port_not_a_number", default=DEFAULT_PORT, port=port) from error
    if not 0 < port_number < 65536:
        raise InputError("record.connection.port_range", port=port_number)
    url = URL.create(
        "postgresql", username=user, password=password or None, host=host, port=port_number, database=database
    )
    return url.render_as_string(hide_password=False)


def parse_url(target: str) -> dict[str, Any]:
    """The fields of a connection string, to fill the connect dialog from a saved one."""
    try:
        url = make_url(normalise_url(target.strip()))
    except ArgumentError as error:
        raise InputError("record.connection.not_a_url", target=display_target(target)) from error
    if not url.drivername.startswith("postgresql"):
        raise InputError("record.connection.postgres_only", target=display_target(target))
    return {
        "host": url.host or "",
        "port": url.port or DEFAULT_PORT,
        "database": url.database or "",
        "user": url.username or "",
        "password": url.password or "",
    }


def display_target(target: str | Path) -> str:
    """A meeting's name fit to show or log: a file's path, or the URL with its password hidden."""
    text = str(target)
    if "://" not in text:
        return text
    try:
        url = make_url(normalise_url(text))
        if url.drivername == DRIVER:
            url = url.set(drivername="postgresql")  # the driver is ours to choose, not the reader's concern
        return url.render_as_string(hide_password=True)
    except ArgumentError:
        return text.split("@")[-1] if "@" in text else text


def engine_options(target: str) -> dict[str, Any]:
    """Keyword arguments for ``create_engine`` on a server: time-outs that make a lost network show at once."""
    if not is_postgres(target):
        return {"pool_pre_ping": True}
    server_settings = (
        f"-c lock_timeout={LOCK_TIMEOUT} "
        f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_TIMEOUT} "
        "-c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 -c tcp_keepalives_count=3 "
        f"-c tcp_user_timeout={TCP_USER_TIMEOUT_MS}"
    )
    return {
        "pool_pre_ping": True,
        "pool_size": 2,
        "max_overflow": 2,
        "connect_args": {
            "connect_timeout": CONNECT_TIMEOUT_S,
            "keepalives": 1,
            "keepalives_idle": 5,
            "keepalives_interval": 2,
            "keepalives_count": 3,
            "tcp_user_timeout": TCP_USER_TIMEOUT_MS,
            "application_name": "coopvote",
            "options": server_settings,
        },
    }


def server_problem(engine: Any) -> str | None:
    """Why the meeting's server cannot be used right now, or None when it answers.

    A station calls this every few seconds while idle (the app's status line), so a pulled cable is
    shown before the next paper is scanned rather than at it. It costs one round trip; for a meeting
    file it is always None. The words are in the reading language (the app sets it), as the status line shows them.
    """
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    if engine.url.get_backend_name() != "postgresql":
        return None
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            connection.rollback()
    except DBAPIError as error:
        original = getattr(error, "orig", error)
        first_line = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
        shown = display_target(engine.url.render_as_string(hide_password=False))
        return str(message("record.connection.server_unreachable", target=shown, detail=first_line))
    return None
