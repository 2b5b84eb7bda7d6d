"""The page sets the evaluation commands read, and one pass of the product over them.

Layouts (a folder each; the dev splits in ../shared/data follow the first three):

- extraction: ``ground-truth.json`` {id: {articleBody, url}} + ``html/<id>.html.gz``
- fundus: ``ground-truth.json`` {id: {url, headline, authors, date_published, body_blocks,
  topics, images, language, ...}} + ``html/<id>.html.gz`` (told apart by ``body_blocks``)
- dates: ``meta.json`` {id: {url, subset, site}} + ``ground_truth.json`` + ``pages/<id>.html.gz``
- labelled page types: ``pagetypes.json`` {id: "article" | a not-article reason code} beside
  the pages, ``<id>.html`` or ``<id>.html.gz``, each with an optional fixture sidecar
  ``<id>.meta.json`` (URL, headers, fetch time, site: newscrawl/fixtures.py) read as a crawl
  would
- any other folder: every ``*.html`` / ``*.html.gz`` in it, unlabelled

Every evaluation runs `extract_article`'s steps, the code path of the crawl's pipelines:
`extract()` below, which keeps the page's typed verdict that the item gives as text only.
"""

from __future__ import annotations

import gzip
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..clean.article import STAGES, build_page, finish, run_stage
from ..clean.codes import Rejection
from ..clean.document import NotHTML
from ..fixtures import SIDECAR_SUFFIX, load_fixture
from ..progress import Progress

LABELS_FILE = "pagetypes.json"
ARTICLE = "article"  # the page-type label of an article; any other label is a reason code


@dataclass
class DevPage:
    id: str
    url: str
    path: Path
    context: dict[str, Any] = field(default_factory=dict)  # extract_article's keywords

    def html(self) -> bytes:
        data = self.path.read_bytes()
        return gzip.decompress(data) if self.path.name.endswith(".gz") else data


@dataclass
class PageSet:
    folder: Path
    layout: str  # extraction | fundus | dates | labelled | folder
    pages: list[DevPage]
    truth: dict[str, Any] = field(default_factory=dict)  # the layout's truth file, by id
    meta: dict[str, Any] = field(default_factory=dict)  # dates: meta.json
    labels: dict[str, str] = field(default_factory=dict)  # labelled: pagetypes.json

    @property
    def real_articles(self) -> bool:
        """Every page is a real article (the extraction and metadata benchmarks')."""
        return self.layout in ("extraction", "fundus")


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _page_file(folder: Path, page_id: str) -> Path:
    for name in (f"{page_id}.html.gz", f"{page_id}.html", f"{page_id}.htm"):
        if (folder / name).exists():
            return folder / name
    raise FileNotFoundError(f"no page {page_id}.html(.gz) in {folder}")


def _sidecar_page(folder: Path, page_id: str) -> DevPage:
    path = _page_file(folder, page_id)
    sidecar = folder / (page_id + SIDECAR_SUFFIX)
    if sidecar.exists():
        fx = load_fixture(sidecar)
        return DevPage(page_id, fx.url, path, fx.context())
    return DevPage(page_id, path.resolve().as_uri(), path)


def load(folder: Path | str) -> PageSet:
    """The page set in `folder`, its layout told from the files it holds."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: no such folder")
    if (folder / LABELS_FILE).exists():
        labels = _read_json(folder / LABELS_FILE)
        pages = [_sidecar_page(folder, pid) for pid in sorted(labels)]
        return PageSet(folder, "labelled", pages, labels=labels)
    if (folder / "ground-truth.json").exists():
        truth = _read_json(folder / "ground-truth.json")
        fundus = any("body_blocks" in v for v in truth.values())
        pages = [DevPage(pid, truth[pid].get("url") or "", _page_file(folder / "html", pid))
                 for pid in sorted(truth)]
        return PageSet(folder, "fundus" if fundus else "extraction", pages, truth=truth)
    if (folder / "meta.json").exists():
        meta = _read_json(folder / "meta.json")
        gold = folder / "ground_truth.json"
        pages = [DevPage(pid, meta[pid].get("url") or "", _page_file(folder / "pages", pid))
                 for pid in sorted(meta)]
        return PageSet(folder, "dates", pages, truth=_read_json(gold) if gold.exists() else {},
                       meta=meta)
    pages = [_sidecar_page(folder, p.name.split(".")[0]) for p in sorted(folder.iterdir())
             if p.name.lower().endswith((".html", ".htm", ".html.gz"))]
    return PageSet(folder, "folder", pages)


def extract(html: bytes, url: str, **context: Any) -> tuple[dict[str, Any], Rejection | None]:
    """extract_article's item and the page's verdict: the same three steps as
    newscrawl.clean.article.extract_article (tests/test_evaluation.py holds them equal)."""
    page = build_page(html, url, **context)
    for name in STAGES:
        run_stage(page, name)
    return finish(page), page.rejection


@dataclass
class Prediction:
    item: dict[str, Any]  # extract_article's output; {} for a page that is not HTML
    rejection: Rejection | None = None  # why the page is not an article
    not_html: str | None = None  # why, when it is not HTML

    @property
    def verdict(self) -> str:
        """"article", the not-article reason code, or "not_html"."""
        if self.not_html is not None:
            return "not_html"
        return "article" if self.rejection is None else str(self.rejection.reason)


def predict(pages: list[DevPage], command: str = "eval") -> tuple[dict[str, Prediction], float]:
    """extract_article on every page: {id: Prediction} and the pages per second (a progress
    bar on a terminal and a closing line on stderr, named `command`)."""
    from ..clean.article import warm_up

    warm_up()  # imports and first-call costs are not the pages' time
    out: dict[str, Prediction] = {}
    spent = 0.0
    progress = Progress(command, "pages", total=len(pages))
    for page in progress.track(pages):
        html = page.html()
        start = time.perf_counter()
        try:
            out[page.id] = Prediction(*extract(html, page.url, **page.context))
        except NotHTML as exc:
            out[page.id] = Prediction({}, None, str(exc))
        spent += time.perf_counter() - start
        progress.count({"article": "articles", "not_html": "not HTML"}.get(
            out[page.id].verdict, "not articles"))
    progress.close()
    return out, len(pages) / spent if spent else 0.0
