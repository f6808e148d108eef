"""`vnrok-etl serve` while its Prefect server goes away and comes back: one line each way, no tracebacks.

What Prefect 3.8's runner does on its own when the server stops answering (reproduced with a
real server killed under `vnrok-etl serve`, then started again):
- the cancellation observer's websocket fails at once and logs a WARNING with a 40-line
  traceback; its polling fallback runs in `critical_service_loop`, which after three failed
  polls prints "Examples of recent errors" (more tracebacks, to stdout), raises "Service
  exceeded error threshold", logs that with a traceback, and then a callback fails outside its
  event loop (a fourth traceback). Flow-run cancellation is dead from then on, server back or not.
- the scheduled-run poller runs in the same loop: each poll retries inside Prefect's client for
  ~60 s, so after about three minutes down the same tracebacks come, the loop raises, and serving
  ends although the server may be back a second later.

- Ctrl-C or SIGTERM while the server is away hangs for minutes: the runner pauses the served
  schedules on its way out, and each of those calls retries for ~60 s.

So this process, which only serves, does four things (`watch_server`):
1. Prefect's service loops never give up on an unreachable server (`tolerant_service_loop`
   replaces `critical_service_loop` where the runner and its observers call it): a poll that
   cannot reach the server is tried again at the loop's interval, as long as serving lasts.
2. Log records that only say the server cannot be reached (their exception, or one it was
   raised from, is a connection error) are dropped (`UnreachableServerFilter`); any other
   record passes as before.
3. A thread probes the server's health check every WATCH_SECONDS and prints one line when it
   stops answering and one line when it answers again (`ServerWatch`). If the server came back
   without the served deployments (a new database), the second line says to restart serve, as
   runs could not reach this process otherwise.
4. A stop does not wait for a server that does not answer: the schedules are paused only when
   it answers, and for at most PAUSE_SECONDS (one line says they were left active otherwise).

A server that accepts connections but is too busy to answer its health check in time is not
"gone" (probe_server answers None): only a refused or broken connection is.
"""

from __future__ import annotations

import errno
import logging
import sys
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any

from flows import BUSY_SERVER_TIMEOUT_SECONDS, probe_server

WATCH_SECONDS = 2.0  # how soon the lines appear; one loopback request per period
UNREACHABLE_ERRNOS = frozenset({errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ETIMEDOUT, errno.ECONNREFUSED,
                                errno.ECONNRESET, errno.ECONNABORTED, errno.EPIPE})
PAUSE_SECONDS = 5.0  # pausing the schedules on the way out: a stop never waits longer for the server
PATCHED_MODULES = ("prefect.runner._scheduled_run_poller", "prefect._internal.observers")


def is_unreachable_error(error: BaseException | None) -> bool:
    """True when `error`, or an exception it was raised from, says the server cannot be reached:
    a connection refused, reset or timed out (httpx, websockets, the OS), or a 5xx answer. Other
    errors (a full disk, a permission) are not hidden."""
    import httpx

    try:
        from websockets.exceptions import WebSocketException
    except ImportError:  # pragma: no cover - websockets comes with Prefect
        WebSocketException = ()  # type: ignore[assignment,misc]  # noqa: N806
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, (httpx.TransportError, ConnectionError, TimeoutError, WebSocketException)):
            return True
        if isinstance(error, httpx.HTTPStatusError) and error.response.status_code >= 500:
            return True
        if isinstance(error, OSError) and error.errno in UNREACHABLE_ERRNOS:
            return True  # "Network is unreachable", "No route to host"
        error = error.__cause__ or error.__context__
    return False


async def tolerant_service_loop(
    workload: Callable[[], Awaitable[Any]],
    interval: float,
    run_once: bool = False,
    jitter_range: float | None = None,
    **_: Any,
) -> None:
    """Prefect's `critical_service_loop` without the giving up: `workload` every `interval`
    seconds (with the same jitter); a failure to reach the server is skipped until the next turn
    (ServerWatch reports the outage), any other exception ends the loop as before."""
    import anyio
    from prefect.utilities.math import clamped_poisson_interval

    while True:
        try:
            await workload()
        except Exception as error:
            if not is_unreachable_error(error):
                raise
        if run_once:
            return
        await anyio.sleep(clamped_poisson_interval(interval, clamping_factor=jitter_range) if jitter_range else interval)


class UnreachableServerFilter(logging.Filter):
    """Drops log records whose exception says only that the server cannot be reached."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not is_unreachable_error(error)


class ServerWatch:
    """Probes `api_url` every `every` seconds in a daemon thread; prints one line when the server
    stops answering and one when it answers again."""

    def __init__(
        self,
        api_url: str,
        served: list[tuple[str, str]],
        every: float = WATCH_SECONDS,
        say: Callable[[str], None] | None = None,
    ) -> None:
        self.api_url = api_url
        self.served = served  # (flow name, deployment name)
        self.every = every
        self.say = say or _say
        self.up = True
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="vnrok-server-watch", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=self.every + BUSY_SERVER_TIMEOUT_SECONDS + 1)

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            answer = probe_server(self.api_url, timeout=BUSY_SERVER_TIMEOUT_SECONDS)
            if answer is None:
                continue  # accepted but slow: busy, not gone
            if self.up and answer is False:
                self.up = False
                self.say(f"vnrok-etl: the Prefect server at {self.api_url} does not answer; still serving,"
                         f" checking every {self.every:g} s")
            elif not self.up and answer is True:
                self.up = True
                missing = self._missing_deployments()
                if missing:
                    self.say(f"vnrok-etl: the Prefect server at {self.api_url} answers again but does not know"
                             f" {', '.join(missing)} (a new database?): restart `vnrok-etl serve`")
                else:
                    self.say(f"vnrok-etl: the Prefect server at {self.api_url} answers again; serving resumed")

    def _missing_deployments(self) -> list[str]:
        import httpx

        missing = []
        for flow_name, name in self.served:
            try:
                answer = httpx.get(f"{self.api_url}/deployments/name/{flow_name}/{name}", timeout=10)
            except httpx.HTTPError:
                continue  # cannot tell: say nothing rather than something wrong
            if answer.status_code == 404:
                missing.append(f"'{flow_name}/{name}'")
        return missing


@contextmanager
def watch_server(api_url: str, served: list[tuple[str, str]], every: float = WATCH_SECONDS) -> Iterator[ServerWatch]:
    """While serving: Prefect's service loops keep trying, its unreachable-server records are
    dropped, and a ServerWatch reports the outage in one line each way (module docstring)."""
    import importlib

    patched = []
    for name in PATCHED_MODULES:
        module = importlib.import_module(name)
        patched.append((module, module.critical_service_loop))
        module.critical_service_loop = tolerant_service_loop
    quiet = UnreachableServerFilter()
    handlers = {handler for logger in (logging.getLogger(), logging.getLogger("prefect")) for handler in logger.handlers}
    for handler in handlers:
        handler.addFilter(quiet)
    watch = ServerWatch(api_url, served, every)
    from prefect.runner import Runner

    pause_schedules = Runner._pause_schedules

    async def pause_if_answering(runner: Runner) -> None:
        if not watch.up:
            watch.say("vnrok-etl: schedules left active: the Prefect server does not answer")
            return
        import anyio

        with anyio.move_on_after(PAUSE_SECONDS) as scope:
            await pause_schedules(runner)
        if scope.cancelled_caught:
            watch.say(f"vnrok-etl: schedules left active: the Prefect server did not answer within {PAUSE_SECONDS:g} s")

    Runner._pause_schedules = pause_if_answering  # type: ignore[method-assign]
    watch.start()
    try:
        yield watch
    finally:
        watch.stop()
        Runner._pause_schedules = pause_schedules  # type: ignore[method-assign]
        for handler in handlers:
            handler.removeFilter(quiet)
        for module, original in patched:
            module.critical_service_loop = original


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
