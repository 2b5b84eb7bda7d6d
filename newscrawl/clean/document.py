"""Decoding and parsing: bytes in, one lxml tree out. Every other module works on that tree."""

from __future__ import annotations

import json
import re
from functools import lru_cache

from lxml import etree
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlElementClassLookup,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    document_fromstring,
)

from .charset import Charset, decode_html

__all__ = ["MAX_DEPTH", "Charset", "NotHTML", "decode_html", "limit_depth", "load_document",
           "parse_html", "parse_nested_html", "read_document", "sniff_non_html"]

# huge_tree lifts libxml2's 256-level depth limit, past which it silently drops content.
_PARSER = HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True, collect_ids=False)


def _class_lookup() -> etree.ElementNamespaceClassLookup:
    """lxml.html's element classes (FormElement for <form>, InputElement for <input>...,
    HtmlElement for the rest) chosen by lxml's own C lookup: lxml.html's lookup is a Python
    method called for every element the code touches, twice a page for the working copy
    (~0.2 ms a page)."""
    lookup = etree.ElementNamespaceClassLookup(etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction,
        entity=HtmlEntity))
    tags = lookup.get_namespace(None)
    for tag, cls in HtmlElementClassLookup._default_element_classes.items():
        tags[tag] = cls
    return lookup


_PARSER.set_element_class_lookup(_class_lookup())


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


_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff")  # also the start of the UTF-32 LE BOM
# Every byte but the C0 controls that do not occur in text (tab, LF, FF, CR and ESC do).
_TEXT_BYTES = bytes(b for b in range(256) if b >= 0x20 or b in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))


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
    if body.startswith(_UTF16_32_BOMS):
        return None  # text whose NUL bytes are part of the encoding
    sample = body[:4096]
    if sample and sample.count(b"\x00") > len(sample) // 100:
        return "binary data"
    # Random bytes are ~10% C0 control characters; text, even mis-declared, has next to none.
    if sample and len(sample.translate(None, _TEXT_BYTES)) > len(sample) // 50:
        return "binary data"
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]+")
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F])


def _may_have_control(text: str) -> bool:
    """Cheap pre-check for _CONTROL: a regex character class over a whole page costs more
    than parsing it, while encoding and bytes.translate run at memory speed."""
    if "\ufffe" in text or "\uffff" in text:
        return True
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates
        return True
    return len(raw.translate(None, _CONTROL_BYTES)) != len(raw)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def parse_html(text: str) -> HtmlElement:
    """Parse decoded HTML into a tree. Raises NotHTML for input with no markup at all."""
    return parse_nested_html(text)[0]


def parse_nested_html(text: str) -> tuple[HtmlElement, bool]:
    """parse_html, and whether the page was nested too deep for the parser and so parsed
    again with its wrapper tags collapsed or dropped (its tree is flattened)."""
    # lxml refuses str input that carries an encoding declaration.
    text = _XML_DECL.sub("", text, count=1)
    # Control characters (and lone surrogates) parse, but any stage that copies such text
    # into the tree makes lxml raise: they are noise in HTML anyway.
    if _may_have_control(text):
        text = _CONTROL.sub("", text)
    if not text.strip():
        raise NotHTML("empty document")
    root = _parse(text)
    # libxml2 drops whatever is nested deeper than ~2048 levels, huge_tree or not: parse
    # again with runs of wrapper tags collapsed, then, if need be, without wrapper tags.
    simplified = False
    for simplify in (_collapse_wrapper_runs, _drop_wrapper_tags, _drop_nesting_tags):
        if not _too_deep():
            break
        root = _parse(simplify(text))
        simplified = True
    return root, simplified


def _parse(text: str) -> HtmlElement:
    try:
        root = document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise NotHTML(f"unparseable HTML: {exc}") from exc
    if root is None:
        raise NotHTML("unparseable HTML")
    return root


def _too_deep() -> bool:
    """Whether the last parse hit libxml2's depth limit (and so lost content)."""
    return any(e.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in e.message
               for e in _PARSER.error_log)


_WRAPPERS = r"(?:div|span|section|font|center|b|i|u|em|strong|small|big|a)"
_OPEN_RUN = re.compile(rf"(<{_WRAPPERS}\b[^>]*>)(?:\s*<{_WRAPPERS}\b[^>]*>){{16,}}", re.I)
_CLOSE_RUN = re.compile(rf"(</{_WRAPPERS}\s*>)(?:\s*</{_WRAPPERS}\s*>){{16,}}", re.I)
_WRAPPER_TAG = re.compile(rf"</?{_WRAPPERS}\b[^>]*>", re.I)


def _collapse_wrapper_runs(text: str) -> str:
    return _CLOSE_RUN.sub(r"\1", _OPEN_RUN.sub(r"\1", text))


def _drop_wrapper_tags(text: str) -> str:
    return _WRAPPER_TAG.sub("", text)


# Last resort: keep only tags that cannot nest in themselves (and the document's skeleton).
_NESTING_TAG = re.compile(
    r"</?(?!(?:html|head|body|title|meta|link|p|h[1-6]|br|script|style)\b)[a-z][^>]*>", re.I)


def _drop_nesting_tags(text: str) -> str:
    return _NESTING_TAG.sub("", text)


MAX_DEPTH = 200  # element nesting kept: the cleaning stages walk the tree recursively


def _depths(root: HtmlElement):
    stack = [(root, 0)]
    while stack:
        el, depth = stack.pop()
        yield el, depth
        stack.extend((child, depth + 1) for child in el)


@lru_cache(maxsize=4)
def _deeper_than(max_depth: int) -> etree.XPath:
    """Whether any node but text sits below `max_depth` levels of elements: one libxml2 path
    walk instead of a Python generator over every element."""
    return etree.XPath("boolean(" + "*/" * max_depth + "node()[not(self::text())])")


def limit_depth(root: HtmlElement, max_depth: int = MAX_DEPTH) -> bool:
    """Flatten nesting deeper than max_depth, keeping the text; True when the tree changed.

    Deep nesting is mostly wrappers (a div holding only a div): those are unwrapped first.
    What is still too deep is collapsed into its ancestor at max_depth, as plain text.
    """
    if not _deeper_than(max_depth)(root):
        return False
    for el, depth in list(_depths(root)):
        if (depth > max_depth // 2 and len(el) == 1 and not (el.text or "").strip()
                and not (el[0].tail or "").strip() and isinstance(el.tag, str)):
            el.drop_tag()
    for el, depth in list(_depths(root)):
        if depth == max_depth and len(el):
            text = el.text_content()
            for child in list(el):
                el.remove(child)
            el.text = text
    return True


def load_document(body: bytes | str,
                  content_type: str | None = None) -> tuple[HtmlElement, Charset]:
    """Bytes (or text) to tree, with the encoding used (and why: Charset.reason)."""
    root, encoding, _ = read_document(body, content_type)
    return root, encoding


def read_document(body: bytes | str,
                  content_type: str | None = None) -> tuple[HtmlElement, Charset, bool]:
    """load_document, and whether the page was nested too deep for the parser and so
    flattened (parse_nested_html)."""
    if isinstance(body, bytes):
        kind = sniff_non_html(body)
        if kind:
            raise NotHTML(f"body is a {kind}, not HTML")
    text, encoding = decode_html(body, content_type)
    root, flattened = parse_nested_html(text)
    return root, encoding, flattened
