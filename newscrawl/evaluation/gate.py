"""The quality gate: every dev set scored once, each figure held to its pinned floor.

    newscrawl eval gate --shared ../shared [--floors FILE] [--json-out FILE]

Runs `extract_article` over the three dev sets in SHARED/data (the extraction benchmark, the
dates benchmark, the Fundus metadata set) and the labelled page-type fixtures (fixtures/*/
pagetypes.json), prints one table (figure, value, bound, verdict)
and exits non-zero when a figure is below its floor or above its ceiling. The bounds live in
floors.toml beside this module (the file says how to raise them). Exit status: 0 all figures
hold, 1 one or more do not, 2 the gate could not run (no dev data: in CI that is a failure,
never a silent pass).
"""

from __future__ import annotations

import json
import math
import sys
import time
import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO

from .datasets import load, predict
from .metric import aggregate, page_counts

FLOORS = Path(__file__).with_name("floors.toml")
DEV_SETS = {  # section of the floors file -> folder under SHARED/data
    "extraction": "article-extraction-benchmark/dev",
    "dates": "dates/dev",
    "metadata": "fundus/dev",
}
NEWS_SUBSET = "mediacloud"  # the dates set's news pages from around the world
# Labelled page types kept with the code (pagetypes.json in a fixture folder): every home,
# section, tag, author, search, ticker, gallery index, newsletter and consent page must be
# rejected, every article (live blog, listicle, brief beside long rails...) kept.
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
METADATA_FIGURES = ("headline", "authors", "date_day", "date_min", "date_inst", "body_f1",
                    "topics", "captions", "image_url", "language")
CEILING_SUFFIX = "_max"  # a bound named so is a ceiling: the figure may not rise above it


class GateError(Exception):
    """The gate cannot run: missing data, an unreadable or inconsistent floors file."""


@dataclass
class Check:
    name: str  # section.figure, as in the floors file
    value: float
    bound: float | None  # None: shown, not held
    ceiling: bool = False
    detail: str = ""

    @property
    def ok(self) -> bool:
        if self.bound is None:
            return True
        if math.isnan(self.value):
            return False
        return self.value <= self.bound if self.ceiling else self.value >= self.bound


def read_bounds(path: Path) -> dict[str, float]:
    """{"section.figure": bound} from the floors file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GateError(f"cannot read the floors file {path}: {exc}") from exc
    bounds = {}
    for section, figures in data.items():
        if not isinstance(figures, dict):
            raise GateError(f"{path}: [{section}] must be a table of figures")
        for name, value in figures.items():
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise GateError(f"{path}: {section}.{name} must be a number")
            bounds[f"{section}.{name}"] = float(value)
    return bounds


def measure(shared: Path, out: TextIO | None = None) -> tuple[dict[str, float], dict[str, str]]:
    """Score every dev set once: {"section.figure": value} and details (which pages)."""
    data = shared / "data"
    folders = {name: data / sub for name, sub in DEV_SETS.items()}
    missing = [str(f) for f in folders.values() if not f.is_dir()]
    if missing:
        raise GateError("dev data not found: " + ", ".join(missing)
                        + " (the gate needs the shared folder beside the checkout: --shared)")
    values: dict[str, float] = {}
    details: dict[str, str] = {}
    rejected: list[str] = []

    def predicted(name: str) -> tuple[Any, dict[str, dict[str, Any]]]:
        start = time.perf_counter()
        pages = load(folders[name])
        predictions, _ = predict(pages.pages, f"eval gate ({name})")
        if out is not None:
            print(f"{name}: {len(pages.pages)} pages in {time.perf_counter() - start:.1f} s",
                  file=out)
        for page_id, p in predictions.items():
            if pages.real_articles and p.verdict != "article":
                rejected.append(f"{pages.layout}/{page_id}")
        return pages, {i: p.item for i, p in predictions.items()}

    pages, items = predicted("extraction")
    body = aggregate(page_counts(pages.truth[i].get("articleBody"), items[i].get("articleBody"))
                     for i in sorted(pages.truth))
    values["extraction.f1"] = body.f1
    details["extraction.f1"] = f"P {body.precision:.3f}, R {body.recall:.3f}"

    from .dates import by_group, score

    pages, items = predicted("dates")
    pred = {i: item.get("datePublished") for i, item in items.items()}
    overall = score(pages.truth, pred)
    values["dates.accuracy"] = overall["accuracy"]
    values["dates.precision"] = overall["precision"]
    details["dates.accuracy"] = f"{overall['correct'] + overall['undated_ok']}/{overall['n']}"
    news = by_group(pages.truth, pred, pages.meta, "subset").get(NEWS_SUBSET)
    if news is None:
        raise GateError(f"{folders['dates']}: no page of subset {NEWS_SUBSET} in meta.json")
    values["dates.accuracy_news"] = news["accuracy"]
    details["dates.accuracy_news"] = (f"subset {NEWS_SUBSET}, "
                                      f"{news['correct'] + news['undated_ok']}/{news['n']}")

    from .metadata import evaluate

    pages, items = predicted("metadata")
    report = evaluate(pages.truth, items)
    for name in METADATA_FIGURES:
        value, n = report.overall[name]
        values[f"metadata.{name}"] = float("nan") if value is None else value
        details[f"metadata.{name}"] = f"n {n}"

    values["rejections.real_articles" + CEILING_SUFFIX] = float(len(rejected))
    details["rejections.real_articles" + CEILING_SUFFIX] = ", ".join(rejected) or "none"
    _labelled(values, details, out)
    return values, details


def _labelled(values: dict[str, float], details: dict[str, str], out: TextIO | None) -> None:
    """The labelled fixture folders: articles rejected, non-articles accepted."""
    from .pagetypes import evaluate

    folders = sorted(p.parent for p in FIXTURES.glob("*/pagetypes.json"))
    if not folders:
        raise GateError(f"no labelled page types under {FIXTURES} (run from the checkout)")
    rejected: list[str] = []
    accepted: list[str] = []
    for folder in folders:
        pages = load(folder)
        predictions, _ = predict(pages.pages, f"eval gate ({folder.name})")
        report = evaluate(pages, predictions)
        rejected += [f"{folder.name}/{i}" for i in report.articles_rejected]
        accepted += [f"{folder.name}/{i}" for i in report.non_articles_accepted]
        if out is not None:
            print(f"{folder.name}: {report.pages} labelled pages", file=out)
    for name, found in (("articles_rejected", rejected), ("non_articles_accepted", accepted)):
        key = f"pagetypes.{name}{CEILING_SUFFIX}"
        values[key] = float(len(found))
        details[key] = ", ".join(found) or "none"


def judge(values: dict[str, float], details: dict[str, str], bounds: dict[str, float]
          ) -> list[Check]:
    unknown = sorted(set(bounds) - set(values))
    if unknown:
        raise GateError("the floors file names figures the gate does not measure: "
                        + ", ".join(unknown))
    return [Check(name, value, bounds.get(name), name.endswith(CEILING_SUFFIX),
                  details.get(name, "")) for name, value in values.items()]


def format_checks(checks: list[Check]) -> list[str]:
    rows = [("figure", "value", "bound", "", "")]
    for c in checks:
        integral = c.ceiling and float(c.value).is_integer()
        value = f"{c.value:.0f}" if integral else f"{c.value:.4f}"
        bound = "-" if c.bound is None else (f"<= {c.bound:g}" if c.ceiling
                                             else f">= {c.bound:.3f}")
        verdict = "" if c.bound is None else "ok" if c.ok else "FAIL"
        rows.append((c.name, value, bound, verdict, c.detail))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [f"{r[0]:<{widths[0]}}  {r[1]:>{widths[1]}}  {r[2]:<{widths[2]}}  "
             f"{r[3]:<{widths[3]}}  {r[4]}".rstrip() for r in rows]
    lines.insert(1, "-" * max(len(line) for line in lines))
    return lines


def run(shared: Path, out: TextIO, floors: Path = FLOORS, json_out: Path | None = None) -> int:
    start = time.perf_counter()
    try:
        bounds = read_bounds(floors)
        values, details = measure(Path(shared), out)
        checks = judge(values, details, bounds)
    except GateError as exc:
        print(f"quality gate: ERROR: {exc}", file=out)
        return 2
    print("\n".join(format_checks(checks)), file=out)
    failed = [c.name for c in checks if not c.ok]
    took = time.perf_counter() - start
    if failed:
        print(f"quality gate: FAILED ({len(failed)} of {len(checks)} figures out of bounds: "
              f"{', '.join(failed)}; bounds in {floors}) in {took:.0f} s", file=out)
    else:
        print(f"quality gate: passed ({len(checks)} figures, bounds in {floors}) "
              f"in {took:.0f} s", file=out)
    if json_out is not None:
        json_out.write_text(json.dumps({"checks": [asdict(c) | {"ok": c.ok} for c in checks],
                                        "seconds": took}, indent=1) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(run(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared"), sys.stdout))
