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
from functools import lru_cache
from typing import Any

from lxml.html import HtmlElement

from .dates.parse import CORE_LANGS, month_patterns
from .headline import site_names, strip_site_tail, words
from .language import primary
from .lexicon import by_code
from .lexicon import words as words_of
from .lexicon.common import GIVEN_NAMES_AMONG_NOT_NAMES, NEWS_AGENCIES
from .lexicon.patterns import alternation
from .page import Page
from .render import normalize_space

ORG_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "brand",
                       "localbusiness", "website", "collegeoruniversity", "governmentorganization"})
META_KEYS = ("author", "article:author", "dc.creator", "dcterms.creator", "byl",
             "sailthru.author", "parsely-author", "citation_author")
MAX_NAME_WORDS = 5
MAX_NAME_CHARS = 60

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CJK_CLASS = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
MAX_CJK_NAME_CHARS = 10  # CJK names are a few characters (with a title: "선수민 기자")

# The word opening a byline ("By", "Von", "Par", "Autor:", "글", "記者"), from the lexicon. A
# prefix of two letters ("di", "av") is taken only before two more words: "Di Maria" is a
# name. In scripts without spaces a word of two characters may touch the name ("記者王小明");
# one character needs a mark or a space after it ("文/王小明": 文 is also a surname).
_ALL_PREFIXES = words_of("byline_prefixes")
_PREFIXES = tuple(w for w in _ALL_PREFIXES if not _CJK.search(w))
_CJK_PREFIXES = tuple(w for w in _ALL_PREFIXES if _CJK.search(w))
_BYLINE_PREFIX = re.compile(
    r"^(?:" + alternation(w for w in _PREFIXES if len(w) > 2) + r")(?:\s*[:：]\s*|\s+|$)"
    r"|^(?:" + alternation(w for w in _PREFIXES if len(w) <= 2) + r")\s*[:：]?\s+(?=\S+\s+\S)"
    r"|^(?:" + alternation(w for w in _CJK_PREFIXES if len(w) > 1) + r")\s*[:：/／・=]?\s*"
    rf"(?=[{_CJK_CLASS}])"
    r"|^(?:" + alternation(w for w in _CJK_PREFIXES if len(w) == 1) + r")(?:\s*[:：/／・=]\s*|\s+)"
    rf"(?=[{_CJK_CLASS}])",
    re.I,
)
# The cheap first test of a line: does it open with a byline word at all?
_BYLINE_OPENING = re.compile(
    r"^(?:" + alternation(_ALL_PREFIXES) + r")(?:\s*[:：/／・=]|\s|$)"
    r"|^(?:" + alternation(w for w in _CJK_PREFIXES if len(w) > 1) + r")", re.I)
# Name separators; joiners of one or two letters only in lower case ("E. Nurdin" is a name,
# "Juan y Ana" two); a dash between spaces ("Jane Doe - Site").
_JOINERS = words_of("author_joiners")
_SHORT_JOINERS = frozenset(w for w in _JOINERS if len(w) <= 2)
_SPLIT = re.compile(
    r"\s*(,|;|/|／|\||&|·|•|\b(?i:" + alternation(w for w in _JOINERS if len(w) > 2) + r")\b"
    r"|\b(?:" + alternation(_SHORT_JOINERS) + r")\b(?!\.)|、|・|(?<=\s)[-–—](?=\s))\s*"
)
# A label crediting someone else inside a byline ("Fotos: B", "Editing by B", "사진=B");
# the writer's own labels ("Text:", "Words by") end such a part.
_NON_AUTHOR = alternation(words_of("non_author_labels") + words_of("credit_words"))
_LABELED = re.compile(
    r"(?:^|(?<=[\s,;|/／.(（]))(?:(?P<other>" + _NON_AUTHOR + r")|(?P<writer>"
    + alternation(_ALL_PREFIXES) + r"))\s*(?:[:：=／/]|\s+(?:" + alternation(_PREFIXES)
    + r")\b)", re.I)
_NON_AUTHOR_WORD = re.compile(r"^(?:" + _NON_AUTHOR + r")$", re.I)
# Brackets after a name: a role ("(Text)", "(Fotos)"), an agency ("(dpa)"), a dateline
# ("(서울=연합뉴스)"); brackets holding a list of names stay.
_PARENS = re.compile(r"[(（]([^()（）]*)[)）]")
_WEB_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.I)
_CONTACT = re.compile(r"\S+@\S+\.\w+|(?:^|(?<=\s))@\w+")
# Role words written onto a name without a space ("김민수 기자", "山田太郎記者").
_NAME_ROLE = re.compile(
    r"^(?:" + alternation(words_of("name_roles")) + r")\s*|\s*(?:"
    + alternation(words_of("name_roles")) + r")$")
_REPORT_TAIL = re.compile(r"(?:" + alternation(words_of("report_tails")) + r")$")
# Words never in a person's name (function words, job titles, interface text).
_NOT_NAMES = frozenset(words_of("not_names"))
_DESKS = frozenset(words_of("desk_words"))
# A one-word label before a name ("Redaktion: Jane Doe", "Text: John Roe").
_LABEL = re.compile(r"^[^\W\d]+\s*[:：]\s*(?=\S)")
# What follows a name in a byline: "Jane Doe For The Mail On Sunday", "… am 21. April",
# "Jane Doe in Kyiv", "Jane Doe Updated March 12".
_BYLINE_TAIL = re.compile(
    r"\s+(?:for|für|pour|para|per|am|le|on|in|aus|à|from)\s+.*$|\s+(?:"
    + alternation(words_of("published_labels") + words_of("modified_labels")) + r")\b.*$",
    re.I)
_DIGIT_TAIL = re.compile(r"(?:^|\s+)\d.*$")
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


def _ld_authors(value: Any, ids: dict[str, dict[str, Any]], outlets: set[str] | None = None,
                lang: str | None = None) -> list[tuple[str, bool]]:
    """The names a JSON-LD author value credits, in order, each with whether it is typed as
    an organisation."""
    out: list[tuple[str, bool]] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, list):  # nested lists occur: [{...}, [{...}]]
            out.extend(_ld_authors(item, ids, outlets, lang))
            continue
        if isinstance(item, dict) and "@id" in item and len(item) <= 2 and item["@id"] in ids:
            item = ids[item["@id"]]  # a reference into the page's graph (Yoast)
        if isinstance(item, str):
            out.extend((n, False) for n in split_names(strip_site_tail(item, outlets or set()),
                                                       lang, outlets))
        elif isinstance(item, dict):
            name = _person_name(item)
            if not name:
                continue
            types = item.get("@type") or []
            types = {t.lower() for t in ([types] if isinstance(types, str) else types)
                     if isinstance(t, str)}
            out.extend((n, bool(types & ORG_TYPES)) for n in split_names(name, lang, outlets))
    return out


def split_names(text: str, lang: str | None = None, outlets: set[str] | None = None,
                keep_places: bool = False) -> list[str]:
    """'By Jane Doe and John Roe' -> ['Jane Doe', 'John Roe']; the parts crediting someone
    else ('Fotos: B', 'Editing by B', 'B (Fotos)'), roles, dates, contacts and a place
    after a name ('By Jane Doe, Washington') go; the site's name stays (the page credits
    it: 'Engin Haupt, MDR SACHSEN-ANHALT')."""
    text = normalize_space(html.unescape(text))
    if not text or text.lower().startswith(("http://", "https://", "www.")):
        return []
    if _PHOTO_CREDIT.match(text) and not any(m["writer"] for m in _LABELED.finditer(text)):
        return []  # a photo credit, no writer's label after it
    text = _PARENS.sub(_bracketed, _CONTACT.sub(" ", _writers_parts(text)))
    text = _BYLINE_PREFIX.sub("", text.strip(" =")).strip()
    out: list[str] = []
    for i, part in enumerate(_parts(text)):
        if "\x00" in part:
            continue  # a photographer's or an editor's part
        part = _BYLINE_PREFIX.sub("", part.strip(" .:-–—[]="))
        part = _BYLINE_TAIL.sub("", part)
        cut = _DIGIT_TAIL.sub("", part)
        if cut != part:  # a date after the name: "Jane Doe June 28th", "March 12, 2024"
            cut = _without_months(cut)
            if len(cut.split()) < FALLBACK_NAME_WORDS and not _CJK.search(cut):
                continue
        part = cut
        if _CJK.search(part):
            if _REPORT_TAIL.search(part):
                continue  # "台北報導"
            part = _NAME_ROLE.sub("", part)
        if part.count("(") != part.count(")"):
            part = part.strip("()")
        part = _without_role(_LABEL.sub("", part).strip(" .:-–—~="), i > 0, lang)
        if part and part.lower() not in _PREFIXES and not _BYLINE_PREFIX.fullmatch(part + " "):
            if not keep_places and _place_after_name(part, out) and not (
                    outlets and is_outlet(part, outlets)):
                continue
            out.extend(_agency_apart(_without_weekday(part)))
    return out


_AGENCY_TAIL = re.compile(r"^(?P<name>\S+(?:\s+\S+)+?)\s+(?P<agency>"
                          + alternation(NEWS_AGENCIES) + r")$", re.I)


def _agency_apart(part: str) -> list[str]:
    """'Tom Davies Associated Press' (no comma between) -> the writer and the agency."""
    m = _AGENCY_TAIL.match(part)
    return [m["name"], m["agency"]] if m else [part]


def _without_months(text: str) -> str:
    """'Wikimedia Foundation June' (the date's digits cut) -> 'Wikimedia Foundation'."""
    months = month_patterns(CORE_LANGS)[0]
    tokens = text.split()
    while tokens and tokens[-1].lower().rstrip(".,") in months:
        tokens.pop()
    return " ".join(tokens)


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    """Weekday names of the core languages (dateparser's locale data), 3 letters or more."""
    from dateparser.languages.loader import default_loader

    found: set[str] = set()
    for lang in CORE_LANGS:
        info = default_loader.get_locale(lang).info
        for key in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                    "sunday"):
            found.update(n.lower().rstrip(".") for n in info.get(key) or [] if len(n) >= 3)
    return frozenset(found)


def _without_weekday(name: str) -> str:
    """'Jeff Foust Monday' (the date line after the name, cut at its comma) -> 'Jeff Foust'."""
    tokens = name.split()
    if len(tokens) > FALLBACK_NAME_WORDS and tokens[-1].lower().rstrip(".,") in _weekdays():
        return " ".join(tokens[:-1])
    return name


def _place_after_name(part: str, previous: list[str]) -> bool:
    """A one-word part in title case after a full name that is no agency or desk: a place
    ('By Jane Doe, Washington'); an agency or an outlet is written in capitals ('AFP',
    'CNN', 'dpa') or is known."""
    return (len(part.split()) == 1 and part[:1].isupper() and not part.isupper()
            and part[1:].islower() and not _is_credit(part) and bool(previous)
            and len(previous[-1].split()) >= FALLBACK_NAME_WORDS)


def _writers_parts(text: str) -> str:
    """The byline without its parts crediting someone else: from a label such as 'Fotos:'
    or 'Editing by' to the next writer's label ('Text:') or the end."""
    if not _LABELED.search(text):
        return text
    kept, keep, pos = [], True, 0
    for m in _LABELED.finditer(text):
        if keep:
            kept.append(text[pos:m.start()])
        keep = m.group("other") is None
        pos = m.start()
    if keep:
        kept.append(text[pos:])
    return ", ".join(k.strip(" ,;|.") for k in kept if k.strip(" ,;|."))


def _bracketed(m: re.Match[str]) -> str:
    """A bracket after a name: a photographer's mark drops the part, a list of names stays,
    anything else (a role, an agency, a dateline) goes."""
    inner = m.group(1).strip()
    if _NON_AUTHOR_WORD.match(inner) or _WEB_ADDRESS.match(inner):
        return "\x00"  # "Deutsche Welle (www.dw.com)": the outlet
    return m.group(0) if _SPLIT.search(inner) else " "


def _parts(text: str) -> list[str]:
    """The byline split at its separators; a one-word part after a joiner of one or two
    letters that follows a full name stays with it ('José Ortega y Gasset')."""
    pieces = _SPLIT.split(text)
    parts = [pieces[0]]
    for sep, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        prev = parts[-1].split()
        if sep.strip() in _SHORT_JOINERS and len(piece.split()) == 1 and piece[:1].isupper() \
                and len(prev) >= FALLBACK_NAME_WORDS and not _CJK.search(piece):
            parts[-1] = f"{parts[-1]} {sep.strip()} {piece}"
        else:
            parts.append(piece)
    return [p for p in parts if p.strip()]


def _not_names(lang: str | None) -> frozenset[str]:
    """Words never in a name, of every language (a page's declared language may be wrong),
    but for the few that are given names elsewhere (Italian 'per', Norwegian 'Per'): those
    only on pages in their own language, or without a language."""
    if not lang:
        return _NOT_NAMES
    found = _NOT_NAMES_BY_LANGUAGE.get(lang)
    if found is None:
        own = by_code(lang)
        found = (_NOT_NAMES - _GIVEN_NAMES) | (_GIVEN_NAMES & frozenset(
            own.not_names if own else ()))
        _NOT_NAMES_BY_LANGUAGE[lang] = found
    return found


_GIVEN_NAMES = frozenset(GIVEN_NAMES_AMONG_NOT_NAMES)
_NOT_NAMES_BY_LANGUAGE: dict[str, frozenset[str]] = {}


def _without_role(name: str, after_name: bool = False, lang: str | None = None) -> str:
    """'Christoph Hein Chefredakteur' -> 'Christoph Hein'; a title alone ('Kolumnist'), or
    after a name ('Gary Graves, AP Sports Writer'), is no name: ''. A credit that is no
    person's name stays as written ('Guardian staff reporter')."""
    not_names = _not_names(lang)
    tokens = name.split()
    while len(tokens) > 1 and tokens[0].islower() and tokens[0].strip(".,:") in not_names:
        tokens.pop(0)  # "onze redacteur Jan de Vries"
    name = " ".join(tokens)
    while tokens and tokens[-1].lower().strip(".,:") in not_names:
        tokens.pop()
    if not tokens or (after_name and len(tokens) < len(name.split())):
        return ""
    rest = " ".join(tokens)
    if rest == name or (len(tokens) >= FALLBACK_NAME_WORDS and looks_like_name(rest, lang)):
        return rest
    return name


def looks_like_name(text: str, lang: str | None = None) -> bool:
    """A person's name: a few capitalized words (particles allowed), no digits, no address,
    not a desk ('Staff'); in scripts without case, a short run of text."""
    if not text or len(text) > MAX_NAME_CHARS or "@" in text or any(c.isdigit() for c in text):
        return False
    tokens = text.split()
    if not tokens or len(tokens) > MAX_NAME_WORDS:
        return False
    not_names = _not_names(lang)
    if any(t.lower().strip(".,") in not_names or t.endswith((":", "：")) for t in tokens):
        return False
    if _CJK.search(text) and len(text.replace(" ", "")) > MAX_CJK_NAME_CHARS:
        return False
    if len(tokens) == 1:  # a mononym or a blogger's handle ("gizzmo")
        return len(text) >= 2 and text.lower() not in _DESKS and all(
            c.isalpha() or c in "-'._" for c in text)
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
        flat = words(site).replace(" ", "")  # host labels are kept as written ("l-mag")
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


# A name written in Han characters or Hangul: family and given name in 2-4 characters
# ("王小明", "김민수", "山田太郎"); katakana runs are more often interface words ("タイムライン").
_CJK_NAME = re.compile(r"^(?:[\u3400-\u9fff]{2,4}|[\uac00-\ud7af]{2,4})$")
_AGENCIES = frozenset(NEWS_AGENCIES)


def _name_words(name: str) -> int:
    """Words of a name; a CJK name counts as its two parts (family and given name)."""
    if _CJK.search(name) and " " not in name:
        return FALLBACK_NAME_WORDS if _CJK_NAME.match(name) else 1
    return len(name.split())


def _is_credit(name: str) -> bool:
    """A news agency or a desk: credited like a writer, but no person."""
    key = name.lower().strip(" .")
    return key in _AGENCIES or key in _DESKS


def _prefixed_byline(el: HtmlElement, lang: str | None) -> bool:
    """A short line opening with a byline word ("Von: Bill McCarthy, Marisha Goldhamer")
    whose parts are names, the first of at least two words (an agency may follow: "By Jane
    Doe, Reuters"): a byline without an author marker."""
    opening = el.text if (el.text or "").strip() or not len(el) else el[0].text
    if not _BYLINE_OPENING.match((opening or "").lstrip()):
        return False  # cheap test first: the line's own first words
    text = normalize_space(el.text_content())
    if len(text) > MAX_TEXT_BYLINE_CHARS or not _BYLINE_PREFIX.match(text):
        return False
    # a place closing the line leaves it unsure ("Von Ines Zöttl, Washington")
    names = split_names(text, lang, keep_places=True)
    if not 0 < len(names) <= MAX_TEXT_BYLINE_NAMES or _name_words(names[0]) < FALLBACK_NAME_WORDS:
        return False
    # every part a name, or an agency or desk closing the line ("..., The Associated Press"):
    # a place there ("Von Ines Zöttl, Washington") leaves the line unsure
    return all(looks_like_name(n, lang) and len(n.split()) >= FALLBACK_NAME_WORDS
               for n in names[:-1]) and (
        _name_words(names[-1]) >= FALLBACK_NAME_WORDS and looks_like_name(names[-1], lang)
        or (len(names) > 1 and _is_credit(names[-1])))


_BLOCK_TAGS = frozenset({"div", "p", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul",
                         "ol", "dl", "dt", "dd", "section", "header", "footer"})


def _line_text(el: HtmlElement) -> str:
    """The byline's text without its <time> ("By Jane Doe <time>Nov. 18, 2019</time>"),
    blocks inside it kept apart ("<div>Jane Doe</div><div>Senior Reporter</div>")."""
    return normalize_space(_raw_line_text(el))


def _raw_line_text(el: HtmlElement) -> str:
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag != "time":
            inner = _raw_line_text(child)
            parts.append(f" {inner} " if child.tag in _BLOCK_TAGS else inner)
        parts.append(child.tail or "")
    return "".join(parts)


def _author_classed(el: HtmlElement) -> bool:
    cls = f"{el.get('class') or ''} {el.get('id') or ''}"
    return bool(_AUTHOR_CLASS.search(cls)) and not _NOT_BYLINE_CLASS.search(cls)


def _link_hit(el: HtmlElement) -> bool:
    rel = (el.get("rel") or "").lower().split()
    return "author" in rel or (el.get("itemprop") or "").lower() == "author" or (
        el.tag == "a" and bool(_AUTHOR_HREF.search(el.get("href") or "")))


def _byline_texts(root: HtmlElement, lang: str | None = None) -> list[list[str]]:
    """Texts of the visible byline candidates, in document order; a candidate whose children
    each hold one name gives them one by one, and author links side by side in one line
    ("By <a>Jane Doe</a> and <a>John Roe</a>") come as one candidate."""
    found: list[list[str]] = []
    last_link_parent: HtmlElement | None = None
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        link = _link_hit(el)
        hit = link or _author_classed(el)
        if not hit and el.tag in _TEXT_BYLINE_TAGS:
            # a line holding a marked byline ("<span class=author>") gives way to it: the
            # line may go on with the date ("كتب: أحمد سالم <span>الإثنين ٢ مارس</span>")
            hit = _prefixed_byline(el, lang) and not any(
                (_link_hit(d) or _author_classed(d)) and not _skipped(d)
                for d in el.iterdescendants() if isinstance(d.tag, str))
        if not hit or _skipped(el):
            continue
        text = _line_text(el)
        if not text or len(text) > 200:
            continue
        if link and found and el.getparent() is last_link_parent:
            found[-1].append(text)  # the next author link of the same line
            continue
        last_link_parent = el.getparent() if link else None
        kids = [normalize_space(c.text_content()) for c in el if isinstance(c.tag, str)]
        kids = [k for k in kids if k]
        if len(kids) >= 2 and all(looks_like_name(k, lang) for k in kids):
            found.append(kids)
        else:
            found.append([text])
    return found


def _names(candidates: list[str], lang: str | None = None,
           outlets: set[str] | None = None) -> list[str]:
    return list(dict.fromkeys(p for name in candidates
                              for p in split_names(name, lang, outlets)))


def _has_person(names: list[str], outlets: set[str], min_words: int = 1,
                lang: str | None = None) -> bool:
    """Does the list name a person? With min_words > 1, only a name of that many words, not
    written in lower case, counts (a fallback must be sure: "Frankfurt", "Autoren" are not
    bylines)."""
    for n in names:
        if not looks_like_name(n, lang) or is_outlet(n, outlets) or _is_credit(n):
            continue
        if min_words == 1 or (not n[0].islower() and _name_words(n) >= min_words):
            return True
    return False


FALLBACK_NAME_WORDS = 2  # words a name needs to overrule a source that credits the outlet


def read_authors(page: Page) -> None:
    sd = page.structured
    art = (sd.article() if sd else None) or {}
    outlets = site_names(page)
    lang = primary(page.fields.get("inLanguage"))
    credited: list[tuple[str, list[str]]] = []  # sources that credit only the outlet
    need = 1  # words a name needs; more once a source credited the outlet

    if art.get("author"):
        named = _ld_authors(art.get("author"), _by_id(page), outlets, lang)
        names = list(dict.fromkeys(n for n, _ in named))
        people = [n for n, org in named if not org]
        if _has_person(people, outlets, lang=lang):
            page.set("authors", names, "jsonld")
            return
        if names:
            credited.append(("jsonld", names))
            need = FALLBACK_NAME_WORDS
    for key in META_KEYS:
        # "Jane Doe | Site": the site's name as a tail, as in titles
        values = [strip_site_tail(v, outlets) for v in (sd.meta_all.get(key) or [] if sd else [])
                  if "://" not in v]
        names = _names(values, lang, outlets)
        if _has_person(names, outlets, need, lang):
            page.set("authors", names, f"meta:{key}")
            return
        if names:
            credited.append((f"meta:{key}", names))
            need = FALLBACK_NAME_WORDS
    for texts in _byline_texts(page.root, lang):
        # To overrule the outlet's credit a visible name needs two words: "Autoren",
        # "Agenturen" or a city in an author-classed box are not bylines.
        found = _names(texts, lang, outlets)
        names = [n for n in found if looks_like_name(n, lang) or _is_credit(n)]
        if _has_person(names, outlets, need, lang):
            page.set("authors", names, "byline")
            return
        credits = [n for n in found if _is_credit(n)]
        if credits and not credited:  # "Reuters", "Staff": the page's own credit
            credited.append(("byline", credits))
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
