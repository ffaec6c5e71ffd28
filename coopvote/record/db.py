"""Opening, creating and migrating a meeting's database.

A meeting file is opened like a document, so opening must never damage what it opens: a file that
is not a meeting, is corrupt, or was written by a newer coopvote is refused with a message and left
exactly as it was. SQLite runs in WAL mode with synchronous=FULL so that an accepted scan survives
a crash or a pulled plug; the same code runs on PostgreSQL given a URL.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DatabaseError, OperationalError

from coopvote.errors import RecordError
from coopvote.record.connection import display_target, engine_options, normalise_url

MIGRATIONS = Path(__file__).parent / "migrations"
SUFFIX = ".coopvote"


if TYPE_CHECKING:
    from alembic.config import Config

_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*=\s*['\"]?([^'\"\s]*)['\"]?\s*$", re.MULTILINE)


def known_revisions() -> tuple[set[str], str]:
    """Every schema revision this copy knows, and the newest, read from the migration files themselves.

    Opening a meeting only needs to compare its revision with these; Alembic (slow to import) is loaded
    only when a meeting is created or has to be upgraded.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        for key, value in _REVISION_LINE.findall(script.read_text(encoding="utf-8")):
            if key == "revision":
                revisions.add(value)
            elif value not in {"", "None"}:
                parents.add(value)
    heads = revisions - parents
    if len(heads) != 1:
        raise RecordError("record.broken_migrations", heads=sorted(heads))
    return revisions, heads.pop()


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return known_revisions()[1]


def _upgrade(connection: Any) -> None:
    from alembic import command

    config = _alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def is_url(target: str | Path) -> bool:
    return "://" in str(target)


def _sqlite_engine(path: Path, *, immutable: bool = False) -> Engine:
    if immutable:
        return _immutable_sqlite_engine(path)
    engine = create_engine(f"sqlite:///{path}", future=True)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        # Transactions are managed by the "begin" hook below, not by the driver.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin_immediate(connection: Any) -> None:
        # Take the write lock at the start so two stations never deadlock upgrading a read lock.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def make_engine(target: str | Path) -> Engine:
    if is_url(target):
        url = normalise_url(str(target))
        try:
            return create_engine(url, future=True, **engine_options(url))
        except ImportError as error:
            raise RecordError("record.no_server_driver", target=display_target(url), name=error.name) from error
    return _sqlite_engine(Path(target))


def _immutable_sqlite_engine(path: Path) -> Engine:
    """A file that cannot be written (a copy on a CD, a read-only share), opened only to be read.

    ``immutable=1`` tells SQLite nothing else will change the file, so it needs no lock or -shm file
    beside it (which it could not create); any attempt to write fails, which the service reports as
    read-only and nothing saved."""
    from urllib.parse import quote

    engine = create_engine(f"sqlite:///file:{quote(str(path.resolve()))}?mode=ro&immutable=1&uri=true", future=True)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA query_only=ON")

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _check_sqlite_header(path: Path, *, read_only: bool = False) -> None:
    if not path.exists():
        raise RecordError("record.no_meeting_file", path=path)
    if path.is_dir():
        raise RecordError("record.is_a_folder", path=path)
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except PermissionError as error:
        raise RecordError("file.unreadable", path=path, detail=error.strerror) from error
    if header != b"SQLite format 3\x00":
        raise RecordError("record.not_a_meeting_file", path=path)
    if not read_only and not _writable(path):
        raise RecordError("record.read_only", path=path)
    try:
        probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = probe.execute("PRAGMA quick_check").fetchone()
        finally:
            probe.close()
    except sqlite3.DatabaseError as error:
        raise RecordError("record.damaged", path=path, detail=error) from error
    if not result or result[0] != "ok":
        raise RecordError("record.damaged_integrity", path=path, detail=result[0] if result else "?")


def create_database(target: str | Path) -> Engine:
    """Create a new, empty meeting database at the head revision."""
    if not is_url(target):
        path = Path(target)
        if path.exists():
            raise RecordError("record.already_exists", path=path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise RecordError("record.cannot_create_folder", path=path.parent, detail=error.strerror) from error
    engine = make_engine(target)
    try:
        with engine.begin() as connection:
            _upgrade(connection)
    except OperationalError as error:
        engine.dispose()
        raise RecordError("record.cannot_create_meeting", target=display_target(target), detail=error.orig) from error
    return engine


def open_database(target: str | Path, *, upgrade: bool = True, read_only: bool = False) -> Engine:
    """Open an existing meeting, refusing anything that is not one of ours at a version we know.

    ``read_only`` is for commands that only look (``info``, ``results``): a meeting file that cannot be
    written (a read-only copy) is then opened for reading instead of refused.
    """
    if not is_url(target):
        _check_sqlite_header(Path(target), read_only=read_only)
    if read_only and not is_url(target) and not _writable(Path(target)):
        engine = _sqlite_engine(Path(target), immutable=True)
        upgrade = False
    else:
        engine = make_engine(target)
    try:
        with engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version") or not inspect(connection).has_table("meeting"):
                raise RecordError("record.not_a_meeting", target=display_target(target))
            current = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            connection.rollback()
    except (OperationalError, DatabaseError) as error:
        engine.dispose()
        raise RecordError("record.cannot_open", target=display_target(target), detail=error.orig) from error
    except RecordError:
        engine.dispose()
        raise
    known, head = known_revisions()
    if current not in known:
        engine.dispose()
        raise RecordError("record.newer_schema", target=display_target(target), schema=current)
    if current != head:
        if not upgrade:
            engine.dispose()
            raise RecordError("record.older_schema", target=display_target(target), schema=current)
        with engine.begin() as connection:
            _upgrade(connection)
    return engine


def checkpoint_into_main_file(engine: Engine) -> bool:
    """Copy what the write-ahead log holds into the meeting file itself; True when all of it went in.

    Between checkpoints SQLite keeps recent commits only in the ``-wal`` file beside the meeting's
    name. If the meeting file is moved while open, that log stays behind and SQLite will not fold it
    in on close (it never checkpoints a moved file), so the file at its new place would lack every
    paper since the last checkpoint. Checkpointing after each action keeps every commit in the file
    itself, wherever it is moved; PASSIVE never waits for a reader, so a scan is never held up.
    """
    if engine.url.get_backend_name() != "sqlite":
        return True
    raw = engine.raw_connection()
    try:
        busy, log, done = raw.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()  # type: ignore[union-attr]
        return not busy and log == done
    except sqlite3.Error:
        return False
    finally:
        raw.close()
