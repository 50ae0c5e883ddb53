"""Finding report files in folders: recursive, sorted, hidden files and folders skipped, and
every entry that is not a regular file given a reason instead of being read.

Anyone who can write to a corpus folder can put there a symbolic link to /etc/passwd, to itself
or to nothing, a FIFO that blocks whoever opens it, a device that never ends. None of them is
read: links are not followed unless ``follow_links`` allows those whose target lies inside one of
the folders (a folder named by the caller may itself be a link: naming it is trusting it), and a
link to a folder is never followed (with links inside allowed, its files are read where they lie).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from indexer.reading.errors import ReadError

NOT_FOLLOWED = (
    "a symbolic link; not followed (corpus.follow_links = true reads links to files inside "
    "the corpus folders)"
)
LOOP = "a symbolic link that loops (too many levels of symbolic links); not read"
LINKED_FOLDER = "a symbolic link to a folder; not followed (its files are read where they lie)"
KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


@dataclass(frozen=True)
class Listing:
    """What folders hold: the files to read, and every other entry with the reason it is not
    read, both sorted."""

    files: list[Path]
    refused: list[tuple[Path, str]]


def list_folders(
    folders: Iterable[Path],
    *,
    follow_links: bool = False,
    within: Iterable[Path] | None = None,
) -> Listing:
    """Every entry under the folders, recursively, without duplicates (see the module docstring);
    with ``follow_links``, links to files inside ``within`` (default: the folders) are read.

    Names starting with "." are skipped below each folder (not above it: a folder the user names
    is searched even if it lives in a hidden one). A missing folder is an error, not an empty
    listing; a folder below it that cannot be listed is refused with the reason.
    """
    roots = [Path(folder) for folder in folders]
    for folder in roots:
        if not folder.is_dir():
            raise ReadError(f"no such folder: {folder}")
    inside = [Path(folder).resolve() for folder in (roots if within is None else within)]
    files: set[Path] = set()
    refused: dict[Path, str] = {}
    stack = list(roots)
    while stack:
        directory = stack.pop()
        try:
            with os.scandir(directory) as found:
                entries = [entry for entry in found if not entry.name.startswith(".")]
        except OSError as exc:
            refused[directory] = f"cannot list the folder ({exc.strerror or exc})"
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(path)
                elif (reason := refusal(path, inside, follow_links)) is None:
                    files.add(path)
                else:
                    refused[path] = reason
            except FileNotFoundError:
                continue  # removed while we looked: it is not part of the corpus any more
            except OSError as exc:
                refused[path] = f"cannot look at the file ({exc.strerror or exc})"
    return Listing(sorted(files), sorted(refused.items()))


def refusal(path: Path, inside: Sequence[Path], follow_links: bool) -> str | None:
    """Why the entry at ``path`` is not read, or None when it is a regular file to read (or a
    link to one inside the resolved folders ``inside``, when ``follow_links``)."""
    mode = path.lstat().st_mode
    if not stat.S_ISLNK(mode):
        return _kind_refusal(mode)
    try:
        target = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return LOOP
        if exc.errno == errno.ENOENT:
            return f"a symbolic link to nothing ({os.readlink(path)} does not exist)"
        return f"a symbolic link that cannot be followed ({exc.strerror or exc})"
    if not follow_links:
        return NOT_FOLLOWED
    real = Path(os.path.realpath(path))
    if not any(real.is_relative_to(folder) for folder in inside):
        return f"a symbolic link out of the corpus folders (to {real}); not read"
    if stat.S_ISDIR(target.st_mode):
        return LINKED_FOLDER
    return _kind_refusal(target.st_mode)


def _kind_refusal(mode: int) -> str | None:
    """None for a regular file, else what it is."""
    if stat.S_ISREG(mode):
        return None
    kind = KINDS.get(stat.S_IFMT(mode), "an unknown kind of entry")
    return f"{kind}, not a regular file; not read"
