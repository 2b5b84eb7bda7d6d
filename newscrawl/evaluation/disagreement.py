"""Where we and another extractor disagree, on pages nobody labelled.

The labelled dev split is small, and numbers tuned on it hold little elsewhere. Any folder of
real pages can still show where the body extraction loses a story: run a reference
extractor (trafilatura by default) beside ours and list the pages where it finds much text
that we do not (a lost lead, a story split across blocks, an empty body) and the reverse.
The reference is no truth, it over-extracts too: the list is for reading, not a score.

Layouts read: the extraction split (``ground-truth.json`` + ``html/``), the dates split
(``meta.json`` + ``pages/``), or a plain folder of ``*.html`` / ``*.html.gz`` files.

Usage: ``newscrawl eval disagreement --data DIR [--against trafilatura] [--top N]``
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..progress import Progress
from .extraction import COMPARATORS, ours_text, require_extractor, uncovered_passages
from .metric import page_counts, shingles, tokens

MIN_WORDS = 150  # words: shorter texts say too little to disagree about


def unlabelled_pages(data_dir: Path) -> Iterator[tuple[str, str, bytes]]:
    """(id, url, html bytes) of every page in a folder, in id order."""
    if (data_dir / "ground-truth.json").exists():
        meta = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
        folder = data_dir / "html"
    elif (data_dir / "meta.json").exists():
        meta = json.loads((data_dir / "meta.json").read_text(encoding="utf-8"))
        folder = data_dir / "pages"
    else:
        meta, folder = {}, data_dir
    if meta:
        for pid in sorted(meta):
            path = folder / f"{pid}.html.gz"
            raw = gzip.decompress(path.read_bytes()) if path.exists() else (
                folder / f"{pid}.html").read_bytes()
            yield pid, meta[pid].get("url") or "", raw
        return
    for path in sorted(folder.iterdir()):
        if path.name.endswith(".html.gz"):
            yield path.name[:-8], path.resolve().as_uri(), gzip.decompress(path.read_bytes())
        elif path.suffix in (".html", ".htm"):
            yield path.stem, path.resolve().as_uri(), path.read_bytes()


@dataclass
class Disagreement:
    page_id: str
    url: str
    ours: int  # words
    theirs: int  # words
    covered: float | None  # share of their 4-word shingles we also have
    kept: float | None  # share of our shingles they also have
    missing: str  # the longest passage they have and we do not
    extra: str  # the longest passage we have and they do not


def compare(
    data_dir: Path, against: str | Callable[[bytes, str], str] = "trafilatura"
) -> list[Disagreement]:
    """Ours beside a reference extractor (a name in COMPARATORS, or a function
    html bytes, url -> text) on every page of the folder."""
    if isinstance(against, str):
        require_extractor(against)
    reference = COMPARATORS[against] if isinstance(against, str) else against
    out = []
    progress = Progress("eval disagreement", "pages")
    for pid, url, raw in progress.track(unlabelled_pages(Path(data_dir))):
        ours = ours_text(raw, url)
        try:
            theirs = reference(raw, url)
        except Exception:
            theirs = ""
        counts = page_counts(theirs, ours)
        our_toks, their_toks = tokens(ours), tokens(theirs)
        missing = uncovered_passages(their_toks, shingles(our_toks))
        extra = uncovered_passages(our_toks, shingles(their_toks))
        out.append(Disagreement(
            pid, url, len(ours.split()), len(theirs.split()), counts.recall, counts.precision,
            missing[0] if missing else "", extra[0] if extra else ""))
    progress.close()
    return out


def _cut(text: str, words: int = 24) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def run(
    data_dir: Path,
    out: TextIO,
    against: str | Callable[[bytes, str], str] = "trafilatura",
    top: int = 20,
) -> dict:
    rows = compare(data_dir, against)
    name = against if isinstance(against, str) else "the reference"
    lost = [r for r in rows if r.theirs >= MIN_WORDS and (r.covered or 0.0) < 0.5]
    added = [r for r in rows if r.ours >= MIN_WORDS and r.kept is not None and r.kept < 0.5]
    empty = [r for r in rows if r.ours == 0 and r.theirs >= MIN_WORDS]
    print(f"{len(rows)} pages; {name} finds >= {MIN_WORDS} words and we cover less than "
          f"half on {len(lost)} (no body at all on {len(empty)}); we have >= {MIN_WORDS} "
          f"words mostly not theirs on {len(added)}", file=out)
    for title, chosen in ((f"they have, we miss ({name} words desc)", lost),
                          ("we have, they do not (our words desc)", added)):
        if not chosen:
            continue
        print(f"\n{title}, first {top}:", file=out)
        key = (lambda r: -r.theirs) if chosen is lost else (lambda r: -r.ours)
        for r in sorted(chosen, key=key)[:top]:
            share = r.covered if chosen is lost else r.kept
            print(f"  {r.page_id}  ours {r.ours} / theirs {r.theirs} words, "
                  f"{'covered' if chosen is lost else 'kept'} {share or 0:.2f}  {r.url}",
                  file=out)
            print(f"      {'missing' if chosen is lost else 'extra'}: "
                  f"{_cut(r.missing if chosen is lost else r.extra)}", file=out)
    return {"pages": len(rows), "lost": len(lost), "empty": len(empty), "added": len(added)}
