"""The offline `newscrawl extract` command: files, gz files, folders; JSON Lines out."""

from __future__ import annotations

import gzip
import json

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
