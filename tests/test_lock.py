"""The reindex lock: one run at a time, a clear refusal, and no stale lock blocking for ever."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from indexer.reindex.lock import LOCK_NAME, LockHeldError, pid_alive, reindex_lock

HOLD = """
import fcntl, json, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)
pid = int(sys.argv[2] or os.getpid())
record = {"pid": pid, "host": sys.argv[3], "started": "2020-01-02T03:04:05"}
os.write(fd, json.dumps(record).encode())
print("locked", flush=True)
time.sleep(600)
"""


def dead_pid() -> int:
    """The PID of a process that has exited (and been reaped)."""
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(child.stdout)


@contextmanager
def held_elsewhere(path: Path, recorded_pid: int | None, host: str) -> Iterator[None]:
    """Another process holds the flock on ``path`` with this record written in it."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), str(recorded_pid or ""), host],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        yield
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()


def test_the_lock_names_its_holder_and_disappears_when_released(tmp_path: Path) -> None:
    notices: list[str] = []
    with reindex_lock(tmp_path, notices.append) as me:
        record = json.loads((tmp_path / LOCK_NAME).read_text())
        assert record == {"pid": os.getpid(), "host": socket.gethostname(), "started": me.started}
    assert not (tmp_path / LOCK_NAME).exists()
    assert notices == []


def test_a_second_run_is_refused_naming_the_first(tmp_path: Path) -> None:
    with (
        reindex_lock(tmp_path, print) as me,
        pytest.raises(LockHeldError) as refused,
        reindex_lock(tmp_path, print),
    ):
        pass
    message = str(refused.value)
    assert f"PID {os.getpid()}" in message
    assert me.started in message
    assert "\n" not in message


def test_a_run_in_another_process_is_refused(tmp_path: Path) -> None:
    running = r"running \(PID \d+, started 2020-01-02T03:04:05\)"
    with (
        held_elsewhere(tmp_path / LOCK_NAME, None, socket.gethostname()),
        pytest.raises(LockHeldError, match=running),
        reindex_lock(tmp_path, print),
    ):
        pass


def test_the_lock_left_by_a_killed_run_is_taken_over_with_a_notice(tmp_path: Path) -> None:
    gone = dead_pid()
    record = {"pid": gone, "host": socket.gethostname(), "started": "2020-01-02T03:04:05"}
    (tmp_path / LOCK_NAME).write_text(json.dumps(record))
    notices: list[str] = []
    with reindex_lock(tmp_path, notices.append) as me:
        assert me.pid == os.getpid()
    assert notices == [
        f"notice: taking over the lock of a reindex that is gone (PID {gone}, "
        "started 2020-01-02T03:04:05)"
    ]


def test_a_lock_kept_by_a_process_that_is_not_its_holder_does_not_block(tmp_path: Path) -> None:
    """The holder died but another process (e.g. a forked child) kept the file locked."""
    gone = dead_pid()
    notices: list[str] = []
    with (
        held_elsewhere(tmp_path / LOCK_NAME, gone, socket.gethostname()),
        reindex_lock(tmp_path, notices.append),
    ):
        assert json.loads((tmp_path / LOCK_NAME).read_text())["pid"] == os.getpid()
    assert notices and f"PID {gone}" in notices[0]


def test_a_holder_on_another_host_is_never_presumed_dead(tmp_path: Path) -> None:
    with (
        held_elsewhere(tmp_path / LOCK_NAME, dead_pid(), "another-host"),
        pytest.raises(LockHeldError, match="on another-host"),
        reindex_lock(tmp_path, print),
    ):
        pass


@pytest.mark.parametrize(("pid", "alive"), [(os.getpid(), True), (dead_pid(), False)])
def test_pid_alive(pid: int, alive: bool) -> None:
    assert pid_alive(pid) is alive
