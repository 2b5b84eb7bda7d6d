"""Decoding and parsing: bytes in, one lxml tree out. Every other module works on that tree."""

from __future__ import annotations

import json
import re

from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring
from w3lib.encoding import html_body_declared_encoding, html_to_unicode, resolve_encoding

# huge_tree lifts libxml2's 256-level depth limit, past which it silently drops content.
_PARSER = HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True, collect_ids=False)

_REPLACEMENT = "\ufffd"
# Typical UTF-8-read-as-cp1252 sequences ("Ã©", "â€™"): a page with many of them was mis-decoded.
_MOJIBAKE = re.compile(r"[ÃÂâ][\u0080-\u00bf€™œ¢žŸ]")


class NotHTML(ValueError):
    """The bytes are not an HTML document (binary, PDF, image, JSON...)."""


_BINARY_SIGNATURES = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"RIFF", "RIFF media"),
)


def sniff_non_html(body: bytes) -> str | None:
    """Name what the body is when it clearly is not HTML, else None."""
    head = body[:512].lstrip()
    for magic, name in _BINARY_SIGNATURES:
        if head.startswith(magic):
            return name
    if head[:1] in (b"{", b"["):
        try:
            json.loads(body)
            return "JSON document"
        except ValueError:
            pass  # HTML that happens to start with a brace; let the parser judge
    sample = body[:4096]
    if sample and sample.count(b"\x00") > len(sample) // 100:
        return "binary data"
    return None


def _bad_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    bad = sample.count(_REPLACEMENT) + 2 * len(_MOJIBAKE.findall(sample))
    return bad / len(sample)


def decode_html(body: bytes | str, content_type: str | None = None) -> tuple[str, str]:
    """Return (text, encoding).

    The HTTP charset wins by the standard, but servers lie: when the result is full of
    replacement characters or mojibake, the page's own declaration (or UTF-8) is tried and
    the cleaner reading kept.
    """
    if isinstance(body, str):
        return body, "utf-8"
    encoding, text = html_to_unicode(content_type, body)
    if _bad_share(text) > 0.001:
        alternatives = []
        declared = html_body_declared_encoding(body)
        if declared:
            alternatives.append(resolve_encoding(declared) or declared)
        alternatives += ["utf-8", "cp1252"]
        best = (_bad_share(text), encoding, text)
        for alt in alternatives:
            if alt == encoding:
                continue
            try:
                candidate = body.decode(alt, errors="replace")
            except LookupError:
                continue
            share = _bad_share(candidate)
            if share < best[0]:
                best = (share, alt, candidate)
        _, encoding, text = best
    return text, encoding


_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def parse_html(text: str) -> HtmlElement:
    """Parse decoded HTML into a tree. Raises NotHTML for input with no markup at all."""
    # lxml refuses str input that carries an encoding declaration.
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        raise NotHTML("empty document")
    try:
        root = document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise NotHTML(f"unparseable HTML: {exc}") from exc
    if root is None:
        raise NotHTML("unparseable HTML")
    return root


def load_document(body: bytes | str, content_type: str | None = None) -> tuple[HtmlElement, str]:
    """Bytes (or text) to tree, with the encoding used."""
    if isinstance(body, bytes):
        kind = sniff_non_html(body)
        if kind:
            raise NotHTML(f"body is a {kind}, not HTML")
    text, encoding = decode_html(body, content_type)
    return parse_html(text), encoding
