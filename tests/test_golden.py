"""Every fixture page through extract_article equals its golden expected JSON.

Adding a site or a page is adding data: a body, a sidecar, and the expected JSON written by
`newscrawl fixture regen fixtures/<site>` and reviewed by a person.
"""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES

from newscrawl import extract_article
from newscrawl.fixtures import load_fixtures

PAGES = [fx for fx in load_fixtures(FIXTURES) if fx.is_html]


def test_there_are_fixture_pages():
    assert len(PAGES) >= 10


@pytest.mark.parametrize("fx", PAGES, ids=[f"{fx.site}/{fx.name}" for fx in PAGES])
def test_fixture_matches_expected(fx):
    assert fx.expected_path.exists(), f"run: newscrawl fixture regen fixtures/{fx.site}"
    expected = json.loads(fx.expected_path.read_text("utf-8"))
    item = extract_article(fx.body, fx.url, **fx.context())
    # Compare field by field first, for a readable failure.
    for key in expected:
        assert item.get(key) == expected[key], key
    assert item == expected
