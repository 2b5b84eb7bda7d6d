"""Every golden item conforms to the shipped JSON Schema, and the schema names every field."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
from conftest import FIXTURES

from newscrawl.fixtures import load_fixtures
from newscrawl.items import ARTICLE_FIELDS, ArticleItem


def schema() -> dict:
    text = resources.files("newscrawl").joinpath("schema/article.schema.json").read_text()
    return json.loads(text)


def test_schema_is_valid_and_matches_the_item_class():
    s = schema()
    jsonschema.Draft202012Validator.check_schema(s)
    assert set(s["properties"]) == set(ARTICLE_FIELDS) == set(ArticleItem.fields)


def test_golden_items_conform():
    validator = jsonschema.Draft202012Validator(schema())
    checked = 0
    for fx in load_fixtures(FIXTURES):
        if fx.is_html and fx.expected_path.exists():
            item = json.loads(fx.expected_path.read_text("utf-8"))
            errors = [e.message for e in validator.iter_errors(item)]
            assert not errors, (fx.name, errors)
            checked += 1
    assert checked >= 10
