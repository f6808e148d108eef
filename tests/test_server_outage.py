"""`vnrok-etl serve` while its Prefect server goes away and comes back (flows/server_watch.py).

The real CLI serves a crawl deployment on the session's Prefect test server, reached through a
TCP relay on loopback that the test closes and reopens: to `serve`, the server goes away
(connections refused, open ones cut, the websocket included) and comes back on the same
address, with its database, as a restarted `vnrok-etl server` does. A real server restart costs
10-30 s per start (prefect-offline.md); the relay keeps the test near 20 s. The same sequence was
reproduced by hand with `vnrok-etl server` killed and started again (flows/server_watch.py).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse

import httpx

from conftest import ROOT
from test_server_e2e import wait_for

BIN = Path(sys.executable).parent
START_SECONDS = 90.0
STOP_SECONDS = 8.0  # the watch's period plus the runner's own shutdown, on a loaded machine
GONE = "does not answer; still serving"
BACK = "answers again; serving resumed"


class Relay:
    """A TCP relay from a free loopback port to `upstream`; `close()` is the server going away
    (listener closed, every open connection cut), `open()` its coming back on the same port."""

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self._listener: socket.socket | None = None
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()

    def open(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def close(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()
        with self._lock:
            for sock in self._sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
            self._sockets.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # closed
            try:
                server = socket.create_connection(self.upstream)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets |= {client, server}
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


def test_serve_says_in_one_line_when_the_server_goes_away_and_when_it_is_back(prefect_server, tmp_path):
    api = urlparse(prefect_server)
    relay = Relay((api.hostname, api.port))
    relay.open()
    relayed = f"http://127.0.0.1:{relay.port}/api"
    name = f"outage-{uuid.uuid4().hex[:8]}"  # the session's server is shared with other tests
    sources = tmp_path / "sources.toml"
    sources.write_text('[[outlet]]\nname = "Loopback"\nfeeds = ["http://127.0.0.1:9/feed.xml"]\n')
    env = {key: value for key, value in os.environ.items() if key not in ("VNROK_WAREHOUSE",)}
    env |= {"PREFECT_API_URL": relayed, "PREFECT_HOME": str(tmp_path / "prefect-home"), "VNROK_PREFECT_PORT": "0",
            "PREFECT_LOGGING_LEVEL": "WARNING"}
    log = tmp_path / "serve.log"
    command = [str(BIN / "vnrok-etl"), "serve", "--sources", str(sources), "--interval", "3600",
               "--crawl-name", name, "--warehouse", str(tmp_path / "w.duckdb")]
    with log.open("w") as out, httpx.Client(base_url=prefect_server, timeout=30) as http:
        serving = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT,
                                   start_new_session=True)
        try:
            def polled_since(moment: float) -> bool:
                answer = http.get(f"/deployments/name/crawl/{name}")
                if answer.status_code != 200 or not answer.json().get("last_polled"):
                    return False
                polled = answer.json()["last_polled"].replace("Z", "+00:00")
                from datetime import datetime

                return datetime.fromisoformat(polled).timestamp() > moment

            wait_for(lambda: polled_since(0), START_SECONDS, "deployment served and polled", serving, log)

            relay.close()  # the server goes away...
            gone_at = time.monotonic()
            wait_for(lambda: GONE in log.read_text(), 15, "the outage line", serving, log)
            time.sleep(3)  # ...long enough for every loop of the runner to meet it
            relay.open()  # ...and comes back
            back_at = time.time()
            wait_for(lambda: BACK in log.read_text(), 15, "the line saying it is back", serving, log)
            wait_for(lambda: polled_since(back_at), 30, "the runner polling again", serving, log)
            print(f"\noutage {time.monotonic() - gone_at:.1f} s; polled again after the server came back")

            relay.close()  # gone again, and then serve is stopped: no waiting for the server
            wait_for(lambda: log.read_text().count(GONE) == 2, 15, "the second outage line", serving, log)
            stopping = time.monotonic()
            os.killpg(serving.pid, signal.SIGINT)
            assert serving.wait(timeout=60) == 0, log.read_text()[-3000:]
            assert time.monotonic() - stopping < STOP_SECONDS, log.read_text()[-3000:]
        finally:
            if serving.poll() is None:
                os.killpg(serving.pid, signal.SIGKILL)
                serving.wait()
            relay.close()

    text = log.read_text()
    assert "Traceback" not in text and "ERROR" not in text and "WARNING" not in text, text
    lines = [line for line in text.splitlines() if "Prefect server at" in line]
    assert [GONE in line for line in lines] == [True, False, True], text
    assert BACK in lines[1]
    assert "schedules left active: the Prefect server does not answer" in text
    assert f"vnrok-etl: stopped serving 'crawl/{name}'" in text


def test_only_records_that_say_the_server_cannot_be_reached_are_hidden():
    import logging

    from flows.server_watch import UnreachableServerFilter

    def record(error: BaseException | None) -> logging.LogRecord:
        return logging.LogRecord("prefect.runner", logging.WARNING, __file__, 1, "failed", None,
                                 (type(error), error, None) if error else None)

    def raised_from(cause: BaseException) -> BaseException:
        try:
            try:
                raise cause
            except BaseException as inner:
                raise RuntimeError("the poll failed") from inner
        except RuntimeError as outer:
            return outer

    quiet = UnreachableServerFilter()
    hidden = [httpx.ConnectError("All connection attempts failed"), OSError(111, "Connect call failed"),
              raised_from(ConnectionResetError("reset by peer")), raised_from(httpx.ReadTimeout("timed out"))]
    shown = [None, OSError(28, "No space left on device"), PermissionError(13, "Permission denied"),
             ValueError("bad parameter"), raised_from(KeyError("deployment"))]
    assert [quiet.filter(record(error)) for error in hidden] == [False] * len(hidden)
    assert [quiet.filter(record(error)) for error in shown] == [True] * len(shown)
