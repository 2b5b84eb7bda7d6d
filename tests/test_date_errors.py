"""The date error classes of the evaluation: told from the page's own evidence."""

from __future__ import annotations

from datetime import date

from newscrawl.evaluation.date_errors import DateError, classify, evidence, report

PAGE = (
    "<html lang='en'><head><title>Leaders agree on summit talks</title>"
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Leaders agree '
    'on summit talks", "datePublished": "2024-12-02T09:15:00+00:00", "dateModified": '
    '"2024-12-05T10:00:00+00:00"}</script></head><body><main><article>'
    "<h1>Leaders agree on summit talks</h1><p class='byline'>Updated Dec. 5, 2024</p>"
    "<p>" + "The minister said the plan would be presented next week. " * 6 + "</p>"
    "</article></main></body></html>"
).encode()
URL = "https://news.example/world/1001-summit-talks"


def test_classes_from_the_pages_evidence() -> None:
    ev = evidence(PAGE, URL)
    assert ev is not None
    assert date(2024, 12, 5) in ev.modified and date(2024, 12, 2) in ev.published
    assert classify("2024-12-02", "2024-12-02T09:15:00+00:00", "jsonld", ev) is None
    assert classify("2024-12-05", "2024-12-02", "jsonld", ev) is DateError.LABEL_IS_UPDATE
    assert classify("2024-12-02", "2024-12-05", "byline", ev) is DateError.UPDATE_TAKEN
    assert classify("2024-12-03", "2024-12-02", "jsonld", ev) is DateError.TIME_ZONE
    assert classify("2019-01-01", "2024-12-02", "jsonld", ev) is DateError.NOT_STATED
    assert classify("2024-12-02", None, None, ev) is DateError.MISSED_WEAK
    assert classify("2019-01-01", None, None, ev) is DateError.MISSED_NOT_STATED
    assert classify(None, "2024-12-02", "jsonld", ev) is DateError.UNDATED_GIVEN
    assert classify("2024-11-20", "2024-12-02", "htmldate", ev) is DateError.GUESS


def test_report_counts_each_class_by_group() -> None:
    errors = {"a": DateError.TIME_ZONE, "b": DateError.TIME_ZONE, "c": DateError.GUESS}
    lines = report(errors, {"a": "news", "b": "web", "c": "news"})
    assert lines[0].split()[0] == "2" and "(news 1, web 1)" in lines[0]
    assert lines[1].split()[0] == "1" and "(news 1, web 0)" in lines[1]


def test_eval_dates_prints_the_error_classes_by_subset(tmp_path) -> None:
    import gzip
    import io
    import json

    from newscrawl.evaluation.dates import run

    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.html.gz").write_bytes(gzip.compress(PAGE))
    (tmp_path / "pages" / "b.html.gz").write_bytes(gzip.compress(PAGE))
    (tmp_path / "meta.json").write_text(json.dumps({
        "a": {"url": URL, "subset": "news"}, "b": {"url": URL, "subset": "web"}}))
    (tmp_path / "ground_truth.json").write_text(json.dumps({"a": "2024-12-02", "b": "2024-12-05"}))
    out = io.StringIO()
    metrics = run(tmp_path, out, errors=5)
    assert metrics["correct"] == 1 and metrics["error_classes"] == {"b": "LABEL_IS_UPDATE"}
    assert "1  labelled with the update" in out.getvalue() and "(news 0, web 1)" in out.getvalue()
