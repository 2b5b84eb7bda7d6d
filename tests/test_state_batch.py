"""Staged articles reach the SQLite state in batches (one transaction per STAGE_BATCH), and
every one of them is there when the run commits, abandons or the state closes."""

from __future__ import annotations

from newscrawl.state import sqlite
from newscrawl.state.base import ArticleState, utc_now
from newscrawl.state.sqlite import STAGE_BATCH, SqliteCrawlState


def _article(n: int) -> ArticleState:
    return ArticleState(id=f"a{n}", site="s", url=f"https://s.example/news/{n}",
                        fingerprint=f"sha256:{n}", first_seen="2025-01-01T00:00:00Z",
                        last_seen="2025-01-01T00:00:00Z", urls=[f"https://s.example/news/{n}"])


def _rows(state: SqliteCrawlState) -> int:
    return state.db.execute("SELECT count(*) FROM staged").fetchone()[0]


def test_staged_in_batches_and_all_committed(tmp_path):
    state = SqliteCrawlState(tmp_path / "state.sqlite3")
    state.begin_run("r", utc_now())
    for n in range(2 * STAGE_BATCH + 5):
        state.stage("r", _article(n))
    assert _rows(state) == 2 * STAGE_BATCH  # two transactions so far, 5 in memory
    assert state.commit_run("r", {"runId": "r"}) == 2 * STAGE_BATCH + 5
    assert state.count_articles() == 2 * STAGE_BATCH + 5 and _rows(state) == 0
    state.close()


def test_one_transaction_per_batch(tmp_path, monkeypatch):
    state = SqliteCrawlState(tmp_path / "state.sqlite3")
    begun = []
    real = sqlite._Transaction.__enter__
    monkeypatch.setattr(sqlite._Transaction, "__enter__",
                        lambda self: begun.append(1) or real(self))
    for n in range(3 * STAGE_BATCH):
        state.stage("r", _article(n))
    assert len(begun) == 3
    state.close()


def test_close_and_abandon_see_what_is_held(tmp_path):
    state = SqliteCrawlState(tmp_path / "state.sqlite3")
    state.begin_run("r", utc_now())
    state.stage("r", _article(1))
    state.close()
    state = SqliteCrawlState(tmp_path / "state.sqlite3")
    assert _rows(state) == 1
    state.stage("r", _article(2))
    assert state.abandon_run("r") == 2
    state.close()
