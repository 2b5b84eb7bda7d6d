"""Word alternations as tries (lexicon/trie.py) match exactly what the flat longest-first
lists did: every regex built from the lexicon, rebuilt with the flat builder as the
reference, gives the same spans and groups on real text (fixture pages, a sample of the dev
pages where present) and on generated strings of lexicon words, their prefixes and
overlaps."""

from __future__ import annotations

import gzip
import importlib.util
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawl.clean.caseless import Caseless
from newscrawl.clean.lexicon import trie
from newscrawl.clean.lexicon.trie import alternation

ROOT = Path(__file__).resolve().parent.parent
# the dev sets in ../shared beside the checkout, as the quality gate reads them
DEV_DATA = Path(os.environ.get("NEWSCRAWL_DEV_DATA",
                               Path(__file__).resolve().parent.parent.parent / "shared" / "data"))
DEV_SAMPLE_EVERY = 12  # one dev page in 12, in file order: ~57 pages of the 687

# Every module that compiles regexes from the lexicon's alternations (patterns.py, and those
# building on its strings or on `alternation` itself).
BUILT = (
    "newscrawl.clean.lexicon.patterns",
    "newscrawl.clean.credits",
    "newscrawl.clean.dates.parse",
    "newscrawl.clean.dates.relative",
    "newscrawl.clean.dates.body",
    "newscrawl.clean.authors",
    "newscrawl.discovery.words",
)

# ... and those building them per page's languages, called for each language and a mix
BUILT_PER_LANGUAGE = {
    "newscrawl.clean.dates.parse": "month_patterns",
    "newscrawl.clean.dates.relative": "_yearless_patterns",
}


def _language_sets() -> list[tuple[str, ...]]:
    from newscrawl.clean.lexicon import LANGUAGES

    codes = [lang.code for lang in LANGUAGES]
    return [(code,) for code in codes] + [tuple(codes)]


def flat_alternation(items: Iterable[str]) -> str:
    """The builder before the tries, kept as the reference: `a|b|c`, longest first."""
    unique = list(dict.fromkeys(items))
    return "|".join(re.escape(w) for w in sorted(unique, key=len, reverse=True))


def _fresh(name: str) -> ModuleType:
    """A new copy of a module, executed now (its own imports resolve to the loaded ones)."""
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _regexes(value: Any, path: str) -> Iterator[tuple[str, re.Pattern[str]]]:
    if isinstance(value, Caseless):
        value = value.regex
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            yield path, value
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from _regexes(item, f"{path}[{i}]")
    elif hasattr(value, "__dataclass_fields__") and not isinstance(value, type):
        for field in value.__dataclass_fields__:
            yield from _regexes(getattr(value, field), f"{path}.{field}")


def _module_regexes(module: ModuleType) -> dict[str, re.Pattern[str]]:
    out: dict[str, re.Pattern[str]] = {}
    for name, value in vars(module).items():
        if not name.startswith("__"):
            out.update(_regexes(value, f"{module.__name__}.{name}"))
    return out


def _pairs() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    """(name, flat reference, trie) for every regex whose source the tries changed."""
    # the real modules first, so that none of them is first imported under the reference
    patterns, *_ = [importlib.import_module(name) for name in BUILT]
    mp = pytest.MonkeyPatch()
    try:
        mp.setattr(trie, "alternation", flat_alternation)
        old_patterns = _fresh("newscrawl.clean.lexicon.patterns")
        # the other modules build on the reference patterns' strings and builder
        for name, value in vars(old_patterns).items():
            if not name.startswith("__") and isinstance(value, str) or name == "alternation":
                mp.setattr(patterns, name, value)
        old = {name: _fresh(name) for name in BUILT[1:]}
    finally:
        mp.undo()
    old[BUILT[0]] = old_patterns
    pairs = []
    for name in BUILT:
        new_regexes = _module_regexes(importlib.import_module(name))
        old_regexes = _module_regexes(old[name])
        if name in BUILT_PER_LANGUAGE:
            for langs in _language_sets():
                key = f"{name}.{BUILT_PER_LANGUAGE[name]}{langs}"
                for module, regexes in ((importlib.import_module(name), new_regexes),
                                        (old[name], old_regexes)):
                    built = getattr(module, BUILT_PER_LANGUAGE[name])(langs)
                    regexes.update(_regexes(built, key))
        assert new_regexes.keys() == old_regexes.keys()
        for key, new in new_regexes.items():
            ref = old_regexes[key]
            assert new.flags == ref.flags, key
            if new.pattern != ref.pattern:
                pairs.append((key, ref, new))
    return pairs


PAIRS = _pairs()


def test_the_reference_differs_where_the_lexicon_is_large() -> None:
    changed = {key.rsplit(".", 1)[-1] for key, _, _ in PAIRS}
    # the big lists are tries now; the comparison below is over these
    assert {"CONSENT_TERM", "CONSENT_TITLE", "INTERSTITIAL", "RAIL_LABEL", "DATE_CLASS",
            "MODIFIED_LABEL", "SERVICE_TEXT", "AUTHOR_SEPARATOR"} <= changed
    assert len(PAIRS) >= 50


def _outcome(regex: re.Pattern[str], text: str) -> tuple[Any, ...]:
    found = tuple((m.span(), m.groups()) for m in regex.finditer(text))
    first = regex.match(text)
    return found, first and (first.span(), first.groups())


def _assert_same(texts: Iterable[str]) -> int:
    compared = 0
    for text in texts:
        for key, ref, new in PAIRS:
            assert _outcome(new, text) == _outcome(ref, text), (key, text)
            compared += 1
    return compared


def _page_texts(html: bytes) -> set[str]:
    """All text nodes, class and id values of a page (as written, and lower-cased where the
    library lower-cases class names before matching)."""
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return set()
    out: set[str] = set()
    for el in root.iter():
        for text in (el.text, el.tail):
            if text and text.strip():
                out.add(text.strip())
        if isinstance(el.tag, str):
            for attr in ("class", "id"):
                value = el.get(attr)
                if value:
                    out.update((value, value.lower()))
    return out


def test_same_matches_on_every_fixture_page() -> None:
    texts: set[str] = set()
    pages = sorted((ROOT / "fixtures").rglob("*.html"))
    assert pages
    for page in pages:
        texts |= _page_texts(page.read_bytes())
    assert len(texts) > 1000
    assert _assert_same(sorted(texts)) == len(texts) * len(PAIRS)


def _dev_pages() -> list[Path]:
    return sorted(DEV_DATA.glob("*/dev/**/*.html.gz"))[::DEV_SAMPLE_EVERY]


@pytest.mark.slow
@pytest.mark.skipif(not _dev_pages(), reason=f"no dev pages under {DEV_DATA}")
def test_same_matches_on_a_sample_of_the_dev_pages() -> None:
    texts: set[str] = set()
    for page in _dev_pages():
        texts |= _page_texts(gzip.decompress(page.read_bytes()))
    assert len(texts) > 10000
    assert _assert_same(sorted(texts)) == len(texts) * len(PAIRS)


# --- generated strings: lexicon words, their prefixes and overlaps ----------------------------

def _lexicon_words() -> list[str]:
    from newscrawl.clean.lexicon import LANGUAGES, words
    from newscrawl.clean.lexicon.common import CLASS_WORDS

    out: set[str] = {w.word for w in CLASS_WORDS}
    for lang in LANGUAGES:
        for value in vars(lang).values():
            if isinstance(value, (list, tuple, frozenset, set, dict)):
                out.update(w for w in value if isinstance(w, str))
    for concept in ("consent_terms", "consent_titles", "rail_labels", "published_labels"):
        out.update(words(concept))
    return sorted(w for w in out if w)


WORDS = _lexicon_words()
_piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).flatmap(lambda w: st.integers(1, len(w)).map(lambda n: w[:n])),
    st.sampled_from(WORDS).map(str.upper),
    st.sampled_from(WORDS).map(str.title),
    st.sampled_from([" ", "-", "_", ":", ".", " 12:30 ", "2024", "ſ", "\u212a", "İ", "ß"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_piece, min_size=1, max_size=8).map("".join))
def test_same_matches_on_strings_of_lexicon_words(text: str) -> None:
    _assert_same([text, text.lower()])


_LETTERS = "abAB.-ſsSK\u212aİiı"


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_any_word_list_any_flags(data: st.DataObject) -> None:
    """Case variants, Unicode's own case pairs and escaped characters, under each mode, on
    text made of the words themselves and stray letters."""
    words = data.draw(st.lists(st.text(_LETTERS, max_size=5), min_size=1, max_size=8))
    pieces = st.one_of(st.sampled_from(words), st.text(_LETTERS + " x", max_size=2))
    text = "".join(data.draw(st.lists(pieces, max_size=6)))
    for flags in (0, re.I, re.I | re.A):
        for frame in ("(?:{})", "(?:{})x", r"\b(?:{})\b", "^(?:{})$", "((?:{})+)b"):
            ref = re.compile(frame.format(flat_alternation(words)), flags)
            new = re.compile(frame.format(alternation(words)), flags)
            assert _outcome(new, text) == _outcome(ref, text), (words, text, flags, frame)


def test_a_trie_factors_common_beginnings() -> None:
    assert alternation(["consent", "consentement", "consenso", "cookie", "cookies"]) == (
        "co(?:nsen(?:t(?:ement)?|so)|okies?)"
    )
    # letters equal only up to case stay a flat list there, right under any flags
    assert alternation(["über", "Übersicht", "a.b", "a"]) == "Übersicht|über|a(?:\\.b)?"
