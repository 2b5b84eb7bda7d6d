"""The cleaning's parser gives every element the class lxml.html's lookup gives it."""

from __future__ import annotations

import copy

import lxml.html
from conftest import FIXTURES

from newscrawl.clean.document import NotHTML, load_document, parse_html
from newscrawl.fixtures import load_fixtures

PAGE = """<!DOCTYPE html><HTML><head><title>T</title></head><body>
<FORM action="/s"><Label for="q">Search</Label><INPUT name="q"><input type="checkbox">
<select name="s"><option>a</option></select><textarea>t</textarea><fieldset></fieldset></FORM>
<p>Text &amp; <b>bold</b><svg:form>x</svg:form><my-widget>w</my-widget></p></body></HTML>"""
LXML_LOOKUP = lxml.html.HtmlElementClassLookup()


def _check(root: lxml.html.HtmlElement) -> set[str]:
    for el in root.iter():
        assert isinstance(el.tag, str)  # comments and PIs are removed by the parser
        assert type(el) is LXML_LOOKUP.lookup("element", None, None, el.tag), el.tag
    return {type(el).__name__ for el in root.iter()}


def test_same_element_classes_as_lxml_html() -> None:
    found = _check(parse_html(PAGE)) | _check(copy.deepcopy(parse_html(PAGE)))
    assert {"FormElement", "InputElement", "SelectElement", "TextareaElement",
            "LabelElement", "HtmlElement"} <= found
    fixtures = [fx for fx in load_fixtures(FIXTURES) if fx.is_html]
    assert len(fixtures) > 40
    for fx in fixtures:
        try:
            root, _encoding = load_document(fx.body, fx.headers.get("Content-Type"))
        except NotHTML:  # the fixtures of bad input
            continue
        _check(root)
        _check(copy.deepcopy(root))  # the working copy too
