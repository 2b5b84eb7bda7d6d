"""Which charset a page's bytes are in, and why: `decode_html(body, content_type)`.

1. A byte-order mark decides.
2. Bytes that are valid UTF-8 are UTF-8, whatever is declared: legacy text is practically
   never valid UTF-8, and most of the web is UTF-8. The common case costs one decode.
3. Otherwise the declarations that fit the bytes are used, HTTP's first. Servers lie more
   than pages (a default charset for every file), so a page's declaration that fits beats
   an HTTP one that does not; when both fit, the less garbled reading wins.
4. With no declaration, or none that fits, the charset is detected from the page's text
   (charset-normalizer: a maintained detector, scoring how garbled each reading is, among
   the legacy encodings still in use on the web). The detector tells scripts apart well
   (Latin, Cyrillic, Greek, CJK...) but not the Latin code pages from each other, so among
   those the page's language decides (<html lang>, with the HTML standard's table of the
   usual legacy encoding per language), else cp1252, the web's commonest legacy encoding,
   unless another reads clearly better. A multi-byte (CJK) reading must be mostly CJK
   text: a few accented letters in an English page also decode as a few kanji.
5. A lone single-byte declaration fits any bytes, so a reading the detector finds far
   less garbled replaces it: a multi-byte one (an EUC-KR page under a server's default
   latin-1), or a single-byte one when the declared reading is garbage (Cyrillic, or
   Polish, read as Latin-1); a Latin code page that reads the text nearly as well as
   another (cp1252 and cp1254 differ in six letters) is never overruled.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from enum import StrEnum

from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    to_unicode,
)


class CharsetReason(StrEnum):
    """How a page's charset was chosen (stable codes: stats keys, log lines)."""

    TEXT = "text"  # the input was text already
    BOM = "bom"  # a byte-order mark
    DECLARED = "declared"  # HTTP's charset, else the page's own; the bytes fit it
    UNDECLARED_UTF8 = "undeclared_utf8"  # nothing declared; the bytes are UTF-8 (or ASCII)
    UNDECLARED_DETECTED = "undeclared_detected"  # nothing declared; detected from the bytes
    UNDECLARED_FALLBACK = "undeclared_fallback"  # nothing declared, nothing detected: cp1252
    DECLARED_BUT_UTF8 = "declared_but_utf8"  # a legacy charset declared; the bytes are UTF-8
    HTTP_CONTRADICTED = "http_contradicted"  # HTTP's charset does not fit; the page's does
    DECLARED_BUT_DETECTED = "declared_but_detected"  # no declaration fits; detected instead
    DECLARED_WITH_ERRORS = "declared_with_errors"  # nothing fits, nothing detected


class Charset(str):
    """An encoding's name (what Page.encoding and the item's metadata.encoding hold) that
    also carries why it was chosen, so that the crawl can log and count the decision."""

    reason: CharsetReason
    detail: str

    def __new__(cls, name: str, reason: CharsetReason, detail: str = "") -> Charset:
        charset = super().__new__(cls, name)
        charset.reason = reason
        charset.detail = detail
        return charset

    def __reduce__(self) -> tuple:  # pickled to and from the cleaning worker processes
        return (Charset, (str(self), self.reason, self.detail))


# The legacy encodings pages are still written in (W3Techs' survey of character encodings
# on the web): the detector's only candidates. The rarer ISO-8859 parts (3, 4, 10, 14, 16)
# and the Mac and EBCDIC code pages it also knows would win ties on text never written in
# them. On a tie the one listed first wins.
WEB_LEGACY_ENCODINGS = (
    "cp1252", "iso8859_15", "cp1251", "koi8_r", "iso8859_5", "iso8859_2", "cp1250",
    "cp1253", "iso8859_7", "cp1254", "cp1255", "iso8859_8", "cp1256", "cp1257",
    "iso8859_13", "cp874", "cp1258", "cp932", "euc_jp", "cp949", "gb18030", "big5",
)
# Latin-script code pages: the detector cannot tell these apart reliably.
LATIN_ENCODINGS = ("cp1252", "iso8859_15", "iso8859_2", "cp1250", "cp1254", "cp1257",
                   "iso8859_13", "cp1258")
# The usual legacy encoding per language (the HTML standard's "suggested default encoding"
# table, 13.2.3.3); cp1252 for the languages it does not list.
LANGUAGE_ENCODINGS = {
    "ar": "cp1256", "ba": "cp1251", "be": "cp1251", "bg": "cp1251", "cs": "cp1250",
    "el": "iso8859_7", "et": "cp1257", "fa": "cp1256", "he": "cp1255", "hr": "cp1250",
    "hu": "iso8859_2", "ja": "cp932", "kk": "cp1251", "ko": "cp949", "ku": "cp1254",
    "ky": "cp1251", "lt": "cp1257", "lv": "cp1257", "mk": "cp1251", "pl": "iso8859_2",
    "ru": "cp1251", "sah": "cp1251", "sk": "cp1250", "sl": "iso8859_2", "sr": "cp1251",
    "tg": "cp1251", "th": "cp874", "tr": "cp1254", "tt": "cp1251", "uk": "cp1251",
    "vi": "cp1258", "zh": "gb18030", "zh-tw": "big5", "zh-hk": "big5",
}
# A page may be UTF-8 with a few stray bytes (a pasted cp1252 quote, a character cut by a
# CMS): it is still UTF-8 when at most this share of its non-ASCII characters is bad.
UTF8_MAX_BAD_SHARE = 0.05
# The detector reads this much of the page (bytes), markup removed.
DETECT_BYTES = 256 * 1024
# charset-normalizer drops readings whose chunks look more garbled than this ("chaos",
# 0-1); mixed English and Japanese pages score up to ~0.15, its default 0.2 is too tight.
DETECT_MAX_CHAOS = 0.5
# Readings this close in chaos are a tie.
TIE = 0.02
# Another Latin code page must read this much less garbled than the one the page's
# language (or cp1252) suggests to replace it.
LATIN_MARGIN = 0.1
# A reading replaces a declared single-byte charset only when it is plausible itself and
# this much less garbled: a multi-byte one, or another single-byte one (another script).
PLAUSIBLE_CHAOS = 0.1
MULTI_BYTE_GAIN = 0.05
SCRIPT_GAIN = 0.4
# A multi-byte reading's text must be at least this share CJK (and other wide) characters.
MIN_WIDE_SHARE = 0.05

_MULTI_BYTE = {codecs.lookup(e).name for e in (
    "utf-8", "cp932", "shift_jis", "euc_jp", "iso2022_jp", "cp949", "euc_kr", "gb18030",
    "gbk", "gb2312", "big5", "big5hkscs", "cp950", "utf-16", "utf-32")}
_MARKUP = re.compile(rb"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)
_SPACES = re.compile(rb"\s{2,}")
_HTML_LANG = re.compile(rb"<html\b[^>]*?\slang\s*=\s*[\"']?([a-z]{2,3})(?:[-_]([a-z]{2}))?",
                        re.I)
_WIDE = re.compile(r"[\u2e80-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
_NON_SPACE = re.compile(r"\S")


def _codec_name(encoding: str) -> str:
    return codecs.lookup(encoding).name


def _single_byte(encoding: str) -> bool:
    return _codec_name(encoding) not in _MULTI_BYTE


def _mostly_utf8(body: bytes) -> str | None:
    """The text when the bytes are UTF-8 with a few stray bytes: at most one, or
    UTF8_MAX_BAD_SHARE of the valid non-ASCII characters, which outnumber them 3 to 1."""
    text = body.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    valid = len(text) - len(text.encode("ascii", "ignore")) - bad
    return text if valid >= 3 * bad and bad <= max(1, valid * UTF8_MAX_BAD_SHARE) else None


def _fits(body: bytes, encoding: str) -> str | None:
    """The text, when the bytes are text in this encoding (single-byte encodings fit
    nearly anything: only the detector can tell those apart)."""
    if _codec_name(encoding) == "utf-8":
        return _mostly_utf8(body)
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


# -- detection -----------------------------------------------------------------------------


@dataclass
class Reading:
    """The page's text read in one encoding, as charset-normalizer judged it."""

    encoding: str  # codec name
    names: tuple[str, ...]  # every candidate giving the same text, `encoding` first
    chaos: float  # how garbled, 0-1
    coherence: float  # how much it looks like a language, 0-1
    text: str  # the sample, decoded


def _sample(body: bytes) -> bytes:
    """The page's text for the detector: no markup, scripts or styles; cut at a tag so
    that no character is split."""
    if len(body) > DETECT_BYTES:
        cut = body.rfind(b"<", 0, DETECT_BYTES)
        body = body[:cut if cut > 0 else DETECT_BYTES]
    return _SPACES.sub(b" ", _MARKUP.sub(b" ", body))


def _readings(sample: bytes, candidates: tuple[str, ...]) -> list[Reading]:
    """The plausible readings, least garbled first; readings giving the same text go under
    the first candidate that gives it. Multi-byte readings that are not mostly CJK text
    are left out."""
    from charset_normalizer import from_bytes  # imported on the few pages that need it

    order: dict[str, int] = {}
    for i, candidate in enumerate(candidates):
        order.setdefault(_codec_name(candidate), i)
    found = []
    for match in from_bytes(sample, cp_isolation=list(candidates), threshold=DETECT_MAX_CHAOS):
        names = sorted((n for n in map(_codec_name, match.could_be_from_charset) if n in order),
                       key=order.__getitem__)
        if not names:
            continue
        text = str(match)
        if not _single_byte(names[0]) and _wide_share(text) < MIN_WIDE_SHARE:
            continue
        found.append(Reading(names[0], tuple(names), match.chaos, match.coherence, text))
    found.sort(key=lambda r: (round(r.chaos / TIE), -r.coherence, order[r.encoding]))
    return found


def _wide_share(text: str) -> float:
    return len(_WIDE.findall(text)) / max(1, len(_NON_SPACE.findall(text)))


def page_language(body: bytes) -> str | None:
    """The language the page declares on its <html> element ("pl", "zh-tw")."""
    match = _HTML_LANG.search(body, 0, 16384)
    if match is None:
        return None
    lang = match.group(1).decode("ascii").lower()
    region = (match.group(2) or b"").decode("ascii").lower()
    return f"{lang}-{region}" if f"{lang}-{region}" in LANGUAGE_ENCODINGS else lang


def _choose(readings: list[Reading], language: str | None) -> str:
    best = readings[0]
    if best.encoding not in {_codec_name(e) for e in LATIN_ENCODINGS}:
        return best.encoding
    # Latin code pages: the language's usual one, else cp1252, unless another reads
    # clearly better.
    usual = _codec_name(LANGUAGE_ENCODINGS.get(language or "", "cp1252"))
    for reading in readings:
        if usual in reading.names and reading.chaos <= best.chaos + LATIN_MARGIN:
            return usual
    return best.encoding


def detect(body: bytes) -> tuple[str, str] | None:
    """(text, encoding) of the page read by the detector, or None."""
    readings = _readings(_sample(body), WEB_LEGACY_ENCODINGS)
    if not readings:
        return None
    encoding = _choose(readings, page_language(body))
    return body.decode(encoding, "replace"), encoding


def _better_reading(body: bytes, declared: str) -> tuple[str, str] | None:
    """An encoding that reads the bytes clearly better than the single-byte one declared,
    with the text; None when the declaration stands. Clearly: a plausible reading that is
    far less garbled, by MULTI_BYTE_GAIN for a multi-byte one, by SCRIPT_GAIN for another
    single-byte one (the declared reading is then garbage: Cyrillic read as Latin)."""
    readings = _readings(_sample(body), (declared, *WEB_LEGACY_ENCODINGS))
    declared = _codec_name(declared)
    if not readings or declared in readings[0].names:
        return None
    best = readings[0]
    own = next((r.chaos for r in readings if declared in r.names), 1.0)
    gain = SCRIPT_GAIN if _single_byte(best.encoding) else MULTI_BYTE_GAIN
    if best.chaos > PLAUSIBLE_CHAOS or best.chaos + gain > own:
        return None
    try:
        return body.decode(best.encoding), best.encoding
    except UnicodeDecodeError:
        return None


# -- the decision ----------------------------------------------------------------------------


def decode_html(body: bytes | str, content_type: str | None = None) -> tuple[str, Charset]:
    """Return (text, charset): the charset's name, with why it was chosen (Charset.reason,
    Charset.detail). See the module's docstring for the rules."""
    if isinstance(body, str):
        return body, Charset("utf-8", CharsetReason.TEXT)
    bom_encoding, bom = read_bom(body)
    if bom_encoding and bom:
        return (to_unicode(body[len(bom):], bom_encoding),
                Charset(_codec_name(bom_encoding), CharsetReason.BOM, "byte-order mark"))
    http = http_content_type_encoding(content_type)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    # The page's own declaration is read only when HTTP's does not settle it.
    page = html_body_declared_encoding(body) if text is None or http is None else None
    declared = http or page
    said = ", ".join([*([f"HTTP says {http}"] if http else []),
                      *([f"the page says {page}"] if page and page != http else [])])
    if text is not None:
        if declared is None:
            return text, Charset("utf-8", CharsetReason.UNDECLARED_UTF8, "no charset declared")
        if _codec_name(declared) == "utf-8" or body.isascii():
            return text, Charset(_codec_name(declared), CharsetReason.DECLARED, said)
        return text, Charset("utf-8", CharsetReason.DECLARED_BUT_UTF8,
                             f"{said}; the bytes are UTF-8")
    if declared is None:
        return _decode_undeclared(body)
    return _decode_declared(body, http, page, said)


def _decode_undeclared(body: bytes) -> tuple[str, Charset]:
    text = _mostly_utf8(body)
    if text is not None:
        return text, Charset("utf-8", CharsetReason.UNDECLARED_UTF8,
                             "no charset declared; UTF-8 with a few invalid bytes")
    found = detect(body)
    if found is None:
        return body.decode("cp1252", "replace"), Charset(
            "cp1252", CharsetReason.UNDECLARED_FALLBACK, "no charset declared, none detected")
    return found[0], Charset(found[1], CharsetReason.UNDECLARED_DETECTED,
                             f"no charset declared; detected {found[1]}")


def _decode_declared(body: bytes, http: str | None, page: str | None,
                     said: str) -> tuple[str, Charset]:
    declared = [e for e in dict.fromkeys((http, page)) if e]
    fitting = [(e, t) for e in declared if (t := _fits(body, e)) is not None]
    if len(fitting) > 1:  # both fit (single-byte ones): the less garbled reading wins
        readings = _readings(_sample(body), tuple(e for e, _ in fitting))
        if readings and _codec_name(fitting[0][0]) not in readings[0].names:
            fitting.reverse()
    if not fitting:
        found = detect(body)
        if found is None:
            return body.decode(declared[0], "replace"), Charset(
                _codec_name(declared[0]), CharsetReason.DECLARED_WITH_ERRORS,
                f"{said}; the bytes do not fit it, nothing detected")
        return found[0], Charset(found[1], CharsetReason.DECLARED_BUT_DETECTED,
                                 f"{said}; the bytes do not fit; detected {found[1]}")
    encoding, text = fitting[0]
    if _single_byte(encoding) and http != page:
        better = _better_reading(body, encoding)
        if better is not None:
            return better[0], Charset(
                better[1], CharsetReason.DECLARED_BUT_DETECTED,
                f"{said}; detected {better[1]}, which reads far less garbled")
    if encoding == declared[0]:
        return text, Charset(_codec_name(encoding), CharsetReason.DECLARED, said)
    return text, Charset(_codec_name(encoding), CharsetReason.HTTP_CONTRADICTED,
                         f"{said}; the bytes fit {encoding}, not {declared[0]}")
