"""The offline `newscrawl extract` command: files, gz files, folders; JSON Lines out."""

from __future__ import annotations

import gzip
import json
import sys

from conftest import SITE

from newscrawl.cli import main


def test_extract_a_fixture_uses_its_sidecar_url(capsys):
    assert main(["extract", str(SITE / "seed-zelenskyy.html")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    item = json.loads(lines[0])
    assert item["url"].endswith("/news/1001-zelenskyy-north-korean-cannon-fodder")
    assert item["datePublished"].startswith("2024-12-02")


def test_extract_gzip_with_url_and_a_folder(tmp_path, capsys, caplog):
    page = tmp_path / "p.html.gz"
    page.write_bytes(gzip.compress((SITE / "wp-water-bottle.html").read_bytes()))
    assert main(["extract", str(page), "--url", "https://x.example/a"]) == 0
    item = json.loads(capsys.readouterr().out)
    assert item["url"] == "https://x.example/a" and item["articleBody"]
    (tmp_path / "broken.html").write_bytes(b"%PDF-1.4 not html")
    assert main(["extract", str(tmp_path)]) == 0
    out = capsys.readouterr()
    assert len(out.out.splitlines()) == 1  # the PDF is skipped, with a logged reason
    assert "broken.html" in caplog.text and "PDF" in caplog.text


def test_regen_writes_expected_json(tmp_path):
    from newscrawl.cli import regen_expected
    from newscrawl.fixtures import load_fixture, save_fixture

    fx = load_fixture(SITE / "seed-zelenskyy.meta.json")
    copy = save_fixture(tmp_path / "site", "seed", fx.url, fx.body, 200, fx.headers)
    written = regen_expected(tmp_path / "site")
    assert written == [copy.expected_path]
    assert json.loads(copy.expected_path.read_text())["headline"].startswith("Zelenskyy")


def test_eval_disagreement_lists_pages_where_a_reference_finds_other_text(tmp_path, capsys):
    """Both directions on a dates-split layout: where the reference finds a long text we do
    not have, and where we have a story the reference does not."""
    from newscrawl.evaluation import disagreement

    (tmp_path / "pages").mkdir()
    for name in ("story", "stub"):
        body = (SITE / "wp-water-bottle.html").read_bytes() if name == "story" else (
            b"<html><body></body></html>")
        (tmp_path / "pages" / f"{name}.html.gz").write_bytes(gzip.compress(body))
    (tmp_path / "meta.json").write_text(json.dumps(
        {n: {"url": f"https://x.example/{n}"} for n in ("story", "stub")}))
    lost_text = " ".join(f"word{i}" for i in range(200))

    def reference(html: bytes, url: str) -> str:
        return lost_text if url.endswith("/stub") else ""

    counts = disagreement.run(tmp_path, sys.stdout, against=reference)
    out = capsys.readouterr().out
    assert counts == {"pages": 2, "lost": 1, "empty": 1, "added": 1}
    assert "stub  ours 0 / theirs 200 words, covered 0.00" in out
    assert "missing: word0 word1" in out
    assert "story  ours" in out and "kept 0.00" in out
    assert main(["eval", "disagreement", "--data", str(tmp_path), "--against",
                 "readability", "--top", "1"]) == 0
    assert capsys.readouterr().out.startswith("2 pages; readability finds")
