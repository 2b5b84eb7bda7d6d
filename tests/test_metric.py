"""The shingle metric (hand-computed values) and the extraction benchmark runner."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newscrawl.evaluation import extraction
from newscrawl.evaluation.metric import aggregate, page_counts, score, shingles, tokens

DATA = Path(__file__).resolve().parent / "data" / "extraction"


def test_tokens_are_word_runs() -> None:
    assert tokens("Don't stop—now!") == ["Don", "t", "stop", "now"]
    assert tokens("서울 2019년") == ["서울", "2019년"]
    assert tokens(None) == []


def test_shingles_short_text_gives_one_shorter_shingle() -> None:
    assert shingles(["a", "b"]) == {("a", "b"): 1}
    assert shingles([]) == {}
    assert sum(shingles(list("abcde")).values()) == 2


def test_page_counts_one_changed_word() -> None:
    # truth: (a b c d) (b c d e); pred: (a b c d) (b c d x)
    c = page_counts("a b c d e", "a b c d x")
    assert (c.tp, c.fp, c.fn) == (1, 1, 1)
    assert c.precision == 0.5 and c.recall == 0.5


def test_page_counts_are_multisets() -> None:
    # truth shingles: abcd x2, bcda, cdab, dabc; the prediction matches one abcd only
    c = page_counts("a b c d a b c d", "a b c d")
    assert (c.tp, c.fp, c.fn) == (1, 0, 4)
    assert c.recall == pytest.approx(0.2)


def test_short_texts_and_empty_sides() -> None:
    assert page_counts("hello world", "hello, world!").tp == 1
    empty_pred = page_counts("x y z", "")
    assert empty_pred.precision is None and empty_pred.recall == 0.0
    empty_truth = page_counts("", "foo")
    assert empty_truth.recall is None and empty_truth.precision == 0.0


def test_aggregate_macro_averages() -> None:
    counts = [
        page_counts("a b c d e", "a b c d x"),  # P .5  R .5
        page_counts("a b c d a b c d", "a b c d"),  # P 1   R .2
        page_counts("x y z", ""),  # no precision, R 0
        page_counts("", "foo"),  # P 0, no recall
    ]
    s = aggregate(counts)
    assert s.precision == pytest.approx(1.5 / 3)
    assert s.recall == pytest.approx(0.7 / 3)
    p, r = 1.5 / 3, 0.7 / 3
    assert s.f1 == pytest.approx(2 * p * r / (p + r))  # 0.31818...
    assert s.f1 == pytest.approx(0.318181818)


def test_score_missing_prediction_is_empty() -> None:
    s = score({"1": "a b c d", "2": "e f g h"}, {"1": "a b c d"})
    assert s.precision == 1.0 and s.recall == 0.5 and s.pages == 2


def test_aggregate_nothing() -> None:
    assert aggregate([]).f1 == 0.0


def test_passages_find_missing_and_extra_runs() -> None:
    truth = "the quick brown fox jumps over the lazy dog today".split()
    pred = "the quick brown fox jumps share this article on facebook".split()
    extra = extraction.uncovered_passages(pred, shingles(truth))
    missing = extraction.uncovered_passages(truth, shingles(pred))
    assert extra == ["share this article on facebook"]
    assert missing == ["over the lazy dog today"]


def test_run_on_small_dataset() -> None:
    out = io.StringIO()
    result = extraction.run(DATA, out, compare=["readability"], worst=2)
    report = out.getvalue()
    ours = result["newscrawl"]
    assert ours["pages"] == 2 and ours["pages_per_s"] > 0
    assert ours["f1"] > 0.9, report
    assert "readability" in result and "readability" in report
    assert len(result["worst"]) == 2
    gt = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    assert {w["id"] for w in result["worst"]} == set(gt)


def test_main_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "m.json"
    assert extraction.main(["--data", str(DATA), "--worst", "1", "--json-out", str(target)]) == 0
    assert "newscrawl" in capsys.readouterr().out
    assert json.loads(target.read_text(encoding="utf-8"))["newscrawl"]["pages"] == 2
