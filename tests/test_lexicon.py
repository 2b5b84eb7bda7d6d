"""The lexicon: every supported language has every concept (or says why not), the words
are written as the matchers expect them, and the regexes built from them read them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscrawl.clean import lexicon
from newscrawl.clean.codes import PageWarning, Stage, WarningCode
from newscrawl.clean.lexicon import LANGUAGES, TimeUnit, patterns
from newscrawl.clean.lexicon.common import CLASS_WORDS, ClassUse
from newscrawl.clean.lexicon.model import concepts, has
from newscrawl.discovery import words as link_words

IDS = [lang.code for lang in LANGUAGES]


@pytest.mark.parametrize("lang", LANGUAGES, ids=IDS)
def test_every_concept_is_filled_or_exempted_with_a_reason(lang):
    missing = [c for c in concepts() if not has(lang, c) and not lang.gaps.get(c, "").strip()]
    assert not missing, f"{lang.code}: fill these or list them in gaps with the reason"


@pytest.mark.parametrize("lang", LANGUAGES, ids=IDS)
def test_no_stale_or_unknown_exemption(lang):
    unknown = set(lang.gaps) - set(concepts())
    assert not unknown, f"{lang.code}: gaps names no such concept"
    stale = [c for c in lang.gaps if has(lang, c)]
    assert not stale, f"{lang.code}: has words for these, drop them from gaps"


@pytest.mark.parametrize("lang", LANGUAGES, ids=IDS)
def test_words_are_lower_case_trimmed_and_listed_once(lang):
    for concept in concepts():
        if concept == "ago_phrase":
            continue
        values = list(getattr(lang, concept))
        for word in values:
            assert word == word.strip().lower() and word, (lang.code, concept, word)
        assert len(values) == len(set(values)), (lang.code, concept)


def test_every_language_has_a_file_and_a_unique_code():
    folder = Path(lexicon.__file__).parent
    codes = [lang.code for lang in LANGUAGES]
    assert len(codes) == len(set(codes))
    assert {f"{c}.py" for c in codes} <= {p.name for p in folder.glob("*.py")}


@pytest.mark.parametrize("lang", [x for x in LANGUAGES if x.time_units], ids=lambda x: x.code)
def test_every_unit_word_reads_as_its_unit(lang):
    """'N <unit> ago', written the language's way, resolves through the built patterns."""
    for word, unit in lang.time_units.items():
        amount = "2"
        sep = "" if lang.unspaced else " "
        if lang.ago_before:
            text = f"{lang.ago_before}{sep}{amount}{sep}{word}"
        else:
            text = f"{amount}{sep}{word}{sep}{lang.ago_after}"
        found = [
            ago.units.get(m.group(2).lower())
            for ago in patterns.AGO_PATTERNS
            if (m := ago.regex.search(text)) and m.group(1) == amount
        ]
        assert unit in found, (lang.code, text)


@pytest.mark.parametrize("lang", [x for x in LANGUAGES if x.one_words], ids=lambda x: x.code)
def test_one_words_read_as_one(lang):
    word = next(w for w, u in lang.time_units.items() if u is TimeUnit.HOUR)
    for one in lang.one_words:
        text = f"{lang.ago_before} {one} {word}" if lang.ago_before else (
            f"{one} {word} {lang.ago_after}")
        assert any(
            (m := a.regex.search(text)) and m.group(1).lower() in a.one_words
            for a in patterns.AGO_PATTERNS
        ), (lang.code, text)


def test_day_words_resolve_against_the_fetch_time():
    from newscrawl.clean.dates.model import Context
    from newscrawl.clean.dates.relative import parse_relative

    now = datetime(2024, 12, 2, 12, 0, tzinfo=UTC)
    for lang in LANGUAGES:
        ctx = Context(langs=(lang.code, "en"), order="DMY", order_known=True, now=now, tz=None,
                      limit=now, earliest=now.date().replace(year=1995))
        for word, back in lang.day_words.items():
            st = parse_relative(f"{word.capitalize()}, 10:40", ctx)
            assert st is not None and (now.date() - st.day).days == back, (lang.code, word)


def test_own_language_day_words_need_a_page_in_that_language():
    from newscrawl.clean.dates.model import Context
    from newscrawl.clean.dates.relative import parse_relative

    now = datetime(2024, 12, 2, 12, 0, tzinfo=UTC)
    ctx = Context(langs=("de", "en"), order="DMY", order_known=True, now=now, tz=None,
                  limit=now, earliest=now.date().replace(year=1995))
    assert parse_relative("Hier, 10:40", ctx) is None  # German "hier" is "here"


@pytest.mark.parametrize("lang", [x for x in LANGUAGES if x.rail_labels], ids=lambda x: x.code)
def test_rail_labels_match_as_whole_headings(lang):
    for label in lang.rail_labels:
        assert patterns.RAIL_LABEL.match(f"  {label.upper()} :"), label
        assert not patterns.RAIL_LABEL.match(f"{label} and a sentence of the story")


def test_labels_say_which_date_a_date_is():
    for lang in LANGUAGES:
        for word in lang.published_labels:
            assert patterns.PUBLISHED_LABEL.search(f"{word}: "), (lang.code, word)
        for word in lang.modified_labels:
            assert patterns.MODIFIED_LABEL.search(f"{word} "), (lang.code, word)
        for word in lang.registered_labels:
            assert patterns.REGISTERED_LABEL.search(f"{word} "), (lang.code, word)


def test_class_words_are_written_once_and_each_use_is_read():
    names = [w.word for w in CLASS_WORDS]
    assert len(names) == len(set(names))
    squashed = [n.replace("-", "") for n in names]
    assert len(squashed) == len(set(squashed)), "two spellings of one class word"
    for use in ClassUse:
        assert any(use in w.uses for w in CLASS_WORDS), use


def test_class_word_matchers():
    assert "share" in patterns.BOILER_TOKENS and "shared" not in patterns.BOILER_TOKENS
    assert patterns.BOILER_PREFIX.match("relatedarticles")
    assert patterns.CHROME_STRONG.search("box most-read") and patterns.CHROME_STRONG.search(
        "mostread")
    assert patterns.CHROME_STRONG.search("recommended-posts")  # a stem
    assert not patterns.CHROME_STRONG.search("unrelated")
    assert patterns.CHROME_WEAK.search("site-footer") and not patterns.CHROME_WEAK.search("navy")


def test_credit_words_prefer_the_longer_word():
    from newscrawl.clean.captions import split_credit

    assert split_credit("Troops arrive (Photograph: Jane Doe)") == ("Troops arrive", "Jane Doe")
    assert split_credit("Schnee in Berlin. Foto: dpa") == ("Schnee in Berlin.", "dpa")


def test_every_stage_has_its_failure_code():
    for stage in Stage:
        assert WarningCode.stage_failed(stage) == f"{stage}_stage_failed"
    assert str(PageWarning(WarningCode.DATES_STAGE_FAILED, "KeyError")) == (
        "dates_stage_failed:KeyError")
    assert str(PageWarning(WarningCode.NO_DATE)) == "no_date"


@pytest.mark.parametrize("lang", LANGUAGES, ids=IDS)
def test_written_date_words_are_read(lang):
    """Ordinal suffixes, day-month and month-year joiners and clock words of a language all
    reach the date parser ("2º de December de 2024 10:40 h")."""
    from newscrawl.clean.dates.model import Context
    from newscrawl.clean.dates.parse import parse_text

    now = datetime(2025, 1, 1, tzinfo=UTC)
    ctx = Context(langs=("en",), order="DMY", order_known=True, now=now, tz=None, limit=now,
                  earliest=now.date().replace(year=1995))
    for suffix in (*lang.ordinal_suffixes, ""):
        for dm in (*lang.day_month_joiners, ""):
            for my in (*lang.month_year_joiners, ""):
                for clock in (*lang.clock_words, ""):
                    text = f"2{suffix} {dm} December {my} 2024, 10:40 {clock}"
                    found = parse_text(" ".join(text.split()), ctx)
                    assert found and found[0][0].day.isoformat() == "2024-12-02", text
                    assert found[0][0].clock is not None, text


@pytest.mark.parametrize("lang", LANGUAGES, ids=IDS)
def test_link_words_are_read_by_the_link_classifier(lang):
    for text in lang.service_link_texts:
        assert link_words.SERVICE_TEXT.match(text), text
        assert link_words.SERVICE_TEXT.match(text.title()), text  # case does not matter
    for text in lang.next_page_texts:
        assert link_words.NEXT_TEXT.match(f"{text} »"), text
    for word in lang.service_path_words:
        assert link_words.SERVICE_PATH.search(f"/{word}/"), word
        assert not link_words.SERVICE_PATH.search(f"/{word}x-y/"), word  # whole segments
    for word in lang.taxonomy_path_words:
        assert link_words.TAXONOMY_PATH.search(f"/{word}/jane-doe/"), word
