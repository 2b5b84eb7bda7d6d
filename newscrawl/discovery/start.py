"""Start points as users give them: `-a start_urls="URL URL"` (whitespace or newlines
between URLs; commas belong to URLs: `/7,75398,27234,story.html`) and
`-a start_urls_file=PATH` (one URL per line, `#` comments, `-` for stdin).

Transition: start_urls used to be split on commas. A comma directly followed by a scheme
(`https://a/sitemap.xml,https://a/`) or a comma ending a URL before whitespace still
separates URLs, with a warning saying how to write the list now.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from ..errors import UserError

logger = logging.getLogger(__name__)

_OLD_SEPARATOR = re.compile(r",(?=(?:https?|file)://)", re.I)

TRANSITION_NOTE = ("start_urls separated by commas: read as separate URLs this time; commas "
                   "now belong to URLs, so separate start URLs with spaces or newlines, or "
                   "list them in a file (-a start_urls_file=PATH)")


def split_start_urls(text: str | Iterable[str]) -> list[str]:
    """URLs in a start_urls argument (a string, or already a list)."""
    tokens = text.split() if isinstance(text, str) else [t.strip() for t in text]
    urls: list[str] = []
    old_style = False
    for token in tokens:
        parts = _OLD_SEPARATOR.split(token)
        if len(parts) > 1 or (token.endswith(",") and len(token) > 1):
            old_style = True
        urls.extend(p.rstrip(",") for p in parts if p.rstrip(","))
    if old_style:
        logger.warning(TRANSITION_NOTE)
    return urls


def read_start_urls_file(path: str, stdin: TextIO | None = None) -> list[str]:
    """One URL per line; blank lines and `#` comments skipped; `-` reads standard input."""
    if path == "-":
        lines = (stdin or sys.stdin).read().splitlines()
    else:
        try:
            lines = Path(path).read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise UserError(f"start_urls_file {path}: {reason} (one URL per line; - for "
                            "standard input)") from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
