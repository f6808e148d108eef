"""A run that dies leaves nothing behind: its helper processes die with it, SIGTERM is a clean stop.

A `vnrok-etl` run starts processes of its own: Prefect's temporary API server (uvicorn) when no
server is configured, and the process-pool workers of a large load. Measured before this module:
a 10k-document ingest killed with SIGKILL left its server and both workers running 20 minutes
later (about 220 MB each), and SIGTERM stopped the CLI but not its server. Cron, systemd, CI
time-outs and the out-of-memory killer end runs exactly that way.

- **Children die with their parent.** Every process a run starts calls `die_with_parent` as it
  begins: on Linux the kernel's parent-death signal (prctl PR_SET_PDEATHSIG), which reaches the
  child even when the parent is SIGKILLed; elsewhere a watchdog thread that polls the parent's
  pid. The temporary server is started here (`temporary_server`) so that it can be given the
  signal before it runs; pool workers get it as their initializer (flows/cluster.py); Dask's
  local workers already exit when their nanny's pipe closes.
  The kernel sends the signal when the *thread* that started the child ends, so children are
  started from the thread that lives as long as the run (the CLI's main thread).
- **SIGTERM and SIGINT are a clean stop** (`clean_stop`): either becomes KeyboardInterrupt in the
  main thread, so the flow engine marks the run crashed with the reason, the load records itself
  as interrupted and its staging folder is removed on the way out (flows/ingest.py). The
  workers are told to stop at once (`stop_workers`), so no batch in flight delays the stop;
  last, every process still below this one is stopped, within STOP_SECONDS.

psutil lists descendants on every platform (the standard library cannot).
"""

from __future__ import annotations

import ctypes
import functools
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import psutil

PR_SET_PDEATHSIG = 1
WATCHDOG_SECONDS = 0.5
STOP_SECONDS = 1.0  # at the end of a run: SIGTERM, this long, then SIGKILL what is still there
SIGNAL_NAMES = {signal.SIGTERM: "SIGTERM", signal.SIGINT: "SIGINT"}


class Interrupted(KeyboardInterrupt):
    """The run was told to stop (SIGTERM or SIGINT); `signal_name` says which."""

    def __init__(self, signal_name: str) -> None:
        super().__init__(signal_name)
        self.signal_name = signal_name


def die_with_parent(parent: int, signum: int = signal.SIGKILL) -> None:
    """Make this process end when `parent` (the pid of the process that started it) ends,
    however that ends.

    Called first thing in a child (a pool worker's initializer, a server's preexec_fn), which
    may be seconds after the child started (a spawned worker imports Prefect first): the parent
    may be gone by then, which the check after prctl sees (the child was re-parented).
    """
    prctl = _prctl()
    if prctl is not None:
        prctl(PR_SET_PDEATHSIG, signum, 0, 0, 0)
        if os.getppid() != parent:
            os.kill(os.getpid(), signum)
        return
    threading.Thread(target=_watch_parent, args=(parent, signum), name="vnrok-parent-watchdog", daemon=True).start()


@functools.cache
def _prctl() -> Callable[..., int] | None:
    """libc's prctl on Linux, looked up once (before any fork: a preexec_fn must not load it)."""
    if not sys.platform.startswith("linux"):
        return None
    return ctypes.CDLL(None, use_errno=True).prctl


def _watch_parent(parent: int, signum: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCHDOG_SECONDS)
    os.kill(os.getpid(), signum)


def _preexec_die_with_parent(parent: int) -> None:
    """preexec_fn of a server process, run in the forked child before exec: SIGTERM lets
    uvicorn shut down cleanly."""
    die_with_parent(parent, signal.SIGTERM)


def stop_descendants(keep: frozenset[int] = frozenset(), seconds: float = STOP_SECONDS) -> list[int]:
    """Terminate every process below this one but `keep`, then kill what is left; their pids."""
    try:
        children = [child for child in psutil.Process().children(recursive=True) if child.pid not in keep]
    except psutil.Error:
        return []
    for child in children:
        try:
            child.terminate()
        except psutil.Error:
            pass
    _, alive = psutil.wait_procs(children, timeout=seconds)
    for child in alive:
        try:
            child.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(alive, timeout=seconds)
    return [child.pid for child in children]


def stop_reason(stop: BaseException) -> str:
    """The signal behind a stop, as a word: SIGTERM, SIGINT."""
    if isinstance(stop, Interrupted):
        return stop.signal_name
    number = getattr(stop, "signal", None)  # Prefect's TerminationSignal
    if number is not None:
        return signal.Signals(number).name
    return "SIGINT" if isinstance(stop, KeyboardInterrupt) else type(stop).__name__


# Processes that must outlive a stop signal until the very end (the API server records the crash).
_PROTECTED: set[int] = set()


def stop_workers() -> None:
    """Signal every process below this one but the API server to stop, now, without waiting
    and without reaping them: their pool must see them die (a pool whose dead workers were
    reaped behind its back believes them alive and spins in its shutdown)."""
    try:
        children = psutil.Process().children(recursive=True)
    except psutil.Error:
        return
    for child in children:
        if child.pid not in _PROTECTED:
            try:
                child.kill()  # SIGKILL: a worker's own clean-up races its pool's (tracebacks, no gain)
            except psutil.Error:
                pass


@contextmanager
def clean_stop() -> Iterator[None]:
    """SIGTERM and SIGINT raise `Interrupted` in the main thread (during a flow run, Prefect's
    own SIGTERM handler comes first, marks the run crashed and hands the signal on to this one);
    on the way out, for any reason, every process below this one is stopped."""
    previous = {}

    def interrupt(signum: int, frame: object) -> None:
        for number in previous:  # a second signal while stopping must not cut the clean-up short
            signal.signal(number, signal.SIG_IGN)
        stop_workers()  # no batch in flight delays the stop
        raise Interrupted(SIGNAL_NAMES.get(signum, str(signum)))

    if threading.current_thread() is threading.main_thread():
        for signum in SIGNAL_NAMES:
            previous[signum] = signal.signal(signum, interrupt)
    _quiet_resource_tracker()
    crash_line = _CrashLineFilter()
    handlers = [h for name in ("", "prefect", "prefect.flow_runs") for h in logging.getLogger(name).handlers]
    for handler in handlers:
        handler.addFilter(crash_line)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        for handler in handlers:
            handler.removeFilter(crash_line)
        # All but the resource tracker, which ends by itself when this process does (its pipe
        # closes), and which multiprocessing would relaunch, noisily, if it were killed first.
        stop_descendants(keep=frozenset({_resource_tracker_pid()}))


class _CrashLineFilter(logging.Filter):
    """Prefect logs "Crash detected! Execution was aborted by ..." when a signal stops a run; the
    CLI says the same in its own one line, and the run's state in Prefect keeps the reason."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Crash detected!")


def _quiet_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with its stderr on the null device.

    When a stop kills pool workers, the tracker prints a traceback per semaphore it is told to
    forget twice (CPython's tracker in 3.11; harmless: the semaphores are released either way),
    a screenful where the stop promises one line. The tracker is started once per process, on
    first use; started here, it inherits the null device instead of the terminal.
    """
    from multiprocessing import resource_tracker

    tracker = resource_tracker._resource_tracker  # noqa: SLF001 - the module's one tracker
    if getattr(tracker, "_pid", None) is None:  # else already running: it keeps its stderr
        saved = os.dup(2)
        try:
            with open(os.devnull, "w") as null:
                os.dup2(null.fileno(), 2)
                resource_tracker.ensure_running()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
    _PROTECTED.add(_resource_tracker_pid())


def _resource_tracker_pid() -> int | None:
    from multiprocessing import resource_tracker

    return getattr(resource_tracker._resource_tracker, "_pid", None)  # noqa: SLF001


@contextmanager
def temporary_server() -> Iterator[int | None]:
    """Prefect's API for the block: the configured one, else a temporary server of this process
    that dies with it; yields the temporary server's pid (None when a server was configured).

    Prefect would start the same temporary server on first use (SubprocessASGIServer), but from
    whichever thread first needs it and with no way to tie it to this process: killed, the run
    left it running. This starts it the same way, from this thread, with the parent-death signal.
    """
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if PREFECT_API_URL.value():
        yield None
        return
    server = _DyingWithParentServer()
    server.start()
    pid = server.server_process.pid if server.server_process else None
    _PROTECTED.add(pid)
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield pid
    finally:
        _PROTECTED.discard(pid)
        server.stop()


def _server_class() -> type:
    from prefect.server.api import server as server_module

    class DyingWithParentServer(server_module.SubprocessASGIServer):
        """Prefect's temporary server, its process started with the parent-death signal."""

        def _run_uvicorn_command(self) -> subprocess.Popen:
            # Prefect builds the command line and the environment; only its Popen gets the
            # preexec_fn, through a stand-in for the subprocess module in that module alone.
            _prctl()  # looked up here, in the parent
            server_module.subprocess = _SubprocessWithParentDeath  # type: ignore[attr-defined]
            try:
                return super()._run_uvicorn_command()
            finally:
                server_module.subprocess = subprocess  # type: ignore[attr-defined]

    return DyingWithParentServer


class _SubprocessWithParentDeath:
    """The subprocess module as prefect.server.api.server uses it, Popen with the parent-death signal."""

    PIPE = subprocess.PIPE
    TimeoutExpired = subprocess.TimeoutExpired

    @staticmethod
    def Popen(*args: object, **kwargs: object) -> subprocess.Popen:  # noqa: N802 - the module's name
        parent = os.getpid()
        return subprocess.Popen(*args, preexec_fn=lambda: _preexec_die_with_parent(parent), **kwargs)


def _DyingWithParentServer():  # noqa: N802 - built lazily: importing Prefect's server costs ~1 s
    return _server_class()()
