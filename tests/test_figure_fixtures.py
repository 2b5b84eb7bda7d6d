"""Figure and credit forms on realistic pages (fixtures/figures), in several languages: the
images each page must give, with caption and credit, are written by hand in LABELS.json
(never regenerated); the golden files beside the pages hold the whole item."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES

from newscrawl import extract_article
from newscrawl.fixtures import load_fixtures

FOLDER = FIXTURES / "figures"
LABELS = json.loads((FOLDER / "LABELS.json").read_text("utf-8"))
PAGES = {fx.name: fx for fx in load_fixtures(FOLDER)}


def test_every_labelled_page_is_there_in_several_languages() -> None:
    assert set(LABELS) == set(PAGES)
    assert len({name.rsplit("-", 1)[-1] for name in LABELS}) >= 5


@pytest.mark.parametrize("name", sorted(LABELS))
def test_figure_page(name: str) -> None:
    fx, label = PAGES[name], LABELS[name]
    item = extract_article(fx.body, fx.url, **fx.context())
    got = [{k: image[k] for k in ("url", "caption", "credit")} for image in item["images"]]
    assert got == label["images"], label["form"]
    for image in label["images"]:  # captions and credits are data, never body text
        for text in (image["caption"], image["credit"]):
            assert text is None or text not in item["articleBody"]
    assert len(item["articleBody"]) > 200  # the story itself is there
