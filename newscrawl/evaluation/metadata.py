"""Article metadata against the Fundus dev set, field by field.

    newscrawl eval metadata --data ../shared/data/fundus/dev [--compare trafilatura] [--worst N]

The metric is the one of ../shared/tools/score_metadata.py, reimplemented (its --help has the
definitions; the figures printed here are checked to equal its figures on the dev split):

    headline   exact after normalization (NFKC, quotes and dashes unified, whitespace
               collapsed, outer punctuation stripped, case-folded); headline~: contains it
    authors    set F1 of names compared as their word tokens, mean over pages
    date_day   the predicted day in the truth's UTC offset; date_min: to the minute (truths
               with a time); date_inst: the same instant (truths with an offset; the
               prediction must carry one)
    body_f1    the 4-gram shingle F1 of metric.py against the truth's blocks
    topics     set F1 of tags, mean over pages whose truth has topics
    captions   unique truth captions (not inside the truth body) found 1..k times among the
               predicted images' captions and never leaked into the body
    image_url  truth images of which some version URL was predicted
    language   the primary subtag of inLanguage
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from .metric import PageCounts, aggregate, page_counts

FIELDS = ("headline", "headline~", "authors", "date_day", "date_min", "date_inst", "body_f1",
          "body_p", "body_r", "topics", "captions", "image_url", "language")
# The item field each score reads (a predictor that does not attempt it shows n/a).
NEEDS = {"headline": "headline", "headline~": "headline", "authors": "authors",
         "date_day": "datePublished", "date_min": "datePublished",
         "date_inst": "datePublished", "body_f1": "articleBody", "body_p": "articleBody",
         "body_r": "articleBody", "topics": "tags", "captions": "images",
         "image_url": "images", "language": "inLanguage"}
MIN_LANGUAGE_PAGES = 4  # smaller languages are pooled as "other" in the table

_UNIFY = str.maketrans({
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2039\u203a", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    "\u00a0": " ", "\u00ad": None, "\u200b": None,
})
_OUTER = " \t\n\r\"'.,;:!?-_|*·•()[]{}"
_NAME_SEPARATORS = re.compile(r"\s*(?:;|\||,|\band\b|\bund\b|&)\s*", re.I)
_PARAGRAPHS = re.compile(r"\n\s*\n|\n")
CAPTION_CONTAINED_SHARE = 0.6  # a caption within another counts when it is this share of it
CAPTION_LEAK_CHARS = 25  # a caption this long leaks when it is anywhere in the body


def norm(text: Any) -> str:
    text = unicodedata.normalize("NFKC", str(text or "")).translate(_UNIFY)
    return re.sub(r"\s+", " ", text).strip(_OUTER).casefold()


def names(value: Any) -> list[str]:
    """Authors or tags as a list of strings (a string is split on ; | , & and/und)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [part for part in _NAME_SEPARATORS.split(value) if part.strip()]
    out = []
    for entry in value:
        if isinstance(entry, dict):
            entry = entry.get("name")
        if entry:
            out.append(str(entry))
    return out


def _name_key(text: Any) -> str:
    return " ".join(re.findall(r"\w+", norm(text)))


def set_f1(truth: Iterable[str], pred: Iterable[str]) -> float:
    t = {_name_key(x) for x in truth} - {""}
    p = {_name_key(x) for x in pred} - {""}
    if not t and not p:
        return 1.0
    if not t or not p:
        return 0.0
    return 2 * len(t & p) / (len(t) + len(p))


def parse_datetime(value: Any) -> tuple[dt.datetime | None, bool]:
    """An ISO 8601 prediction -> (datetime, whether it has a time)."""
    if isinstance(value, dt.datetime):
        return value, True
    if not value:
        return None, False
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.datetime.fromisoformat(text), False
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1)), True
    except ValueError:
        return None, False


def _minute(value: dt.datetime) -> dt.datetime:
    return value.replace(second=0, microsecond=0)


def date_scores(truth_iso: str, predicted: Any) -> dict[str, float]:
    truth = dt.datetime.fromisoformat(truth_iso)
    pred, pred_has_time = parse_datetime(predicted)
    if pred is None:
        local = None
    elif pred.tzinfo is not None and truth.tzinfo is not None:
        local = pred.astimezone(truth.tzinfo)
    else:  # a naive prediction is the truth's wall clock; an aware one against a naive truth
        local = pred.replace(tzinfo=None) if pred.tzinfo is not None else pred
    out = {"date_day": float(local is not None and local.date() == truth.date())}
    if truth.time() != dt.time(0, 0):
        out["date_min"] = float(local is not None and pred_has_time and
                                _minute(local).replace(tzinfo=None)
                                == _minute(truth).replace(tzinfo=None))
        if truth.tzinfo is not None:
            utc = dt.UTC
            out["date_inst"] = float(pred is not None and pred_has_time
                                     and pred.tzinfo is not None
                                     and _minute(pred.astimezone(utc))
                                     == _minute(truth.astimezone(utc)))
    return out


def _leaks(caption: str, paragraphs: Sequence[str], body: str) -> bool:
    return caption in paragraphs or (len(caption) >= CAPTION_LEAK_CHARS and caption in body)


def _caption_match(truth: str, pred: str) -> bool:
    if not pred:
        return False
    if truth == pred:
        return True
    short, long_ = sorted((truth, pred), key=len)
    return short in long_ and len(short) >= CAPTION_CONTAINED_SHARE * len(long_)


def _caption_hits(truth: list[str], predicted: list[str]) -> Counter[str]:
    """Each predicted caption counts for one truth caption: an equal one, else the contained
    one closest in length (near-identical captions of two photos do not count for each other)."""
    hits: Counter[str] = Counter()
    for pred in predicted:
        if not pred:
            continue
        if pred in truth:
            hits[pred] += 1
            continue
        candidates = [t for t in truth if _caption_match(t, pred)]
        if candidates:
            hits[min(candidates, key=lambda t: abs(len(t) - len(pred)))] += 1
    return hits


@dataclass
class PageScores:
    scores: dict[str, Any]  # field -> float, or (hits, total) for captions and image_url
    body: PageCounts
    missed_captions: list[tuple[str, str]]


def score_page(truth: dict[str, Any], item: dict[str, Any]) -> PageScores:
    s: dict[str, Any] = {}
    true_headline = norm(truth.get("headline"))
    if true_headline:
        headline = norm(item.get("headline"))
        s["headline"] = float(true_headline == headline)
        s["headline~"] = float(bool(headline) and true_headline in headline)
    if truth.get("authors") is not None:
        s["authors"] = set_f1(truth["authors"], names(item.get("authors")))
    if truth.get("date_published") and not truth.get("date_suspect"):
        s.update(date_scores(truth["date_published"], item.get("datePublished")))
    body = item.get("articleBody") or ""
    body = body if isinstance(body, str) else str(body)
    truth_body = "\n\n".join(truth.get("body_blocks") or [])
    counts = page_counts(truth_body, body)
    if truth.get("topics") is not None:
        tags = item.get("tags")
        s["topics"] = set_f1(truth["topics"], names(item.get("keywords") if tags is None
                                                     else tags))
    images = item.get("images") or []
    images = [images] if isinstance(images, (str, dict)) else images
    captions = [norm(i.get("caption")) if i.get("caption") else "" for i in images
                if not isinstance(i, str)]
    urls = {i if isinstance(i, str) else i.get("url") for i in images} - {None, ""}
    missed: list[tuple[str, str]] = []
    if truth.get("images") is not None:
        true_paragraphs = [norm(b) for b in truth.get("body_blocks") or []]
        true_body = norm(truth_body)
        paragraphs = [norm(b) for b in _PARAGRAPHS.split(body) if b.strip()]
        pred_body = norm(body)
        wanted = Counter(norm(i["caption"]) for i in truth["images"] if i.get("caption"))
        hits = _caption_hits(list(wanted), captions)
        found = total = 0
        for caption, times in wanted.items():
            if not caption or _leaks(caption, true_paragraphs, true_body):
                continue
            total += 1
            leaked = _leaks(caption, paragraphs, pred_body)
            if 1 <= hits[caption] <= times and not leaked:
                found += 1
            else:
                why = ("not among the captions" if not hits[caption] else
                       f"given {hits[caption]}x, truth has it {times}x"
                       if hits[caption] > times else "")
                missed.append((caption, "; ".join(w for w in (why, "in articleBody"
                                                              if leaked else "") if w)))
        s["captions"] = (found, total) if total else None
        versions = [set(i.get("urls") or [i.get("url")]) - {None} for i in truth["images"]]
        versions = [v for v in versions if v]
        s["image_url"] = (sum(1 for v in versions if v & urls), len(versions)) if versions \
            else None
    if truth.get("language"):
        lang = item.get("inLanguage")
        lang = re.split(r"[-_]", str(lang).strip().lower())[0] if lang else ""
        s["language"] = float({"nb": "no", "nn": "no"}.get(lang, lang) == truth["language"])
    return PageScores({k: v for k, v in s.items() if v is not None}, counts, missed)


Figure = tuple[float | None, int]  # (score, pages or items scored)


def summarize(pages: Sequence[PageScores]) -> dict[str, Figure]:
    out: dict[str, Figure] = {}
    for name in ("headline", "headline~", "authors", "date_day", "date_min", "date_inst",
                 "topics", "language"):
        values = [p.scores[name] for p in pages if name in p.scores]
        out[name] = (sum(values) / len(values) if values else None, len(values))
    for name in ("captions", "image_url"):
        pairs = [p.scores[name] for p in pages if name in p.scores]
        total = sum(t for _, t in pairs)
        out[name] = (sum(h for h, _ in pairs) / total if total else None, total)
    body = aggregate(p.body for p in pages)
    for name, value in (("body_f1", body.f1), ("body_p", body.precision),
                        ("body_r", body.recall)):
        out[name] = (value if pages else None, len(pages))
    return out


@dataclass
class MetadataReport:
    overall: dict[str, Figure]
    by_language: dict[str, dict[str, Figure]]  # languages with few pages pooled as "other"
    sizes: dict[str, int]  # pages: "all" and each language group
    pages: dict[str, PageScores]

    def figure(self, name: str) -> float | None:
        return self.overall[name][0]


def evaluate(truth: dict[str, dict[str, Any]], predictions: dict[str, dict[str, Any]],
             attempted: set[str] | None = None) -> MetadataReport:
    """Score {id: item} against the truth; an id without a prediction is an empty item.
    `attempted`: the item fields the predictor fills (others print n/a)."""
    ids = sorted(truth)
    per = {i: score_page(truth[i], predictions.get(i) or {}) for i in ids}
    languages = Counter(truth[i].get("language") or "?" for i in ids)
    groups: dict[str, list[str]] = defaultdict(list)
    for i in ids:
        lang = truth[i].get("language") or "?"
        groups[lang if languages[lang] >= MIN_LANGUAGE_PAGES else "other"].append(i)
    order = [lang for lang, _ in languages.most_common() if lang in groups]
    if "other" in groups:
        order.append("other")
    report = MetadataReport(summarize(list(per.values())),
                            {g: summarize([per[i] for i in groups[g]]) for g in order},
                            {"all": len(ids), **{g: len(groups[g]) for g in order}}, per)
    if attempted is not None:
        for table in (report.overall, *report.by_language.values()):
            for name in FIELDS:
                if NEEDS[name] not in attempted:
                    table[name] = (None, table[name][1])
    return report


def format_table(columns: dict[str, dict[str, Figure]], pages: dict[str, int]) -> list[str]:
    """One row per field, one column per predictor or language; the first column shows
    the number of pages (items for captions and image_url) scored."""
    head = ["field"] + [f"{name} ({pages[name]})" for name in columns]
    rows = [head]
    for field_name in FIELDS:
        row = [field_name]
        for c, table in enumerate(columns.values()):
            value, n = table[field_name]
            row.append("n/a" if value is None else f"{value:.3f} /{n}" if c == 0
                       else f"{value:.3f}")
        rows.append(row)
    widths = [max(len(r[c]) for r in rows) for c in range(len(head))]
    lines = ["  ".join(cell.ljust(widths[c]) if c == 0 else cell.rjust(widths[c])
                       for c, cell in enumerate(row)) for row in rows]
    lines.insert(1, "-" * len(lines[0]))
    return lines


def _short(value: Any, width: int = 110) -> str:
    text = re.sub(r"\s+", " ", str(value)).strip() if value is not None else "(none)"
    return text if len(text) <= width else text[: width - 1] + "…"


def worst_lines(report: MetadataReport, truth: dict[str, dict[str, Any]],
                predictions: dict[str, dict[str, Any]], n: int) -> list[str]:
    """Per field, the n pages losing most, with the truth beside the prediction."""
    lines: list[str] = []
    for name, read in (("headline", "headline"), ("authors", "authors"),
                       ("date_day", "datePublished"), ("date_min", "datePublished"),
                       ("topics", "tags"), ("language", "inLanguage")):
        bad = sorted((s.scores[name], i) for i, s in report.pages.items()
                     if s.scores.get(name, 1.0) < 1.0)
        if not bad:
            continue
        lines.append(f"== {name}: {len(bad)} pages lose points; worst {min(n, len(bad))}")
        truth_key = {"headline": "headline", "authors": "authors", "date_day": "date_published",
                     "date_min": "date_published", "topics": "topics",
                     "language": "language"}[name]
        for value, i in bad[:n]:
            lines += [f"  {i} ({value:.2f})",
                      f"      truth: {_short(truth[i].get(truth_key))}",
                      f"      pred:  {_short((predictions.get(i) or {}).get(read))}"]
    bodies = sorted((_page_f1(s.body), i) for i, s in report.pages.items()
                    if _page_f1(s.body) < 0.999)
    if bodies:
        lines.append(f"== body_f1: {len(bodies)} pages lose points; worst {min(n, len(bodies))}")
        lines += [f"  {i} (F1 {f1:.3f})  {truth[i].get('url')}" for f1, i in bodies[:n]]
    missed = [(i, c, why) for i, s in sorted(report.pages.items()) for c, why in s.missed_captions]
    if missed:
        lines.append(f"== captions: {len(missed)} truth captions missed; "
                     f"first {min(n, len(missed))}")
        lines += [f"  {i} ({why}): {_short(c)}" for i, c, why in missed[:n]]
    return lines


def _page_f1(c: PageCounts) -> float:
    return 2 * c.tp / (2 * c.tp + c.fp + c.fn) if c.tp + c.fp + c.fn else 1.0


# -- other extractors, for comparison --------------------------------------------------------

def _trafilatura(html: bytes, url: str) -> dict[str, Any]:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return {}
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    # Its tags only, as in the reference table of the set's README (categories are sections).
    value = data.get("tags") or []
    tags = [t.strip() for t in (value.split(",") if isinstance(value, str) else value)
            if isinstance(t, str) and t.strip()]
    return {"headline": data.get("title"), "authors": data.get("author"),
            "datePublished": data.get("date"), "articleBody": data.get("text") or "",
            "tags": tags, "images": [{"url": data["image"]}] if data.get("image") else []}


# name -> (item from html and url, the item fields it fills)
COMPARATORS: dict[str, tuple[Callable[[bytes, str], dict[str, Any]], set[str]]] = {
    "trafilatura": (_trafilatura, {"headline", "authors", "datePublished", "articleBody",
                                   "tags", "images"}),
}


def run(data_dir: Path, out: TextIO, compare: Sequence[str] = (), worst: int = 0
        ) -> dict[str, MetadataReport]:
    """Score extract_article (and the comparators) on a Fundus-layout folder; print the table
    overall and by language, and the worst pages per field with --worst N."""
    from .datasets import load, predict

    pages = load(data_dir)
    if pages.layout != "fundus":
        raise SystemExit(f"{data_dir}: not a metadata set (ground-truth.json with body_blocks)")
    predictions, speed = predict(pages.pages, "eval metadata")
    items = {i: p.item for i, p in predictions.items()}
    reports = {"newscrawl": evaluate(pages.truth, items)}
    for name in compare:
        extract, attempted = COMPARATORS[name]
        theirs = {}
        for page in pages.pages:
            try:
                theirs[page.id] = extract(page.html(), page.url)
            except Exception as exc:  # a comparator's failure on one page is its empty answer
                print(f"{name} failed on {page.id}: {exc!r}", file=out)
                theirs[page.id] = {}
        reports[name] = evaluate(pages.truth, theirs, attempted)
    if worst:
        print("\n".join(worst_lines(reports["newscrawl"], pages.truth, items, worst)), file=out)
        print(file=out)
    n = len(pages.pages)
    ours = reports["newscrawl"]
    print(f"{n} pages from {data_dir}; newscrawl {speed:.1f} pages/s", file=out)
    print("\n".join(format_table({k: r.overall for k, r in reports.items()},
                                 dict.fromkeys(reports, n))), file=out)
    by_language = {"all": ours.overall, **ours.by_language}
    print("\nnewscrawl by language:", file=out)
    print("\n".join(format_table(by_language, ours.sizes)), file=out)
    return reports
