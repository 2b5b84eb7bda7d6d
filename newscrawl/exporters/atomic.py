"""Files that appear whole or not at all: written under a temporary name, then renamed."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from scrapy.extensions.feedexport import FileFeedStorage


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
