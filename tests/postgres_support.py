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

    def __init__(self, host: str, port: int, *, listen_on: str = "127.0.0.1") -> None:
        import socket
        import threading

        self._upstream = (host, port)
        self._lock = threading.Lock()
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._refusing = False
        self._trigger: bytes | None = None
        self._muted: set[int] = set()
        self.triggered = threading.Event()
        self.listen_on = listen_on
        self._listener = socket.create_server((listen_on, 0))
        self.port = self._listener.getsockname()[1]
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def url_for(self, url: str) -> str:
        return make_url(url).set(host=self.listen_on, port=self.port).render_as_string(hide_password=False)

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
        import time

        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                hit = False
                with self._lock:
                    if from_client and self._trigger is not None and self._trigger in data:
                        # Silence the answer before the message goes on: the station must never see it.
                        self._trigger = None
                        self._muted.add(id(source))
                        hit = True
                    muted = not from_client and id(sink) in self._muted
                if muted:
                    continue
                sink.sendall(data)
                if hit:
                    time.sleep(0.3)  # let the server act on the message, then pull the cable
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


STATION_SCRIPT = r"""
import json, sys, time
from coopvote.errors import RecordError
from coopvote.service import MeetingService
service = MeetingService.open(sys.argv[1], station=sys.argv[2])
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    code, marks = json.loads(line)
    started = time.perf_counter()
    try:
        outcome = service.tellers.record_paper(code, marks)
        answer = {"accepted": outcome.accepted, "reason": outcome.reason, "serial": outcome.serial}
    except RecordError as error:
        answer = {"accepted": False, "error": str(error)}
    answer["seconds"] = time.perf_counter() - started
    print(json.dumps(answer), flush=True)
service.close()
"""


class IsolatedStation:
    """A station process in a network namespace of its own, joined to this machine by a virtual cable.

    ``unplug()`` takes the cable's far end down, so packets vanish as with a pulled cable or a Wi-Fi
    drop (nothing answers, nothing refuses), which is the case only time-outs can detect. Needs root
    (CAP_NET_ADMIN); the namespace and cable exist only for the test and are removed afterwards.
    """

    def __init__(self, server_url: str, station: str) -> None:
        import json
        import subprocess
        import sys

        self.name = f"cv{secrets.token_hex(3)}"
        self.host_end, self.station_end = f"{self.name}h", f"{self.name}s"
        subnet = 16 + secrets.randbelow(200)
        self.host_ip, self.station_ip = f"10.213.{subnet}.1", f"10.213.{subnet}.2"
        commands = [
            ["ip", "netns", "add", self.name],
            ["ip", "link", "add", self.host_end, "type", "veth", "peer", "name", self.station_end],
            ["ip", "link", "set", self.station_end, "netns", self.name],
            ["ip", "addr", "add", f"{self.host_ip}/30", "dev", self.host_end],
            ["ip", "link", "set", self.host_end, "up"],
            ["ip", "netns", "exec", self.name, "ip", "addr", "add", f"{self.station_ip}/30", "dev", self.station_end],
            ["ip", "netns", "exec", self.name, "ip", "link", "set", self.station_end, "up"],
            ["ip", "netns", "exec", self.name, "ip", "link", "set", "lo", "up"],
        ]
        for command in commands:
            result = subprocess.run(command, capture_output=True, text=True)
            if result.returncode != 0:
                self.remove()
                pytest.skip(f"cannot make a network namespace here ({' '.join(command[:3])}: {result.stderr.strip()})")
        url = make_url(server_url)
        self.relay = CableCutter(url.host or "127.0.0.1", url.port or 5432, listen_on=self.host_ip)
        self.process = subprocess.Popen(
            ["ip", "netns", "exec", self.name, sys.executable, "-c", STATION_SCRIPT, self.relay.url_for(server_url), station],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        ready = self.process.stdout.readline()
        if not ready or not json.loads(ready).get("ready"):
            self.remove()
            raise AssertionError("the isolated station did not start")

    def scan(self, code: str, marks: list[int] | None) -> dict[str, Any]:
        import json

        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps([code, marks]) + "\n")
        self.process.stdin.flush()
        answer: dict[str, Any] = json.loads(self.process.stdout.readline())
        return answer

    def _link(self, state: str) -> None:
        import subprocess

        subprocess.run(["ip", "link", "set", self.host_end, state], check=True)

    def unplug(self) -> None:
        self._link("down")

    def plug_in(self) -> None:
        self._link("up")

    def remove(self) -> None:
        import subprocess

        process = getattr(self, "process", None)
        if process is not None and process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        relay = getattr(self, "relay", None)
        if relay is not None:
            relay.close()
        subprocess.run(["ip", "link", "del", self.host_end], capture_output=True)
        subprocess.run(["ip", "netns", "del", self.name], capture_output=True)
