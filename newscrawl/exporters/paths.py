"""File names derived from URLs and titles, confined to the output folder."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

_UNSAFE = re.compile(r"[^a-z0-9._-]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
             *(f"lpt{i}" for i in range(10))}
MAX_PART = 80  # characters per path component


def safe_part(text: str | None, fallback: str = "unknown") -> str:
    """A path component from untrusted text: ASCII letters, digits, '.', '-', '_' only; no
    '..', no leading dot, not a reserved device name, bounded length."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    part = _UNSAFE.sub("-", text.lower()).strip(".-_")[:MAX_PART].strip(".-_")
    part = re.sub(r"\.{2,}", ".", part)
    if not part or part.split(".")[0] in _RESERVED:
        return fallback
    return part


def confined(root: Path, *parts: str) -> Path:
    """root/parts..., guaranteed to stay inside root."""
    root = root.resolve()
    path = root.joinpath(*(safe_part(p) for p in parts)).resolve()
    if root not in path.parents:
        raise ValueError(f"path escapes the output folder: {path}")
    return path
