"""py3langid's model kept decompressed in a cache folder, read back memory-mapped.

The model ships as an LZMA-compressed npz (4.5 MB, 68 MB unpacked). Reading it costs every
process ~0.45 s of CPU (LZMA, then the npz's zip reading and copies) and a transient ~100
MB; a crawl pays it once, and again in every cleaning worker (NEWSCRAWL_CLEANING_PROCESSES).
Unpacked once into plain .npy files, the arrays open with `np.load(mmap_mode="r")` in a few
milliseconds, and the pages are the operating system's file cache: processes that read the
same model share them instead of each holding a private copy.

The cache is the user's cache folder (platformdirs: $XDG_CACHE_HOME/newscrawl, by default
~/.cache/newscrawl on Linux; 67 MB). Its entry is keyed by py3langid's version and a digest of
the model file, written to a temporary folder and renamed into place, so a reader never sees
half an entry. Anything wrong with the cache (unwritable, damaged) is logged and the model is
read from the package as before: the cache can only save time.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import tempfile
from array import array
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
from platformdirs import user_cache_dir

logger = logging.getLogger(__name__)

# The arrays of py3langid's model file (py3langid.modelio.save_model's names).
_NAMES = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def cache_root() -> Path:
    """The folder of newscrawl's caches."""
    return Path(user_cache_dir("newscrawl", appauthor=False))


def _entry_name(model_file: Path) -> str:
    digest = hashlib.blake2b(model_file.read_bytes(), digest_size=8).hexdigest()
    return f"langid-{version('py3langid')}-{digest}"


def _as_model(arrays: dict[str, Any]) -> tuple[Any, ...]:
    """(nb_ptc, nb_pc, nb_classes, tk_nextmove, tk_row, tk_output) as LanguageIdentifier
    takes them. The two big tables stay memory-mapped arrays; the row index becomes an
    array of Python ints (numpy's uint16 would wrap in the library's `r << 8`)."""
    row = arrays["nextmove_row"]
    return (arrays["ptc"], arrays["pc"], arrays["classes"].tolist(), arrays["nextmove"],
            array("H" if row.dtype == np.uint16 else "I", row.tobytes()),
            arrays["out_feat"].tolist())


def _read(folder: Path) -> dict[str, Any]:
    return {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
            for name in _NAMES}


def _unpack(model_file: Path) -> dict[str, Any]:
    """The model file's arrays, read with py3langid's own reader."""
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, row, output = load_model(model_file)
    return {"ptc": np.asarray(ptc), "pc": np.asarray(pc), "classes": np.array(classes),
            "nextmove": np.frombuffer(nextmove, dtype=np.dtype(nextmove.typecode)),
            "nextmove_row": np.frombuffer(row, dtype=np.dtype(row.typecode)),
            "out_feat": np.asarray(output, dtype=np.int32)}


def _write(root: Path, name: str, arrays: dict[str, Any]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=root))
    try:
        for key, values in arrays.items():
            np.save(tmp / f"{key}.npy", values, allow_pickle=False)
        try:
            tmp.rename(root / name)
        except OSError:  # another process put it there first: theirs is the same
            if not (root / name).is_dir():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def load_model(model_file: Path) -> tuple[Any, ...]:
    """py3langid's model tuple, from the cache when it holds this model file's entry."""
    root = cache_root()
    name = _entry_name(model_file)
    folder = root / name
    if folder.is_dir():
        try:
            return _as_model(_read(folder))
        except (OSError, ValueError) as exc:
            logger.warning("Language model cache %s unreadable (%s): written again",
                           folder, exc)
            shutil.rmtree(folder, ignore_errors=True)
    arrays = _unpack(model_file)
    try:
        _write(root, name, arrays)
        return _as_model(_read(folder))
    except OSError as exc:
        logger.warning("Language model cache %s not written (%s): the model is read from "
                       "py3langid by every process", folder, exc)
    return _as_model(arrays)
