"""The article's authors: people, in the order the page credits them.

Sources, in order: JSON-LD `author` (Person objects, @id references into the page's graph,
givenName + familyName), author <meta> tags, then the visible byline (rel=author links,
itemprop=author, author/byline-classed elements, links to author pages). The publisher
named as author (`"author": {"name": "Lesotho Times"}`, `<meta name=author content=LTO>`) is
not a person: the next source is asked. Only when no source names a person does the outlet
stand, since then it is the page's own credit ("ORF.at").
"""

from __future__ import annotations

import html
import re
from typing import Any

from lxml.html import HtmlElement

from .headline import site_names, words
from .lexicon import words as words_of
from .lexicon.patterns import alternation
from .page import Page
from .render import normalize_space

ORG_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "brand",
                       "localbusiness", "website", "collegeoruniversity", "governmentorganization"})
META_KEYS = ("author", "article:author", "dc.creator", "dcterms.creator", "byl",
             "sailthru.author", "parsely-author", "citation_author")
MAX_NAME_WORDS = 5
MAX_NAME_CHARS = 60

# The word opening a byline ("By", "Von", "Par", "Autor:"), from the lexicon. A prefix of
# two letters ("di", "av") is taken only before two more words: "Di Maria" is a name.
_PREFIXES = words_of("byline_prefixes")
_BYLINE_PREFIX = re.compile(
    r"^(?:" + alternation(w for w in _PREFIXES if len(w) > 2) + r")\s*[:：]?(?:\s+|$)"
    r"|^(?:" + alternation(w for w in _PREFIXES if len(w) <= 2) + r")\s*[:：]?\s+(?=\S+\s+\S)",
    re.I,
)
# Name separators; joiners of one or two letters only in lower case ("E. Nurdin" is a name,
# "Juan y Ana" two).
_JOINERS = words_of("author_joiners")
_SPLIT = re.compile(
    r"\s*(?:,|;|/|／|\||&|·|•|\b(?i:" + alternation(w for w in _JOINERS if len(w) > 2) + r")\b"
    r"|\b(?:" + alternation(w for w in _JOINERS if len(w) <= 2) + r")\b(?!\.)|、|・)\s*"
)
# Words never in a person's name (function words, job titles, interface text).
_NOT_NAMES = frozenset(words_of("not_names"))
# A one-word label before a name ("Redaktion: Jane Doe", "Text: John Roe").
_LABEL = re.compile(r"^[^\W\d]+\s*[:：]\s+(?=\S)")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
MAX_CJK_NAME_CHARS = 10  # CJK names are a few characters (with a title: "선수민 기자")
# What follows a name in a byline: "Jane Doe For The Mail On Sunday", "… am 21. April".
_BYLINE_TAIL = re.compile(r"\s+(?:for|für|pour|para|per|am|le|on|le)\s+.*$|\s+\d.*$", re.I)
# A photo credit in an author-classed element is no byline.
_PHOTO_CREDIT = re.compile(r"^(?:photo|foto|фото|bild|image|credit|crédit)s?\s*[:=]", re.I)
_PARTICLES = frozenset("von van der den de da di del della du la le dos das bin al el ibn ter ten "
                       "zu und y mc mac o".split())
# A class name that says "author" or "byline" as a whole token or its head ("author-name",
# "byline__author", "authorname"), not "authority" or "coauthoring-tools".
_AUTHOR_CLASS = re.compile(
    r"(?:^|[\s_-])(?:author|byline|autor|auteur|autore)(?:s|en|name|[-_]+(?:name|link|info|"
    r"names))?(?=$|[\s_-])", re.I)
_NOT_BYLINE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:comments?|avatar|image|img|photo|bio|description|related|teaser|social|"
    r"follow|newsletter)(?:$|[\s_-])", re.I)
_AUTHOR_HREF = re.compile(r"/(?:authors?|autor(?:en)?|auteurs?|autore|journalist(?:en)?|"
                          r"redakteur(?:e|in)?|reporters?|writers?|staff|profil(?:e)?/[^/]*author)"
                          r"(?:/|$|\?|\.|-)", re.I)
_SKIP_ANCESTORS = frozenset({"aside", "nav", "script", "template", "noscript", "button"})


def _by_id(page: Page) -> dict[str, dict[str, Any]]:
    sd = page.structured
    return {o["@id"]: o for o in (sd.objects if sd else []) if isinstance(o.get("@id"), str)}


def _person_name(obj: dict[str, Any]) -> str | None:
    name = obj.get("name")
    if isinstance(name, list):
        name = next((n for n in name if isinstance(n, str)), None)
    if isinstance(name, str) and normalize_space(name):
        return normalize_space(name)
    given, family = obj.get("givenName"), obj.get("familyName")
    parts = [p for p in (given, family) if isinstance(p, str) and p.strip()]
    return normalize_space(" ".join(parts)) or None


def _ld_authors(value: Any, ids: dict[str, dict[str, Any]]) -> list[tuple[str, bool]]:
    """The names a JSON-LD author value credits, in order, each with whether it is typed as
    an organisation."""
    out: list[tuple[str, bool]] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, list):  # nested lists occur: [{...}, [{...}]]
            out.extend(_ld_authors(item, ids))
            continue
        if isinstance(item, dict) and "@id" in item and len(item) <= 2 and item["@id"] in ids:
            item = ids[item["@id"]]  # a reference into the page's graph (Yoast)
        if isinstance(item, str):
            out.extend((n, False) for n in split_names(item))
        elif isinstance(item, dict):
            name = _person_name(item)
            if not name:
                continue
            types = item.get("@type") or []
            types = {t.lower() for t in ([types] if isinstance(types, str) else types)
                     if isinstance(t, str)}
            out.extend((n, bool(types & ORG_TYPES)) for n in split_names(name))
    return out


def split_names(text: str) -> list[str]:
    """'By Jane Doe and John Roe' -> ['Jane Doe', 'John Roe']."""
    text = normalize_space(html.unescape(text))
    if not text or text.lower().startswith(("http://", "https://", "www.")):
        return []
    if _PHOTO_CREDIT.match(text):
        return []
    text = _BYLINE_PREFIX.sub("", text)
    out = []
    for i, part in enumerate(_SPLIT.split(text)):
        part = _BYLINE_TAIL.sub("", _BYLINE_PREFIX.sub("", part.strip(" .:-–—[]")))
        if part.count("(") != part.count(")"):
            part = part.strip("()")
        part = _without_role(_LABEL.sub("", part).strip(" .:-–—~"), after_name=i > 0)
        if part and part.lower() not in _PREFIXES and not _BYLINE_PREFIX.fullmatch(part + " "):
            out.append(part)
    return out


def _without_role(name: str, after_name: bool = False) -> str:
    """'Christoph Hein Chefredakteur' -> 'Christoph Hein'; a title alone ('Kolumnist'), or
    after a name ('Gary Graves, AP Sports Writer'), is no name: ''. A credit that is no
    person's name stays as written ('Guardian staff reporter')."""
    tokens = name.split()
    while tokens and tokens[-1].lower().strip(".,:") in _NOT_NAMES:
        tokens.pop()
    if not tokens or (after_name and len(tokens) < len(name.split())):
        return ""
    rest = " ".join(tokens)
    if rest == name or (len(tokens) >= FALLBACK_NAME_WORDS and looks_like_name(rest)):
        return rest
    return name


def looks_like_name(text: str) -> bool:
    """A person's name: a few capitalized words (particles allowed), no digits, no address;
    in scripts without case, a short run of text."""
    if not text or len(text) > MAX_NAME_CHARS or "@" in text or any(c.isdigit() for c in text):
        return False
    tokens = text.split()
    if not tokens or len(tokens) > MAX_NAME_WORDS:
        return False
    if any(t.lower().strip(".,") in _NOT_NAMES or t.endswith((":", "：")) for t in tokens):
        return False
    if _CJK.search(text) and len(text.replace(" ", "")) > MAX_CJK_NAME_CHARS:
        return False
    if len(tokens) == 1:  # a mononym or a blogger's handle ("gizzmo")
        return len(text) >= 2 and all(c.isalpha() or c in "-'._" for c in text)
    cased = [t for t in tokens if t[0].isalpha() and (t[0].isupper() or t[0].islower())]
    if not cased:  # CJK, Arabic, Thai...: no case to check
        return len(text) <= 30
    return all(t[0].isupper() or t.lower() in _PARTICLES or not t[0].isalpha() for t in tokens)


def is_outlet(name: str, names: set[str]) -> bool:
    """The site or publisher named as author ("Krautreporter", "LTO", "Lesotho Times")."""
    key = words(name)
    if not key:
        return True
    compact = key.replace(" ", "")
    for site in names:
        flat = site.replace(" ", "")
        if compact == flat or (len(flat) >= 3 and flat in compact.split()) or (
            len(compact) >= 3 and compact == flat.split(".")[0]
        ):
            return True
    return any(tok in {n.replace(" ", "") for n in names} for tok in key.split() if len(tok) >= 3)


_COMMENTS = re.compile(r"(?:^|[\s_-])comments?(?:$|[\s_-])|disqus", re.I)
NEAR_ANCESTORS = 4  # levels above a byline candidate whose class can disqualify it


def _skipped(el: HtmlElement) -> bool:
    """Inside the comments, the footer, navigation or an aside, a photo's caption (its
    "byline" is the photographer), or close under a block that is an image, a bio or a
    teaser (a whole-page wrapper's class does not count)."""
    ancestors = list(el.iterancestors())
    in_article = any(a.tag == "article" for a in ancestors)
    for depth, a in enumerate(ancestors):
        if a.tag in _SKIP_ANCESTORS or (a.tag == "footer" and not in_article):
            return True  # an article's own <footer> holds its byline (WordPress entry-meta)
        if a.tag in ("figure", "figcaption"):
            return True
        cls = f"{a.get('class') or ''} {a.get('id') or ''}"
        if _COMMENTS.search(cls):
            return True
        if depth < NEAR_ANCESTORS and _NOT_BYLINE_CLASS.search(cls) and not _AUTHOR_CLASS.search(
            cls
        ):
            return True
    return False


_TEXT_BYLINE_TAGS = frozenset({"p", "div", "span", "li"})
MAX_TEXT_BYLINE_CHARS = 150  # a byline without markup is a line, not a paragraph
MAX_TEXT_BYLINE_NAMES = 4


def _prefixed_byline(el: HtmlElement) -> bool:
    """A short line opening with a byline word ("Von: Bill McCarthy, Marisha Goldhamer")
    whose every part is a name of at least two words: a byline without an author marker."""
    opening = el.text if (el.text or "").strip() or not len(el) else el[0].text
    if not _BYLINE_PREFIX.match((opening or "").lstrip()):
        return False  # cheap test first: the line's own first words
    text = normalize_space(el.text_content())
    if len(text) > MAX_TEXT_BYLINE_CHARS or not _BYLINE_PREFIX.match(text):
        return False
    names = split_names(text)
    return 0 < len(names) <= MAX_TEXT_BYLINE_NAMES and all(
        looks_like_name(n) and len(n.split()) >= FALLBACK_NAME_WORDS for n in names
    )


def _text_without_dates(el: HtmlElement) -> str:
    """The byline's text without its <time> ("By Jane Doe <time>Nov. 18, 2019</time>")."""
    if next(el.iter("time"), None) is None:
        return normalize_space(el.text_content())
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag != "time":
            parts.append(_text_without_dates(child))
        parts.append(child.tail or "")
    return normalize_space(" ".join(parts))


def _byline_texts(root: HtmlElement) -> list[list[str]]:
    """Texts of the visible byline candidates, in document order; a candidate whose children
    each hold one name gives them one by one."""
    found: list[list[str]] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        hit = False
        rel = (el.get("rel") or "").lower().split()
        if "author" in rel or (el.get("itemprop") or "").lower() == "author":
            hit = True
        elif el.tag == "a" and _AUTHOR_HREF.search(el.get("href") or ""):
            hit = True
        else:
            cls = f"{el.get('class') or ''} {el.get('id') or ''}"
            hit = bool(_AUTHOR_CLASS.search(cls)) and not _NOT_BYLINE_CLASS.search(cls)
        if not hit and el.tag in _TEXT_BYLINE_TAGS:
            hit = _prefixed_byline(el)
        if not hit or _skipped(el):
            continue
        text = _text_without_dates(el)
        if not text or len(text) > 200:
            continue
        kids = [normalize_space(c.text_content()) for c in el if isinstance(c.tag, str)]
        kids = [k for k in kids if k]
        if len(kids) >= 2 and all(looks_like_name(k) for k in kids):
            found.append(kids)
        else:
            found.append([text])
    return found


def _names(candidates: list[str]) -> list[str]:
    return list(dict.fromkeys(p for name in candidates for p in split_names(name)))


def _has_person(names: list[str], outlets: set[str], min_words: int = 1) -> bool:
    """Does the list name a person? With min_words > 1, only a name of that many words in a
    cased script counts (a fallback must be sure: "Frankfurt", "Autoren" are not bylines)."""
    for n in names:
        if not looks_like_name(n) or is_outlet(n, outlets):
            continue
        if min_words == 1 or (n[0].isupper() and len(n.split()) >= min_words):
            return True
    return False


FALLBACK_NAME_WORDS = 2  # words a name needs to overrule a source that credits the outlet


def read_authors(page: Page) -> None:
    sd = page.structured
    art = (sd.article() if sd else None) or {}
    outlets = site_names(page)
    credited: list[tuple[str, list[str]]] = []  # sources that credit only the outlet
    need = 1  # words a name needs; more once a source credited the outlet

    if art.get("author"):
        named = _ld_authors(art.get("author"), _by_id(page))
        names = list(dict.fromkeys(n for n, _ in named))
        people = [n for n, org in named if not org]
        if _has_person(people, outlets):
            page.set("authors", names, "jsonld")
            return
        if names:
            credited.append(("jsonld", names))
            need = FALLBACK_NAME_WORDS
    for key in META_KEYS:
        values = [v for v in (sd.meta_all.get(key) or [] if sd else []) if "://" not in v]
        names = _names(values)
        if _has_person(names, outlets, need):
            page.set("authors", names, f"meta:{key}")
            return
        if names:
            credited.append((f"meta:{key}", names))
            need = FALLBACK_NAME_WORDS
    for texts in _byline_texts(page.root):
        # To overrule the outlet's credit a visible name needs two words: "Autoren",
        # "Agenturen" or a city in an author-classed box are not bylines.
        names = [n for n in _names(texts) if looks_like_name(n)]
        if _has_person(names, outlets, need):
            page.set("authors", names, "byline")
            return
    for source, names in credited:
        page.set("authors", names, source)
        return


BODY_BYLINE_OPENING = 3  # paragraphs at the start of the body where a bold byline may stand
BODY_BYLINE_CLOSING = 2  # ... and at its end (Vietnamese and Indonesian sites sign there)


def read_body_byline(page: Page) -> None:
    """A byline written as a bold paragraph of the story ("<p><strong>Jane Doe/John
    Roe</strong></p>" under the lead, or the signature at the end): taken when no other
    source named a person, and removed from the body."""
    if page.body is None or _has_person(page.fields.get("authors") or [], site_names(page)):
        return
    paragraphs = [p for p in page.body.iter("p") if normalize_space(p.text_content())]
    ends = paragraphs[:BODY_BYLINE_OPENING] + paragraphs[-BODY_BYLINE_CLOSING:]
    for p in dict.fromkeys(ends):
        names = _bold_names(p)
        # one name alone is a signature only at the end (a bold line under the lead is
        # more often a subheading: "Blaue Plakette")
        if names and (len(names) > 1 or p is paragraphs[-1]):
            page.set("authors", names, "byline:body")
            p.drop_tree()
            return


def _bold_names(p: HtmlElement) -> list[str]:
    """The names a paragraph holds when all its text is bold and every part is a name of
    two words or more."""
    text = normalize_space(p.text_content())
    bold = "".join(normalize_space(b.text_content()) for b in p.iter("strong", "b"))
    if not text or len(text) > MAX_TEXT_BYLINE_CHARS or bold.replace(" ", "") != (
        text.replace(" ", "")
    ) or text.isupper():  # a bold line in capitals is a heading
        return []
    names = split_names(text)
    if not 0 < len(names) <= MAX_TEXT_BYLINE_NAMES or not all(
        looks_like_name(n) and len(n.split()) >= FALLBACK_NAME_WORDS for n in names
    ):
        return []
    return names
