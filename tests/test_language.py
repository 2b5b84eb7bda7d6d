"""inLanguage: the declaration normalized to BCP 47, overruled by the text when the
identifier is sure of another language (newscrawl.clean.language)."""

from __future__ import annotations

import pytest

from newscrawl import extract_article
from newscrawl.clean.language import choose_language, normalize_tag

TEXTS = {
    "de": "Der Gemeinderat hat am Dienstag nach langer Debatte den Haushalt für das kommende "
          "Jahr beschlossen. Die Bürgermeisterin sagte, damit könne die Stadt mehr Lehrer "
          "einstellen und zwei neue Parks bauen.",
    "id": "Dewan kota pada hari Selasa menyetujui anggaran tahun depan setelah perdebatan "
          "panjang. Wali kota mengatakan kota akan dapat mempekerjakan lebih banyak guru dan "
          "membangun dua taman baru.",
    "no": "Bystyret vedtok tirsdag budsjettet for neste år etter en lang debatt. Ordføreren sa "
          "at byen nå kan ansette flere lærere og bygge to nye parker ved elven.",
}


def _page(text: str, declared: str | None) -> dict:
    attr = f' lang="{declared}"' if declared else ""
    html = (f"<html{attr}><head><title>Budget</title></head><body><article><h1>Council "
            "approves the budget</h1>" + f"<p>{text}</p>" * 4 + "</article></body></html>")
    return extract_article(html.encode(), "https://news.example.com/a/1")


@pytest.mark.parametrize(
    ("value", "tag"),
    [("en_US", "en-US"), ("EN", "en"), ("de-de", "de-DE"), ("iw", "he"), ("und", None),
     ("x-default", None), ("", None)],
)
def test_declarations_are_normalized(value: str, tag: str | None) -> None:
    assert normalize_tag(value) == tag


@pytest.mark.parametrize("lang", list(TEXTS))
@pytest.mark.parametrize("declared", [None, "en-US"])
def test_the_text_names_the_language_when_the_declaration_is_missing_or_wrong(
    lang: str, declared: str | None
) -> None:
    # Indonesian and Norwegian are split by the identifier with Malay and Danish: the
    # group's confidence counts
    assert (_page(TEXTS[lang], declared).get("inLanguage") or "").split("-")[0] == lang


def test_a_close_languages_declaration_stands() -> None:
    # a Malay declaration over Indonesian-looking text, Danish over Norwegian: kept
    assert choose_language("ms-MY", TEXTS["id"] * 2) == ("ms-MY", None)
    assert choose_language("da", TEXTS["no"] * 2) == ("da", None)


def test_a_short_text_does_not_overrule_the_declaration() -> None:
    assert choose_language("en", "Der Rat tagt.") == ("en", None)
