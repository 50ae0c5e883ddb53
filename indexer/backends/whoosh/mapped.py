"""Segment files read in place from their memory map, not copied into the server's memory.

Whoosh maps each compound segment file (``.seg``) and hands out its parts as ``BufferFile``
objects over memoryviews of the map, but ``BufferFile`` wraps its view in ``io.BytesIO``, which
copies it: every opened index was copied whole into private memory (2.4 GB of server memory for
a 1.3 GB index). :class:`MappedFile` reads the view in place, so the pages are the operating
system's file cache, shared by every process serving the same generation. Whoosh-Reloaded is
unmaintained: the repair is installed into its compound-file module when this backend is
opened for searching (:func:`install`), and the tests check the parts opened are ours.
"""

from __future__ import annotations

from collections.abc import Iterator

from whoosh.filedb import compound
from whoosh.filedb.structfile import BufferFile


class ViewReader:
    """The read side of a binary file over a memoryview (what ``StructFile`` calls)."""

    def __init__(self, view: memoryview) -> None:
        self._view = view
        self._at = 0

    def read(self, size: int | None = -1) -> bytes:
        end = len(self._view) if size is None or size < 0 else self._at + size
        data = bytes(self._view[self._at : end])
        self._at += len(data)
        return data

    def read_varint(self) -> int:
        value = shift = 0
        view, at = self._view, self._at
        while True:
            byte = view[at]
            at += 1
            value |= (byte & 0x7F) << shift
            if byte < 0x80:
                self._at = at
                return value
            shift += 7

    def readline(self, size: int | None = -1) -> bytes:
        end = len(self._view)
        stop = end if size is None or size < 0 else min(end, self._at + size)
        at = self._at
        while at < stop:
            chunk = bytes(self._view[at : min(at + 256, stop)])
            found = chunk.find(b"\n")
            if found >= 0:
                return self.read(at + found + 1 - self._at)
            at += len(chunk)
        return self.read(stop - self._at)

    def seek(self, offset: int, whence: int = 0) -> int:
        base = (0, self._at, len(self._view))[whence]
        self._at = max(0, base + offset)
        return self._at

    def tell(self) -> int:
        return self._at

    def __iter__(self) -> Iterator[bytes]:
        while line := self.readline():
            yield line

    def close(self) -> None:
        self._view = memoryview(b"")


class MappedFile(BufferFile):
    """A ``BufferFile`` that reads its memoryview without copying it first."""

    def __init__(self, buf: memoryview, name: str | None = None, onclose: object = None) -> None:
        super().__init__(b"", name=name, onclose=onclose)
        self._buf = buf
        self.file = ViewReader(buf)

    def read_varint(self) -> int:
        """Whoosh's varint, read from the view at once (Whoosh reads it a byte per call: a
        column's dictionary of values, thousands of them, is read so when a segment opens).

        >>> MappedFile(memoryview(bytes([0xAC, 0x02, 0x05]))).read_varint()
        300
        """
        return self.file.read_varint()

    def view(self, position: int, length: int) -> memoryview:
        """Bytes of this part, in place (valid while the index is open)."""
        return self._buf[position : position + length]


def install() -> None:
    """Make Whoosh's compound segment files hand out :class:`MappedFile` parts."""
    compound.BufferFile = MappedFile
