"""Word alternations written as a trie: `con(?:sent(?:ement)?|senso)` for
`consentement|consent|consenso`.

Python's `re` tries the alternatives of `a|b|c` one after the other at every position, and
under re.IGNORECASE it cannot even skip an alternative by its first letter, so a list of a
few hundred words costs a few hundred tries per character. Factored by common prefixes, a
position costs about one try per distinct letter on the way down.

The trie matches exactly what the flat list did, longest word first, under any flags.
At one position, the words that can match there are prefixes of one another (up to case):
the flat list, sorted longest first, tries them longest first, and so does the trie, whose
every `(?:longer)?` is greedy. This holds as long as letters that a pattern may take as
equal share one branch, so branches are keyed on re.IGNORECASE's own equivalence of
letters (the widest of the modes). Where a branch would hold letters that are equal only
up to case ("Über" and "über"), a case-sensitive pattern needs them apart and a
case-insensitive one needs them together: that branch stays a flat list, longest first,
right for both. Hand-written (no library builds regex tries with these guarantees).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=4096)
def _same_letter(a: str, b: str) -> bool:
    """Whether re.IGNORECASE takes the two characters as one (asked of re itself, which
    has its own pairs such as "ſ"/"s" or the Kelvin sign/"k")."""
    if a == b:
        return True
    if a.isascii() and b.isascii():
        return a.lower() == b.lower()
    return re.fullmatch(re.escape(a), b, re.IGNORECASE) is not None


def _flat(words: list[str]) -> str:
    """The words as a plain alternation, longest first (ties keep their order)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _branches(words: list[str]) -> list[tuple[str, bool]]:
    """The alternatives of one trie node over the remaining suffixes of its words (without
    the empty one), one per first letter, each with whether it is itself an `a|b`."""
    groups: list[list[str]] = []  # words by their first letter, in order of first sight
    for word in words:
        for group in groups:
            if _same_letter(group[0][0], word[0]):
                group.append(word)
                break
        else:
            groups.append([word])
    out = []
    for group in groups:
        first = group[0][0]
        if any(w[0] != first for w in group):
            # letters equal only up to case: a flat list is right under any flags
            out.append((_flat(group), True))
            continue
        out.append((re.escape(first) + _node([w[1:] for w in group]), False))
    return out


def _node(suffixes: list[str]) -> str:
    """The regex for the suffixes below one node (all distinct), greedy: a longer word is
    tried before a word ending here."""
    ends_here = "" in suffixes
    rest = [s for s in suffixes if s]
    if not rest:
        return ""
    branches = _branches(rest)
    body = "|".join(regex for regex, _ in branches)
    if len(branches) == 1 and not ends_here:
        return "(?:" + body + ")" if branches[0][1] else body
    if not ends_here:
        return "(?:" + body + ")"
    if len(branches) == 1 and _single_atom(body):
        return body + "?"
    return "(?:" + body + ")?"


def _single_atom(regex: str) -> bool:
    """One escaped character (`a`, `\\.`), which takes a `?` without a group."""
    return len(regex) == 1 or (len(regex) == 2 and regex[0] == "\\")


def alternation(items: Iterable[str]) -> str:
    """`a|b|c` of the escaped words, each once, matching as the flat list sorted longest
    first would: same spans, same groups around it, under any flags. An empty word, as in
    the flat list, is the last alternative."""
    unique = list(dict.fromkeys(items))
    words = [w for w in unique if w]
    parts = [regex for regex, _ in _branches(words)] if words else []
    if len(words) < len(unique):
        parts.append("")
    return "|".join(parts)
