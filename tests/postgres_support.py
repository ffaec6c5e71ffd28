"""A fresh PostgreSQL database per test, on the server that ``.ci/start-postgres`` starts.

The tests skip with a reason when ``COOPVOTE_TEST_PG_URL`` is not set or the server does not answer,
so a developer without PostgreSQL still runs everything else. Each test gets its own database,
created from the URL's and dropped afterwards, so tests never see each other's meetings.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from typing import Any

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


class CableCutter:
    """A TCP relay between a station and the server that the test can unplug, as a pulled cable would.

    ``cut()`` drops every open connection and refuses new ones until ``restore()``; ``cut_on(pattern)``
    forwards the first client message containing ``pattern`` (for example ``b"COMMIT"``) and then
    drops the connection before the server's answer can come back.
    """

    def __init__(self, host: str, port: int) -> None:
        import socket
        import threading

        self._upstream = (host, port)
        self._lock = threading.Lock()
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._refusing = False
        self._trigger: bytes | None = None
        self.triggered = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def url_for(self, url: str) -> str:
        return make_url(url).set(host="127.0.0.1", port=self.port).render_as_string(hide_password=False)

    def _accept(self) -> None:
        import socket
        import threading

        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                refusing = self._refusing
            if refusing:
                client.close()
                continue
            try:
                server = socket.create_connection(self._upstream, timeout=5)
                server.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._pairs.append((client, server))
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, source: Any, sink: Any, from_client: bool) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                sink.sendall(data)
                with self._lock:
                    trigger = self._trigger if from_client else None
                if trigger is not None and trigger in data:
                    with self._lock:
                        self._trigger = None
                    self.triggered.set()
                    self._drop(source, sink)
                    return
        except OSError:
            pass
        self._drop(source, sink)

    @staticmethod
    def _drop(*sockets: Any) -> None:
        import socket

        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def cut(self) -> None:
        with self._lock:
            self._refusing = True
            pairs, self._pairs = self._pairs, []
        for pair in pairs:
            self._drop(*pair)

    def cut_on(self, pattern: bytes) -> None:
        self.triggered.clear()
        with self._lock:
            self._trigger = pattern

    def restore(self) -> None:
        with self._lock:
            self._refusing = False

    def close(self) -> None:
        self._closed = True
        self.cut()
        self._listener.close()
