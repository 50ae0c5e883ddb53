"""One reindex at a time per index folder: an OS file lock on ``<index>/reindex.lock``.

The lock is ``flock`` on the file, so the kernel releases it when its holder dies, however it
dies; a killed run therefore never blocks the next one. The holder's PID, host and start time are
written inside only to name it in messages: a second run is refused naming them, and a run that
finds the record of a holder that is gone takes over with a notice.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

LOCK_NAME = "reindex.lock"


class LockHeldError(Exception):
    """Another reindex holds the lock; the message names it."""


@dataclass(frozen=True)
class Holder:
    """Who holds (or last held) the lock, as written in the lock file."""

    pid: int
    host: str
    started: str

    def describe(self) -> str:
        where = "" if self.host == socket.gethostname() else f" on {self.host}"
        return f"PID {self.pid}{where}, started {self.started}"


def pid_alive(pid: int) -> bool:
    """Whether a process with this PID exists on this host."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def reindex_lock(index_root: Path, notify: Callable[[str], None]) -> Iterator[Holder]:
    """Hold the index's reindex lock for the ``with`` block; refuse if another run holds it.

    Raises :class:`LockHeldError` when a live run holds it, :class:`OSError` when the folder is
    not writable. ``notify`` receives the one-line notice when a stale lock is taken over.
    """
    path = index_root / LOCK_NAME
    fd, stale = _acquire(path)
    if stale is not None:
        notify(f"notice: taking over the lock of a reindex that is gone ({stale.describe()})")
    me = Holder(os.getpid(), socket.gethostname(), datetime.now(UTC).isoformat(timespec="seconds"))
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(vars(me)).encode("utf-8"), 0)
        yield me
    finally:
        path.unlink(missing_ok=True)  # while still locked, so nobody locks the old file meanwhile
        os.close(fd)


def _acquire(path: Path) -> tuple[int, Holder | None]:
    """Lock ``path`` (created if needed); return its descriptor and the stale holder found, if any.

    A lock held by a process that no longer exists on this host can only be held through a
    descriptor some other process inherited; the file is then replaced rather than waited for.
    """
    replaced: Holder | None = None
    for _attempt in range(3):
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            if holder is None or holder.host != socket.gethostname() or pid_alive(holder.pid):
                running = holder.describe() if holder else "it is starting"
                raise LockHeldError(
                    f"another reindex of {path.parent} is running ({running}); "
                    "wait for it to finish"
                ) from None
            path.unlink(missing_ok=True)
            replaced = holder
            continue
        except BaseException:
            os.close(fd)
            raise
        if _same_file(fd, path):
            return fd, _read_holder(fd) or replaced
        os.close(fd)  # the file was replaced between open and lock: lock the new one
    raise LockHeldError(f"cannot lock {path}: it keeps being replaced by another process")


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = path.stat()
    except FileNotFoundError:
        return False
    opened = os.fstat(fd)
    return (opened.st_dev, opened.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def _read_holder(fd: int) -> Holder | None:
    """The holder recorded in the lock file, or None when it is empty or unreadable."""
    try:
        data = json.loads(os.pread(fd, 4096, 0).decode("utf-8"))
        return Holder(pid=int(data["pid"]), host=str(data["host"]), started=str(data["started"]))
    except (ValueError, KeyError, TypeError):
        return None
