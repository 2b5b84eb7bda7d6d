"""Date error classes on realistic pages (fixtures/dates-classes): each page is one kind of
trap seen on news sites the project was never tuned on, in several languages. The expected
dates are written by hand in LABELS.json (never regenerated); the golden files beside the
pages hold the whole item."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES

from newscrawl import extract_article
from newscrawl.fixtures import load_fixtures

FOLDER = FIXTURES / "dates-classes"
LABELS = json.loads((FOLDER / "LABELS.json").read_text("utf-8"))
PAGES = {fx.name: fx for fx in load_fixtures(FOLDER)}


def test_every_labelled_page_is_there_and_every_class_has_two_languages() -> None:
    assert set(LABELS) == set(PAGES)
    by_class: dict[str, set[str]] = {}
    for name, label in LABELS.items():
        by_class.setdefault(label["class"], set()).add(name.rsplit("-", 1)[-1])
    assert {"utc_day", "updated_for_published", "recoverable_miss"} <= set(by_class)
    assert all(len(langs) >= 2 for cls, langs in by_class.items() if cls != "recoverable_miss")


@pytest.mark.parametrize("name", sorted(LABELS))
def test_date_class_page(name: str) -> None:
    fx, label = PAGES[name], LABELS[name]
    item = extract_article(fx.body, fx.url, **fx.context())
    assert item["datePublished"] == label["datePublished"], label["why"]
    if label["datePublished"] is None:
        assert "no_date" in item["metadata"]["warnings"]
