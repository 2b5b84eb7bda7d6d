"""Markdown of the archive's two kinds of text, without an HTML parser: plain text
(paragraphs separated by blank lines) and the minimal HTML that clean/render.py writes
(`<p>`, `<h2>`-`<h4>`, `<pre>`, `<ul>`/`<ol>` of `<li>`, `<blockquote>` of `<p>`, one
element or tag per line, text HTML-escaped).

markdownify (BeautifulSoup, then a Python pass per node) costs ~1.4 ms an article, a tenth
of a crawl's CPU for what is a string-formatting job on this input. The rules below are
markdownify's for these elements, with the options the archive uses (ATX headings, "-"
bullets, every Markdown syntax character escaped): the same escaping, whitespace handling,
separators and numbering, so the output is the same (tests/test_markdown_text.py compares
both on generated texts and every fixture article). Anything else — other tags, attributes,
control characters — returns None and the caller uses markdownify.
"""

from __future__ import annotations

import html
import re

# markdownify's whitespace and escaping (markdownify/__init__.py, escape_misc=True,
# escape_asterisks=True, escape_underscores=True)
_NEWLINE_SPACE = re.compile(r"[\t \r\n]*[\r\n][\t \r\n]*")
_SPACE = re.compile(r"[\t ]+")
_ALL_SPACE = re.compile(r"[\t \r\n]+")
_MISC = re.compile(r"([]\\&<`[>~=+|])")
_DASHES = re.compile(r"(\s|^)(-+(?:\s|$))")
_HASHES = re.compile(r"(\s|^)(#{1,6}(?:\s|$))")
_LIST_MARK = re.compile(r"((?:\s|^)[0-9]{1,9})([.)](?:\s|$))")
# Where _LIST_MARK can match: a digit run and its "." or ")" (see _escape_list_marks).
_LIST_CANDIDATE = re.compile(r"[0-9]+[.)]")
_EDGES = re.compile(r"^(\n*)((?:.*[^\n])?)(\n*)$", re.DOTALL)
_PRE_START = re.compile(r"^[ \n]*\n")
_PRE_END = re.compile(r"[ \n]*$")
# C0 controls other than tab and newline: the HTML parser treats some of them its own way
_UNSUPPORTED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

_LINE = re.compile(r"<(p|h[234]|pre|li)>([^<>]*)</\1>|<(/?)(ul|ol|blockquote)>")


def _escape(text: str) -> str:
    # Each substitution runs only when its character is there (a substring test is far
    # cheaper than a regex pass, and most paragraphs have no "#" or "-" run).
    if not text:
        return ""
    if _MISC.search(text):
        text = _MISC.sub(r"\\\1", text)
    if "-" in text:
        text = _DASHES.sub(r"\1\\\2", text)
    if "#" in text:
        text = _HASHES.sub(r"\1\\\2", text)
    if "." in text or ")" in text:
        text = _escape_list_marks(text)
    return text.replace("*", r"\*").replace("_", r"\_")


def _escape_list_marks(text: str) -> str:
    """What substituting _LIST_MARK gives: a backslash before the "." or ")" of 1-9 digits
    that stand at the start or after a space and before a space or the end. The pattern,
    led by an alternation, is tried at every position (~7 µs a paragraph); this looks only
    at digit runs. Like the substitution, a match consumes the space after its mark: that
    space does not open the next one ("1. 2. x" escapes "1." only)."""
    out: list[str] = []
    start = taken = 0  # copied up to; the end of the last match
    for found in _LIST_CANDIDATE.finditer(text):
        digits, end = found.start(), found.end()  # end: after the mark
        if end - 1 - digits > 9:
            continue
        if digits and (digits - 1 < taken or not text[digits - 1].isspace()):
            continue  # a str pattern's \s is str.isspace
        if end < len(text) and not text[end].isspace():
            continue
        out += (text[start:end - 1], "\\")
        start = end - 1
        taken = end + 1 if end < len(text) else end
    if not out:
        return text
    out.append(text[start:])
    return "".join(out)


def _inline(text: str) -> str:
    """The only text of a block element, as markdownify leaves it."""
    if "\n" in text or "\r" in text:
        text = _NEWLINE_SPACE.sub("\n", text)
    if "\t" in text or "  " in text:
        text = _SPACE.sub(" ", text)
    return _escape(text).lstrip(" \t\r\n").rstrip()


def _paragraph(text: str) -> str:
    text = _inline(text).strip(" \t\r\n")
    return f"\n\n{text}\n\n" if text else ""


def _join(parts: list[str]) -> str:
    """Blocks joined as markdownify joins them: the newlines between two blocks are the
    larger of the two sides' runs, at most two."""
    out = [""]
    for part in parts:
        if not part:
            continue
        match = _EDGES.match(part)
        assert match is not None  # the pattern matches every string
        lead, content, trail = match.groups()
        if out[-1] and lead:
            lead = "\n" * min(2, max(len(out.pop()), len(lead)))
        out += [lead, content, trail]
    return "".join(out)


def _document(parts: list[str]) -> str:
    return _join(parts).strip("\n").strip()


def paragraphs_markdown(text: str) -> str | None:
    """Plain text, paragraphs separated by blank lines, as escaped Markdown; None when the
    text holds characters left to markdownify."""
    if _UNSUPPORTED.search(text):
        return None
    return _document([_paragraph(p) for p in text.split("\n\n")])


def body_markdown(fragment: str) -> str | None:
    """The body's minimal HTML (render.blocks_to_html) as Markdown; None for any other
    HTML."""
    if _UNSUPPORTED.search(fragment):
        return None
    parts: list[str] = []
    group: str | None = None  # the open ul/ol/blockquote
    items: list[str] = []
    for line in fragment.split("\n"):
        match = _LINE.fullmatch(line)
        if match is None:
            return None
        tag, text, closing, wrapper = match.groups()
        if wrapper:
            if not closing:
                if group is not None:
                    return None
                group, items = wrapper, []
                continue
            if group != wrapper:
                return None
            parts.append(_wrapper(wrapper, items))
            group = None
            continue
        text = html.unescape(text)
        if group in ("ul", "ol"):
            if tag != "li":
                return None
            items.append(text)
        elif group == "blockquote":
            if tag != "p":
                return None
            items.append(text)
        elif tag == "p":
            parts.append(_paragraph(text))
        elif tag == "pre":
            parts.append(f"\n\n```\n{_PRE_END.sub('', _PRE_START.sub('', text))}\n```\n\n"
                         if text else "")
        elif tag in ("h2", "h3", "h4"):
            heading = _ALL_SPACE.sub(" ", _inline(text).strip())
            parts.append(f"\n\n{'#' * int(tag[1])} {heading}\n\n")
        else:
            return None  # a list item outside a list
    if group is not None:
        return None
    return _document(_with_list_ends(parts))


def _wrapper(kind: str, items: list[str]) -> str:
    if kind == "blockquote":
        text = _join([_paragraph(p) for p in items]).strip(" \t\r\n")
        if not text:
            return "\n"
        return "\n" + "\n".join(f"> {line}" if line else ">" for line in text.split("\n")) \
            + "\n\n"
    lines = []
    for n, item in enumerate(items, 1):
        text = _inline(item).strip()
        if not text:
            lines.append("\n")
            continue
        bullet = f"{n}. " if kind == "ol" else "- "
        indent = " " * len(bullet)  # lines after the first line up under the text
        text = "\n".join(indent + line if line else "" for line in text.split("\n"))
        lines.append(bullet + text[len(bullet):] + "\n")
    return _LIST + _join(lines)


# A list's text starts with this marker until _with_list_ends knows what follows it:
# markdownify ends a list with one more newline when a non-list block comes next.
_LIST = "\x00list\x00"


def _with_list_ends(parts: list[str]) -> list[str]:
    out = []
    for i, part in enumerate(parts):
        if part.startswith(_LIST):
            body = part[len(_LIST):]
            nxt = parts[i + 1] if i + 1 < len(parts) else None
            before_block = nxt is not None and not nxt.startswith(_LIST)
            part = "\n\n" + body + ("\n" if before_block else "")
        out.append(part)
    return out
