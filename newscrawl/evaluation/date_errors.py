"""Why a publication date is wrong or missing: the error classes of issue 14, told from the
page's own evidence (the date stage's candidates, rebuilt for the few pages that need it).

A change that helps one kind of page and hurts another shows in these counts at once, by
subset, before it shows in a single accuracy figure.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..clean.codes import DateKind, DateSource
from ..clean.dates import collect
from ..clean.dates.judge import stated_days
from ..clean.dates.model import Context
from ..clean.document import NotHTML, load_document
from ..clean.page import Page
from ..clean.structured import read_structured

_STRUCTURED = frozenset({DateSource.JSONLD, DateSource.META, DateSource.ITEMPROP})


class DateError(StrEnum):
    """A wrong or missing date, by what the page says about it."""

    UNDATED_GIVEN = "a date given to a page labelled undated"
    TIME_ZONE = "one day off: the UTC day against the publisher's, or the reverse"
    UPDATE_TAKEN = "the update taken for the publication"
    LABEL_IS_UPDATE = "labelled with the update, the page's publication given"
    GUESS = "htmldate's second opinion, wrong"
    TEXT_DATE = "a date from running text or a caption"
    LONE_VOTE = "a lone byline outvoted metadata that states the labelled day"
    LATER_TAKEN = "a later date of the page taken (republication, print edition)"
    EARLIER_TAKEN = "an earlier date of the page taken"
    NOT_STATED = "wrong, and the labelled day is stated nowhere on the page"
    MISSED_WEAK = "missed: the page states the day, the evidence was judged too weak"
    MISSED_NOT_STATED = "missed: the page states no such day (stub, not an article, script)"


@dataclass
class Evidence:
    """What the page states: its candidates by kind, its visible days, the excluded days."""

    published: set[date]
    modified: set[date]
    structured: set[date]
    stated: set[date]  # any candidate, visible text, or a day in the site's chrome


def evidence(html: bytes, url: str) -> Evidence | None:
    try:
        root, encoding = load_document(html, None)
    except NotHTML:
        return None
    page = Page(url=url, root=root, encoding=encoding)
    page.structured = read_structured(root, url)
    ctx: Context = collect(page)
    cands = ctx.candidates
    published = {c.stamp.day for c in cands if c.kind != DateKind.MODIFIED}
    modified = {c.stamp.day for c in cands if c.kind == DateKind.MODIFIED}
    structured = {
        c.stamp.day for c in cands if c.source in _STRUCTURED and c.kind != DateKind.MODIFIED
    }
    stated = published | modified | stated_days(page, ctx) | ctx.excluded
    return Evidence(published, modified, structured, stated)


def classify(
    truth: str | None, predicted: str | None, source: str | None, ev: Evidence | None
) -> DateError | None:
    """The class of one page's error; None when the page is right."""
    guess = date.fromisoformat(predicted[:10]) if predicted else None
    gold = date.fromisoformat(truth) if truth else None
    if guess == gold:
        return None
    if gold is None:
        return DateError.UNDATED_GIVEN
    stated = ev is not None and gold in ev.stated
    if guess is None:
        return DateError.MISSED_WEAK if stated else DateError.MISSED_NOT_STATED
    if abs(guess - gold) == timedelta(days=1):
        return DateError.TIME_ZONE
    src = (source or "").split(":")[0]
    if ev is not None:
        if guess in ev.modified and guess > gold and gold in ev.published:
            return DateError.UPDATE_TAKEN
        if gold in ev.modified and guess < gold:
            return DateError.LABEL_IS_UPDATE
    if src == DateSource.HTMLDATE:
        return DateError.GUESS
    if src == DateSource.TEXT:
        return DateError.TEXT_DATE
    if not stated:
        return DateError.NOT_STATED
    if src == DateSource.BYLINE and ev is not None and gold in ev.structured:
        return DateError.LONE_VOTE
    return DateError.LATER_TAKEN if guess > gold else DateError.EARLIER_TAKEN


def report(
    errors: dict[str, DateError], groups: dict[str, str] | None = None
) -> list[str]:
    """Lines: each class with its count (per group when pages are grouped) and examples."""
    lines = []
    by_class: dict[DateError, list[str]] = defaultdict(list)
    for page_id, cls in sorted(errors.items()):
        by_class[cls].append(page_id)
    names = sorted(set((groups or {}).values()))
    for cls in DateError:
        ids = by_class.get(cls)
        if not ids:
            continue
        split = ""
        if groups:
            counts = Counter(groups.get(i, "?") for i in ids)
            split = " (" + ", ".join(f"{n} {counts.get(n, 0)}" for n in names) + ")"
        examples = ", ".join(ids[:3]) + (" ..." if len(ids) > 3 else "")
        lines.append(f"  {len(ids):>3}  {cls.value}{split}: {examples}")
    return lines


def classify_set(
    data_dir: Path, gold: dict[str, str | None], predicted: dict[str, dict[str, Any]]
) -> dict[str, DateError]:
    """The class of every wrong or missing date of a dates set (`pages/<id>.html.gz`,
    `meta.json`); `predicted` is {id: {"date", "source"}}."""
    meta = json.loads((data_dir / "meta.json").read_text(encoding="utf-8"))
    out: dict[str, DateError] = {}
    for page_id, truth in sorted(gold.items()):
        rec = predicted.get(page_id) or {}
        guess = rec.get("date")
        if (guess[:10] if guess else None) == truth:
            continue
        html = gzip.decompress((data_dir / "pages" / f"{page_id}.html.gz").read_bytes())
        url = (meta.get(page_id) or {}).get("url") or ""
        cls = classify(truth, guess, rec.get("source"), evidence(html, url))
        if cls is not None:
            out[page_id] = cls
    return out


def report_set(data_dir: Path, errors: dict[str, DateError], by: str = "subset") -> list[str]:
    """The report's lines, grouped by a meta.json field when the set has it."""
    meta = json.loads((data_dir / "meta.json").read_text(encoding="utf-8"))
    groups = {k: str(v.get(by)) for k, v in meta.items() if isinstance(v, dict) and by in v}
    return report(errors, groups or None)
