"""Which charset a page is read in, and why (newscrawl.clean.charset).

Fixtures in tests/data/charset/: one short news page per legacy encoding, with no charset
declared anywhere (texts written for these tests, encoded in the charset the file is named
after). Crawl-level checks (the log line and counter per decision) are in test_faults.py.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from conftest import DATA

from newscrawl.clean import charset as charset_module
from newscrawl.clean.charset import Charset, CharsetReason, decode_html
from newscrawl.clean.document import load_document

CHARSET = DATA / "charset"
# file -> (its encoding, a phrase of its text)
FIXTURES = {
    "ko-euc-kr.html": ("euc-kr", "시립 도서관의 24시간 열람실을 시민에게 공개했다"),
    "ja-shift_jis.html": ("shift_jis", "春のダイヤ改正から平日の運行本数"),
    "zh-gb18030.html": ("gb18030", "山区的苹果园迎来了多年来最好的收成"),
    "ru-windows-1251.html": ("windows-1251", "ремонт старого моста через реку почти закончен"),
    "pl-iso-8859-2.html": ("iso-8859-2", "przez ponad pięćdziesiąt lat leżały w magazynach"),
    "el-iso-8859-7.html": ("iso-8859-7", "θα προσθέσουν νέα δρομολόγια προς τα μικρά νησιά"),
}
LATIN1_DEFAULT = "text/html; charset=iso-8859-1"  # a server's default for every file


def fixture(name: str) -> bytes:
    return (CHARSET / name).read_bytes()


@pytest.mark.parametrize("name", list(FIXTURES))
def test_an_undeclared_legacy_page_is_detected_from_its_bytes(name):
    body = fixture(name)
    encoding, phrase = FIXTURES[name]
    assert b"charset" not in body.lower()
    text, charset = decode_html(body, "text/html")
    assert text == body.decode(encoding)  # every character, not just the phrase
    assert phrase in text
    assert charset.reason == CharsetReason.UNDECLARED_DETECTED
    assert body.decode(charset) == body.decode(encoding)


@pytest.mark.parametrize("name", list(FIXTURES))
def test_a_declaration_the_bytes_contradict_is_overruled(name):
    body = fixture(name)
    encoding, _ = FIXTURES[name]
    # HTTP says UTF-8, which these bytes cannot be.
    text, charset = decode_html(body, "text/html; charset=utf-8")
    assert text == body.decode(encoding)
    assert charset.reason == CharsetReason.DECLARED_BUT_DETECTED
    assert "HTTP says utf-8" in charset.detail
    # HTTP says UTF-8, the page declares its real charset: the page wins.
    declared = body.replace(b"<head>", f'<head><meta charset="{encoding}">'.encode(), 1)
    text, charset = decode_html(declared, "text/html; charset=utf-8")
    assert text == declared.decode(encoding)
    assert charset.reason == CharsetReason.HTTP_CONTRADICTED
    # Only the page declares it: taken as it is.
    text, charset = decode_html(declared, "text/html")
    assert text == declared.decode(encoding) and charset.reason == CharsetReason.DECLARED


@pytest.mark.parametrize("name", list(FIXTURES))
def test_a_servers_default_latin1_gives_way_to_a_far_better_reading(name):
    """A lone single-byte declaration fits any bytes: Korean, Japanese, Chinese, Cyrillic,
    Greek or Polish read as Latin-1 is garbage, and the detector's reading replaces it."""
    body = fixture(name)
    encoding, _ = FIXTURES[name]
    text, charset = decode_html(body, LATIN1_DEFAULT)
    assert text == body.decode(encoding)
    assert charset.reason == CharsetReason.DECLARED_BUT_DETECTED


TURKISH = ("<p>Belediye meclisi çarşamba günü yapılan toplantıda, şehir merkezindeki eski "
           "köprünün yıkılarak yerine daha geniş bir köprü yapılmasına karar verdi.</p>")


def test_a_plausible_latin_declaration_is_not_second_guessed():
    """Latin code pages read each other's text nearly as well (Turkish in cp1254 read as
    cp1252 only swaps ş, ğ, ı for þ, ð, ý): the detector cannot overrule a declaration
    there, nor tell them apart without the page's language (a known limit)."""
    body = f"<html><body>{TURKISH * 3}</body></html>".encode("cp1254")
    text, charset = decode_html(body, LATIN1_DEFAULT)
    assert (charset, charset.reason) == ("cp1252", CharsetReason.DECLARED)
    assert decode_html(body, None)[1] == "cp1252"
    with_language = body.replace(b"<html>", b'<html lang="tr">')
    text, charset = decode_html(with_language, None)
    assert charset == "cp1254" and "çarşamba günü yapılan" in text


WESTERN = ("<html><head><title>Conseil municipal</title></head><body><p>Le conseil municipal "
           "a décidé à l’unanimité de rénover l’école élémentaire près de la forêt, où les "
           "élèves déjeunent déjà dans une cantine trop étroite. Les travaux commenceront "
           "après l’été, a précisé le maire.</p></body></html>")


def test_an_undeclared_western_page_is_read_as_cp1252():
    """The detector ties Latin code pages (cp1257 reads this French page as well as
    cp1252 does, with "ą" for "à"): without a language saying otherwise, cp1252."""
    body = WESTERN.encode("cp1252")
    text, charset = decode_html(body, None)
    assert text == WESTERN and charset == "cp1252"
    # The page's language picks the Latin code page: Polish pages are ISO-8859-2.
    polish = fixture("pl-iso-8859-2.html").replace(b"<html>", b'<html lang="pl">')
    assert decode_html(polish, None)[1] == "iso8859-2"


def test_a_few_accented_letters_are_not_read_as_kanji():
    """An English page with one cp1252 apostrophe is also valid Shift_JIS; a multi-byte
    reading must be mostly CJK text to count."""
    body = ("<html><body>" + "<p>The council’s plan for the harbour was approved on "
            "Tuesday after a long debate about costs and the timetable.</p>" * 20
            + "</body></html>").encode("cp1252")
    text, charset = decode_html(body, None)
    assert charset == "cp1252" and "council’s" in text


UTF8 = "<html><head><title>Zürich</title></head><body><p>Zürich’s cafés reopened</p></body>"


@pytest.mark.parametrize("content_type,body,reason,name", [
    ("text/html; charset=utf-8", UTF8.encode(), "declared", "utf-8"),
    (None, UTF8.encode(), "undeclared_utf8", "utf-8"),
    (LATIN1_DEFAULT, UTF8.encode(), "declared_but_utf8", "utf-8"),
    ("text/html; charset=windows-1251", UTF8.encode(), "declared_but_utf8", "utf-8"),
    (None, b"<html><body><p>plain ASCII</p></body></html>", "undeclared_utf8", "utf-8"),
    (LATIN1_DEFAULT, b"<html><body><p>plain ASCII</p></body></html>", "declared", "cp1252"),
    (None, b"\xef\xbb\xbf" + UTF8.encode(), "bom", "utf-8"),
    ("text/html; charset=iso-8859-1", b"\xff\xfe" + UTF8.encode("utf-16-le"), "bom",
     "utf-16-le"),
    # A UTF-8 page with one stray cp1252 byte is still UTF-8.
    ("text/html; charset=utf-8", UTF8.encode().replace(b"reopened", b"reopened \x96 now"),
     "declared", "utf-8"),
    (None, UTF8.encode().replace(b"reopened", b"reopened \x96 now"), "undeclared_utf8",
     "utf-8"),
])
def test_decision_table(content_type, body, reason, name):
    text, charset = decode_html(body, content_type)
    assert (charset.reason, charset) == (reason, name)
    assert "\ufffd" not in text.replace("reopened \ufffd now", "") and "Ã" not in text


def test_declared_utf8_pages_never_reach_the_detector(monkeypatch):
    """The common path pays one UTF-8 decode: the detector is not even imported."""
    def no_detector(*args, **kwargs):
        raise AssertionError("the detector was asked about a UTF-8 page")

    monkeypatch.setattr(charset_module, "_readings", no_detector)
    for content_type in ("text/html; charset=utf-8", None, LATIN1_DEFAULT):
        decode_html(UTF8.encode(), content_type)
    decode_html(UTF8.encode().replace(b"<head>", b'<head><meta charset="utf-8">'), None)


def test_the_charset_travels_as_a_string_with_its_reason(tmp_path: Path):
    root, charset = load_document(fixture("ko-euc-kr.html"), "text/html")
    assert "24시간" in root.text_content()
    assert json.dumps({"encoding": charset}) == '{"encoding": "cp949"}'
    copy = pickle.loads(pickle.dumps(charset))  # to and from cleaning worker processes
    assert isinstance(copy, Charset) and copy == "cp949"
    assert (copy.reason, copy.detail) == (charset.reason, charset.detail)
    text, charset = decode_html("already text")
    assert charset.reason == CharsetReason.TEXT
