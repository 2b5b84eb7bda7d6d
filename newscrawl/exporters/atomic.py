"""Files that appear whole or not at all: written under a temporary name, then renamed."""

from __future__ import annotations

import ctypes
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from scrapy.extensions.feedexport import FileFeedStorage


def write_atomic(path: Path, data: bytes, *, durable: bool = True,
                 make_folder: bool = True) -> None:
    """`durable=False` skips the fsync: the file still appears whole or not at all to every
    reader, but an OS crash or power loss before the next `sync_filesystem` may lose it or
    leave it empty; callers that write many files sync once per batch instead.

    The file gets the mode `open()` would give it (0666 less the process umask: 0644 under
    the usual 022), not tempfile's 0600, so that the archive's readers (a backup job, a web
    server) can read what the crawl wrote, as the umask intends.

    `make_folder=False`: the caller knows the folder exists (one stat call less a file).
    The data goes out in one write() (a loop only if the kernel takes less)."""
    if make_folder:
        path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _create_temporary(path)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _create_temporary(path: Path) -> tuple[int, Path]:
    """A new file beside `path`, exclusively created (as tempfile.mkstemp does) but with
    mode 0666 for the kernel to apply the umask to (mkstemp forces 0600)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.part")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue


@contextmanager
def atomic_output(path: Path, mode: str = "w", encoding: str | None = "utf-8"
                  ) -> Iterator[IO]:
    """A file written as a stream (nothing held in memory) that appears at `path` whole, and
    only if the block ends without an exception; else the partial file is removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _create_temporary(path)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else encoding) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _load_syncfs() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):  # not glibc/Linux
        return None


_syncfs = _load_syncfs()


def sync_filesystem(path: Path) -> None:
    """Flush every written file (data, names, renames) of the filesystem holding `path`:
    one call for a batch of files instead of an fsync per file and per directory."""
    if _syncfs is not None:
        fd = os.open(path, os.O_RDONLY)
        try:
            if _syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    os.sync()


class AtomicFileFeedStorage(FileFeedStorage):
    """Scrapy's file feed storage, but the feed file appears only when the feed is complete
    (a reader or a downstream job never sees a half-written feed)."""

    def open(self, spider):
        path = Path(self.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._tmp = path.with_name(f".{path.name}.part")
        if self.write_mode.startswith("a") and path.exists():
            self._tmp.write_bytes(path.read_bytes())
        return self._tmp.open(self.write_mode)

    def store(self, file) -> None:
        file.flush()
        os.fsync(file.fileno())
        file.close()
        os.replace(self._tmp, self.path)
