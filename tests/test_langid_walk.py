"""The array walk over py3langid's automaton counts the same features, in the same order,
as the library's own loop, so the identifier answers exactly as the library does."""

from __future__ import annotations

import lxml.html
from conftest import FIXTURES
from hypothesis import given
from hypothesis import strategies as st
from py3langid.langid import MODEL_FILE, LanguageIdentifier, visit_counts

from newscrawl.clean.langid_walk import ArrayWalkIdentifier
from newscrawl.clean.language import DETECT_CHARS, _identifier
from newscrawl.fixtures import load_fixtures

LIBRARY = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
_identifier()  # loaded before the timed examples


def _same(text: str) -> None:
    ours = _identifier()
    assert isinstance(ours, ArrayWalkIdentifier)
    encoded = LIBRARY._encode(text)
    theirs = visit_counts(LIBRARY.tk_nextmove, LIBRARY._rowbase, LIBRARY.tk_output, encoded)
    mine = ours._features(encoded) if encoded else None
    assert (list(mine.items()) if mine else None) == (list(theirs.items()) if theirs else None)
    assert ours.classify(text) == LIBRARY.classify(text)


def test_same_answers_on_the_fixture_pages() -> None:
    texts = [lxml.html.fromstring(fx.body).text_content()[:DETECT_CHARS]
             for fx in load_fixtures(FIXTURES)]
    assert len(texts) > 40
    for text in texts + ["", "a", "Grüße aus Köln", "日本語のテキストです", "\u0000\u0001"]:
        _same(text)


@given(st.text(max_size=300))
def test_same_answers_on_any_text(text: str) -> None:
    _same(text)


def test_a_walk_that_fails_its_check_is_the_library_loop() -> None:
    ours = _identifier()
    assert isinstance(ours, ArrayWalkIdentifier)
    shallow = ArrayWalkIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    shallow.depth = 1  # too few steps for the model: the check catches it
    text = LIBRARY._encode("Die Bundesregierung hat neue Regeln beschlossen. " * 5)
    assert shallow._features(text) == visit_counts(
        LIBRARY.tk_nextmove, LIBRARY._rowbase, LIBRARY.tk_output, text)
