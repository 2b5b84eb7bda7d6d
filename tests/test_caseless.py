"""Caseless patterns answer exactly as the case-insensitive regex they wrap."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newscrawl.clean.caseless import Caseless, eligible
from newscrawl.clean.lexicon import patterns

WRAPPED = {name: value for name, value in vars(patterns).items() if isinstance(value, Caseless)}
TEXTS = st.text(alphabet=st.sampled_from(list("aAbBeEsSkKiInNtT -_:.1ſKİé日")), max_size=40)


def test_the_lexicon_patterns_are_wrapped():
    assert {"CHROME_STRONG", "DATE_CLASS", "RAIL_LABEL", "TITLE_CLASS"} <= set(WRAPPED)
    # patterns with upper-case escapes (\W, \S...) are left alone
    assert not eligible(re.compile(r"\Wfoo", re.I)) and eligible(re.compile(r"\wfoo", re.I))
    assert not eligible(re.compile("foo")) and not eligible(re.compile(b"foo", re.I))


def _same(pattern: Caseless, text: str) -> None:
    for method in ("search", "match"):
        ours, theirs = getattr(pattern, method)(text), getattr(pattern.regex, method)(text)
        assert (ours and (ours.span(), ours.group())) == (
            theirs and (theirs.span(), theirs.group()))


@given(TEXTS)
def test_same_answers_as_the_regex(text):
    for pattern in (Caseless(re.compile(r"(?:^|[\s_-])(?:nav|side-?bar|kit)(?:$|[\s_-])", re.I)),
                    Caseless(re.compile(r"\bsta\w*|[^a-z]{3}|(?<!e)in\b", re.I))):
        _same(pattern, text)


def test_same_answers_on_lexicon_patterns():
    texts = ["Related Articles", "RELATED", "site-Header nav", "Most-Popular", "Byline",
             "Veröffentlicht am", "ſidebar", "Publié le 3 mai", "x" * 50, "", "DateLine"]
    for pattern in WRAPPED.values():
        for text in texts:
            _same(pattern, text)


def test_everything_else_is_the_regex():
    pattern = Caseless(re.compile("ab+", re.I))
    assert pattern.sub("x", "aBB abc") == "x xc" and pattern.pattern == "ab+"
    assert pattern.flags & re.I
