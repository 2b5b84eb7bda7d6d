"""Mistakes of the person running newscrawl, told in one line.

A `UserError` says what was wrong and how to fix it (or what the valid values are). The
`newscrawl` command and `scrapy crawl` print it as one line on stderr, with no traceback,
and exit with status 2 (`USAGE_EXIT`). Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

USAGE_EXIT = 2  # as argparse and Scrapy's UsageError: the command was given something wrong


class UserError(Exception):
    """Something the user gave (a setting, an argument, a file, a profile) is wrong."""


class MissingExtra(UserError):
    """An optional dependency is not installed: names it and the extra that brings it."""

    def __init__(self, module: str, extra: str, purpose: str):
        super().__init__(f"{purpose} needs {module}, which is not installed: "
                         f"pip install 'newscrawl[{extra}]'")
        self.module, self.extra = module, extra


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.8) -> str:
    """' (did you mean X?)' for the closest choice, or ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return f" (did you mean {close[0]}?)" if close else ""


def require(module: str, extra: str, purpose: str):  # noqa: ANN201 (a module)
    """Import an optional dependency, or raise MissingExtra naming the extra to install."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(module.split(".")[0], extra, purpose) from None
