"""Archive files: atomic, confined to the output folder, with front matter and an index."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawl.exporters.archive_index import merge_index
from newscrawl.exporters.markdown_archive import MarkdownArchive, archive_path, to_markdown
from newscrawl.exporters.paths import confined, safe_part


def item(**kw):
    base = {"url": "https://a.example/news/1-x", "headline": "A \"quoted\" headline: yes",
            "articleBody": "First.\n\nSecond.", "datePublished": "2024-12-02T09:15:00+09:00",
            "authors": ["Kim Min-ji"], "images": [], "metadata": {"site": "a.example",
                                                                  "fingerprint": "sha256:ab"}}
    base.update(kw)
    return base


def test_archive_layout_site_year_month_id(tmp_path):
    path = archive_path(tmp_path, item())
    rel = path.relative_to(tmp_path.resolve())
    assert rel.parts[:3] == ("a.example", "2024", "12")
    assert rel.suffix == ".md" and len(rel.stem) == 16


def test_undated_articles_have_their_own_folder(tmp_path):
    rel = archive_path(tmp_path, item(datePublished=None)).relative_to(tmp_path.resolve())
    assert rel.parts[:2] == ("a.example", "undated")


@pytest.mark.parametrize("evil", ["../../etc", "/etc/passwd", "a\x00b", "..", "CON", "x" * 500,
                                  "../", "~root", "c:\\windows"])
def test_path_parts_from_untrusted_text_stay_inside(tmp_path, evil):
    part = safe_part(evil)
    assert "/" not in part and "\\" not in part and "\x00" not in part
    assert part not in ("", ".", "..") and len(part) <= 80
    path = confined(tmp_path, evil, evil)
    assert tmp_path.resolve() in path.parents


def test_site_from_a_hostile_item_cannot_escape(tmp_path):
    path = archive_path(tmp_path, item(metadata={"site": "../../../tmp/evil"},
                                       datePublished="../../x"))
    assert tmp_path.resolve() in path.parents


def test_front_matter_is_valid_and_body_follows():
    md = to_markdown(item())
    head, body = md.split("---\n")[1], md.split("---\n", 2)[2]
    fields = dict(line.split(": ", 1) for line in head.strip().splitlines())
    assert json.loads(fields["headline"]) == 'A "quoted" headline: yes'
    assert json.loads(fields["authors"]) == ["Kim Min-ji"]
    assert body.strip().endswith("First.\n\nSecond.")


class _Stats:
    def __init__(self):
        self.values = {}

    def inc_value(self, key, count=1):
        self.values[key] = self.values.get(key, 0) + count


def test_archive_writes_files_and_merges_the_index(tmp_path):
    for run in range(2):
        ext = MarkdownArchive(tmp_path)
        ext.stats = _Stats()
        ext.item_scraped(item(url=f"https://a.example/news/{run}-x"))
        ext.spider_closed()
    index = [json.loads(x) for x in (tmp_path / "index.jsonl").read_text().splitlines()]
    assert len(index) == 2
    for entry in index:
        assert (tmp_path / entry["path"]).is_file()
    assert not list(Path(tmp_path).rglob("*.part"))


def test_archive_syncs_once_per_batch_and_at_close(tmp_path, monkeypatch):
    from newscrawl.exporters import markdown_archive

    calls = []
    monkeypatch.setattr(markdown_archive, "SYNC_EVERY", 2)
    monkeypatch.setattr(markdown_archive, "sync_filesystem", lambda path: calls.append(path))
    ext = MarkdownArchive(tmp_path)
    ext.stats = _Stats()
    for n in range(3):
        ext.item_scraped(item(url=f"https://a.example/news/{n}-x"))
    assert len(calls) == 1  # after the 2nd file, not after each
    ext.spider_closed()
    assert len(calls) == 2  # the 3rd file, before the index lists it


def test_index_entries_kept_on_disk_come_back_exactly(tmp_path):
    """The run's entries wait in an unnamed temporary file: every value survives the trip
    (line breaks, U+2028, non-ASCII, null), a page archived twice keeps its last entry, and
    nothing but the index and the article folders is left in the archive."""
    ext = MarkdownArchive(tmp_path)
    ext.stats = _Stats()
    headlines = ["Two\nlines", "Sep\u2028arator é 한국", None]
    for n, headline in enumerate(headlines):
        ext.item_scraped(item(url=f"https://a.example/news/{n}-x", headline=headline))
    ext.item_scraped(item(url="https://a.example/news/0-x", headline="Updated"))
    assert ext.entries is not None and not isinstance(ext.entries, list)
    ext.spider_closed()
    lines = (tmp_path / "index.jsonl").read_text("utf-8").split("\n")
    index = [json.loads(x) for x in lines if x]
    assert {e["url"]: e["headline"] for e in index} == {
        "https://a.example/news/0-x": "Updated",
        "https://a.example/news/1-x": "Sep\u2028arator é 한국",
        "https://a.example/news/2-x": None}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.example", "index.jsonl"]


def test_an_index_line_with_a_unicode_line_separator_survives_the_next_run(tmp_path):
    for run, headline in enumerate(["Para\u2029graph \x85 next", "Plain"]):
        ext = MarkdownArchive(tmp_path)
        ext.stats = _Stats()
        ext.item_scraped(item(url=f"https://a.example/news/{run}-x", headline=headline))
        ext.spider_closed()
    lines = (tmp_path / "index.jsonl").read_text("utf-8").split("\n")
    assert sorted(json.loads(x)["headline"] for x in lines if x) == [
        "Para\u2029graph \x85 next", "Plain"]


_index_entry = st.fixed_dictionaries({
    "id": st.sampled_from(["a1", "a2", "b1", "b2", "c"]),
    "path": st.sampled_from(["a.example/2024/12/a1.md", "a.example/undated/a1.md",
                             "b.example/2025/01/b1.md", "Z.example/x.md", "é.example/y.md"]),
    "headline": st.none() | st.text(max_size=12),
})


@settings(max_examples=60, deadline=None)
@given(old=st.lists(_index_entry, max_size=8), new=st.lists(_index_entry, max_size=8))
def test_the_index_merge_equals_a_merge_in_memory(tmp_path_factory, old, new):
    """On disk (SQLite) or in a dict, the same index: one line per id (this run's last
    entry wins, even at a new path), sorted by path, whatever the values hold."""
    folder = tmp_path_factory.mktemp("index")
    index = folder / "index.jsonl"
    dump = [json.dumps(e, ensure_ascii=False) for e in old]
    index.write_text("".join(x + "\n" for x in dump[:1] + ["{broken", ""] + dump[1:]), "utf-8")
    with tempfile.TemporaryFile() as run:
        run.write(b"".join(json.dumps(e, ensure_ascii=False).encode() + b"\n" for e in new))
        merge_index(index, run)
    merged: dict[str, dict] = {}
    for entry in old + new:
        merged.pop(entry["id"], None)  # a replaced line is ordered as the new one
        merged[entry["id"]] = entry
    expected = sorted(merged.values(), key=lambda e: e["path"])
    got = [json.loads(x) for x in index.read_text("utf-8").split("\n") if x]
    assert [e["path"] for e in got] == [e["path"] for e in expected]
    assert sorted(got, key=lambda e: e["id"]) == sorted(expected, key=lambda e: e["id"])


def test_a_broken_index_line_is_skipped_with_a_warning(tmp_path, caplog):
    index = tmp_path / "index.jsonl"
    index.write_text('{"id": "a", "path": "a.md"}\nnot json\n{"no": "id"}\n', "utf-8")
    merge_index(index, None)
    assert index.read_text("utf-8") == '{"id": "a", "path": "a.md"}\n'
    assert [r.getMessage() for r in caplog.records].count(
        f"Skipping a broken line in {index}") == 2
