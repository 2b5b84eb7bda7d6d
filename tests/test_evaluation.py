"""The evaluation commands: the metadata metric (hand-computed values), page types, dates by
subset and the CI quality gate, on small sets made from the fixture site in tmp folders."""

from __future__ import annotations

import gzip
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import DATA, SITE

from newscrawl.cli import main
from newscrawl.evaluation import gate, metadata, pagetypes
from newscrawl.evaluation.dates import by_group, score

ARTICLE_PAGE = "seed-zelenskyy"  # fixture pages: an article and a section front
LISTING_PAGE = "section-world"


def _fixture_item(name: str) -> dict:
    return json.loads((SITE / f"{name}.expected.json").read_text())


# -- metadata metric ------------------------------------------------------------------------

def test_normalization_unifies_quotes_dashes_and_outer_punctuation():
    assert metadata.norm("  “Seoul’s – new”  plan. ") == "seoul's - new\" plan"
    assert metadata.norm("„Ja“ sagt er\u00ad!") == 'ja" sagt er'
    assert metadata.norm(None) == ""


def test_names_and_set_f1():
    assert metadata.names("Anna Lee; Bo Kim and C. Park") == ["Anna Lee", "Bo Kim", "C. Park"]
    assert metadata.names([{"name": "A"}, "B", None]) == ["A", "B"]
    assert metadata.set_f1(["C. Park", "Anna Lee"], ["c park"]) == pytest.approx(2 / 3)
    assert metadata.set_f1([], []) == 1.0 and metadata.set_f1(["A"], []) == 0.0


def test_date_scores_in_the_truths_offset():
    truth = "2024-12-02T09:15:00+09:00"
    same = metadata.date_scores(truth, "2024-12-02T00:15:00Z")  # the same instant in UTC
    assert same == {"date_day": 1.0, "date_min": 1.0, "date_inst": 1.0}
    naive = metadata.date_scores(truth, "2024-12-02T09:15:30")  # the wall clock, no offset
    assert naive == {"date_day": 1.0, "date_min": 1.0, "date_inst": 0.0}
    day_only = metadata.date_scores(truth, "2024-12-02")
    assert day_only == {"date_day": 1.0, "date_min": 0.0, "date_inst": 0.0}
    assert metadata.date_scores("2024-12-02", "2024-12-01T23:00:00+00:00") == {"date_day": 0.0}
    assert metadata.date_scores("2024-12-02", None) == {"date_day": 0.0}


def test_captions_count_once_and_never_in_the_body():
    truth = {"body_blocks": ["Para one is here.", "Para two."],
             "images": [{"url": "a.jpg", "caption": "A tram at dusk"},
                        {"url": "b.jpg", "urls": ["b.jpg", "b-wide.jpg"],
                         "caption": "The mayor speaks / Kim"},
                        {"url": "c.jpg", "caption": "Para two."},  # inside the truth body
                        {"url": "d.jpg", "caption": "A tram at dusk"}]}  # listed twice
    item = {"articleBody": "Para one is here.\n\nPara two.",
            "images": [{"url": "b-wide.jpg", "caption": "The mayor speaks"},  # credit cut
                       {"url": "x.jpg", "caption": "A tram at dusk"}]}
    page = metadata.score_page(truth, item)
    assert page.scores["captions"] == (2, 2)
    assert page.scores["image_url"] == (1, 4)
    leaked = dict(item, articleBody=item["articleBody"] + "\n\nThe mayor speaks / Kim")
    assert metadata.score_page(truth, leaked).scores["captions"] == (1, 2)


def test_evaluate_pools_small_languages_and_marks_unattempted_fields():
    truth = {"a": {"headline": "Tram", "language": "de", "body_blocks": ["x y z w"]},
             "b": {"headline": "Bus", "language": "sv", "body_blocks": ["x y z w"]}}
    pred = {"a": {"headline": "Tram | Site", "inLanguage": "de-AT", "articleBody": "x y z w"},
            "b": {"headline": "bus", "inLanguage": "nb"}}
    report = metadata.evaluate(truth, pred)
    assert report.overall["headline"] == (0.5, 2) and report.overall["headline~"] == (1.0, 2)
    assert report.overall["language"] == (0.5, 2)
    assert report.overall["body_f1"][0] == pytest.approx(2 / 3)  # P 1/1, R (1 + 0) / 2
    assert list(report.by_language) == ["other"] and report.sizes == {"all": 2, "other": 2}
    assert metadata.evaluate(truth, pred, {"headline"}).overall["language"] == (None, 2)


# -- page types -----------------------------------------------------------------------------

def _copy_fixture(name: str, folder: Path, as_name: str | None = None) -> None:
    as_name = as_name or name
    shutil.copy(SITE / f"{name}.html", folder / f"{as_name}.html")
    shutil.copy(SITE / f"{name}.meta.json", folder / f"{as_name}.meta.json")


def test_pagetypes_on_a_labelled_folder(tmp_path):
    for name in (ARTICLE_PAGE, LISTING_PAGE, "wp-water-bottle"):
        _copy_fixture(name, tmp_path)
    (tmp_path / "pagetypes.json").write_text(json.dumps({
        ARTICLE_PAGE: "article", LISTING_PAGE: "listing_page",
        "wp-water-bottle": "listing_page"}))  # mislabelled on purpose: an accepted non-article
    out = io.StringIO()
    (report,) = pagetypes.run([tmp_path], out)
    assert report.layout == "labelled"
    assert report.verdicts[ARTICLE_PAGE] == "article"
    assert report.verdicts[LISTING_PAGE] == _fixture_code(LISTING_PAGE)
    assert report.articles_rejected == [] and report.non_articles_accepted == ["wp-water-bottle"]
    text = out.getvalue()
    assert "articles rejected: 0; non-articles accepted: 1" in text
    matrix = {line.split()[0]: line.split()[1:] for line in text.splitlines()[-3:]}
    assert matrix == {"label": ["\\", "verdict", "article", _fixture_code(LISTING_PAGE)],
                      "article": ["1", "0"], "listing_page": ["1", "1"]}


def _fixture_code(name: str) -> str:
    """The reason code the fixture page gets (its expected JSON has the detail only)."""
    from newscrawl.evaluation.datasets import extract
    from newscrawl.fixtures import load_fixture

    fx = load_fixture(SITE / f"{name}.meta.json")
    return str(extract(fx.body, fx.url, **fx.context())[1].reason)


def test_pagetypes_lists_real_articles_rejected(tmp_path, capsys):
    html = tmp_path / "html"
    html.mkdir()
    truth = {}
    for name in (ARTICLE_PAGE, LISTING_PAGE):
        html.joinpath(f"{name}.html.gz").write_bytes(
            gzip.compress((SITE / f"{name}.html").read_bytes()))
        truth[name] = {"articleBody": "x", "url": _fixture_item(name)["url"]}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    assert main(["eval", "pagetypes", "--data", str(tmp_path), "--data",
                 str(DATA / "extraction")]) == 0
    out = capsys.readouterr().out
    assert "pages (real articles); not an article: 1" in out
    assert f"  {LISTING_PAGE}: {_fixture_code(LISTING_PAGE)} (" in out
    assert "real articles rejected, all sets: 1" in out


# -- dates by subset ------------------------------------------------------------------------

def test_dates_scored_per_subset():
    gold = {"a": "2024-01-02", "b": "2024-01-03", "c": None, "d": "2024-05-05"}
    pred = {"a": "2024-01-02T10:00:00+01:00", "b": None, "c": None, "d": "2024-05-06"}
    meta = {"a": {"subset": "news"}, "b": {"subset": "news"}, "c": {"subset": "web"},
            "d": {"subset": "web"}}
    groups = by_group(gold, pred, meta, "subset")
    assert groups["news"]["accuracy"] == 0.5 and groups["news"]["precision"] == 1.0
    assert groups["web"]["accuracy"] == 0.5 and groups["web"]["precision"] == 0.0
    assert score(gold, pred)["accuracy"] == 0.5


# -- the gate -------------------------------------------------------------------------------

def _tiny_shared(root: Path) -> Path:
    """SHARED/data with the three dev layouts, made of fixture pages."""
    data = root / "data"
    article, listing = _fixture_item(ARTICLE_PAGE), _fixture_item(LISTING_PAGE)
    ext = data / "article-extraction-benchmark" / "dev"
    (ext / "html").mkdir(parents=True)
    (ext / "html" / "p1.html.gz").write_bytes(
        gzip.compress((SITE / f"{ARTICLE_PAGE}.html").read_bytes()))
    (ext / "ground-truth.json").write_text(json.dumps(
        {"p1": {"url": article["url"], "articleBody": article["articleBody"]}}))
    dates = data / "dates" / "dev"
    (dates / "pages").mkdir(parents=True)
    for pid, name in (("d1", ARTICLE_PAGE), ("d2", LISTING_PAGE)):
        (dates / "pages" / f"{pid}.html.gz").write_bytes(
            gzip.compress((SITE / f"{name}.html").read_bytes()))
    (dates / "meta.json").write_text(json.dumps({
        "d1": {"url": article["url"], "subset": "mediacloud"},
        "d2": {"url": listing["url"], "subset": "bbaw"}}))
    (dates / "ground_truth.json").write_text(json.dumps(
        {"d1": article["datePublished"][:10], "d2": None}))
    fundus = data / "fundus" / "dev"
    (fundus / "html").mkdir(parents=True)
    for pid, name in (("f1", ARTICLE_PAGE), ("f2", LISTING_PAGE)):
        (fundus / "html" / f"{pid}.html.gz").write_bytes(
            gzip.compress((SITE / f"{name}.html").read_bytes()))
    (fundus / "ground-truth.json").write_text(json.dumps({
        "f1": {"url": article["url"], "headline": article["headline"], "language": "en",
               "authors": article["authors"], "date_published": article["datePublished"],
               "body_blocks": article["articleBody"].split("\n\n"), "topics": None,
               "images": []},
        "f2": {"url": listing["url"], "headline": "World", "language": "en",
               "body_blocks": ["A world section is no article."], "authors": None,
               "topics": None, "images": None}}))
    return root


def _floors(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_gate_passes_fails_and_refuses(tmp_path):
    shared = _tiny_shared(tmp_path / "shared")
    good = _floors(tmp_path / "good.toml", "[extraction]\nf1 = 0.99\n[dates]\naccuracy = 1.0\n"
                   "accuracy_news = 1.0\n[metadata]\nheadline = 1.0\n"
                   "[rejections]\nreal_articles_max = 1\n")
    out = io.StringIO()
    assert gate.run(shared, out, floors=good) == 0, out.getvalue()
    text = out.getvalue()
    assert re.search(r"rejections\.real_articles_max +1  <= 1", text)
    assert "fundus/f2" in text and "quality gate: passed (17 figures" in text
    # The labelled fixture folders are measured too (not bounded by this floors file).
    assert re.search(r"pagetypes\.non_articles_accepted_max +0  -", text)
    assert re.search(r"pagetypes\.articles_rejected_max +0  -", text)

    strict = _floors(tmp_path / "strict.toml", "[rejections]\nreal_articles_max = 0\n")
    out = io.StringIO()
    assert gate.run(shared, out, floors=strict) == 1
    assert "FAIL" in out.getvalue() and "rejections.real_articles_max" in out.getvalue()

    unknown = _floors(tmp_path / "unknown.toml", "[dates]\naccuracy_everywhere = 0.9\n")
    out = io.StringIO()
    assert gate.run(shared, out, floors=unknown) == 2
    assert "does not measure: dates.accuracy_everywhere" in out.getvalue()

    out = io.StringIO()
    assert gate.run(tmp_path / "nowhere", out, floors=good) == 2
    assert "dev data not found" in out.getvalue()


def test_the_pinned_floors_file_is_read_and_names_only_measured_figures():
    bounds = gate.read_bounds(gate.FLOORS)
    assert bounds["rejections.real_articles_max"] == 0  # real articles are never rejected
    assert bounds["pagetypes.articles_rejected_max"] == 0
    assert bounds["pagetypes.non_articles_accepted_max"] == 0
    measured = {"extraction.f1", "dates.accuracy", "dates.precision", "dates.accuracy_news",
                "rejections.real_articles_max", "pagetypes.articles_rejected_max",
                "pagetypes.non_articles_accepted_max",
                *(f"metadata.{name}" for name in gate.METADATA_FIGURES)}
    assert set(bounds) == measured
    assert all(0 < v <= 1 for k, v in bounds.items() if not k.endswith("_max"))


def test_the_evaluations_extract_is_extract_article():
    """The evaluations run extract_article's steps to keep the typed verdict: the same items,
    on every fixture page (articles and listings)."""
    from newscrawl.clean.article import extract_article
    from newscrawl.evaluation.datasets import extract
    from newscrawl.fixtures import load_fixtures

    pages = [fx for fx in load_fixtures(SITE) if fx.is_html]
    verdicts = set()
    for fx in pages:
        item, rejection = extract(fx.body, fx.url, **fx.context())
        assert item == extract_article(fx.body, fx.url, **fx.context())
        assert (str(rejection) if rejection else None) == item["metadata"]["notArticle"]
        verdicts.add(rejection is None)
    assert len(pages) > 20 and verdicts == {True, False}
