"""Case-insensitive regexes that answer "no match" faster.

Python's `re` cannot scan ahead for the literal words of a case-insensitive alternation:
it tries every position, so such a search costs 2-8 times a case-sensitive one (class-name
and label patterns, run on every element of a page, add up to a sizeable share of the
cleaning). On ASCII text a case-insensitive match of a lower-case pattern is exactly a
case-sensitive match on the lower-cased text, so the case-sensitive search answers first;
only when it finds something does the original pattern run, so every match object (and the
text it holds) is the original's. Non-ASCII text goes to the original pattern directly
(Unicode case folding has pairs str.lower() does not join, such as "ſ" and "s").
"""

from __future__ import annotations

import re
from typing import Any


class Caseless:
    """A wrapper around a compiled re.IGNORECASE pattern; everything but search() and
    match() is the pattern's own."""

    __slots__ = ("regex", "_lower")

    def __init__(self, regex: re.Pattern[str]):
        self.regex = regex
        self._lower = re.compile(regex.pattern, regex.flags & ~re.IGNORECASE)

    def search(self, text: str, *span: int) -> re.Match[str] | None:
        if text.isascii() and self._lower.search(text.lower(), *span) is None:
            return None
        return self.regex.search(text, *span)

    def match(self, text: str, *span: int) -> re.Match[str] | None:
        if text.isascii() and self._lower.match(text.lower(), *span) is None:
            return None
        return self.regex.match(text, *span)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.regex, name)

    def __repr__(self) -> str:
        return f"Caseless({self.regex!r})"


def eligible(value: Any) -> bool:
    """A compiled case-insensitive str pattern written in lower case (upper-case escapes
    such as \\W or \\S would change meaning if lower-cased, so they are never rewritten)."""
    return (isinstance(value, re.Pattern) and isinstance(value.pattern, str)
            and bool(value.flags & re.IGNORECASE) and value.pattern == value.pattern.lower())


def speed_up(namespace: dict[str, Any]) -> None:
    """Wrap every eligible pattern among a module's globals."""
    for name, value in list(namespace.items()):
        if eligible(value):
            namespace[name] = Caseless(value)
