"""Site-level template learning: a teaser rail with no label, no links and no telling class
names repeats on every article page of the fixture site. Within one page nothing marks it;
after a few pages the crawl knows it and drops it, and every article keeps its paragraphs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import pytest_twisted
from conftest import SITE
from scrapy.utils.test import get_crawler
from test_crawl import _settings

from newscrawl.clean.templates import TemplateLearner, block_key, body_block_keys
from newscrawl.fixtures import load_fixtures
from newscrawl.spiders.article import ArticleSpider

RAIL = [
    "Exhibition review: a retrospective of Korean modernist painters opens at the national "
    "museum in Gwacheon this spring.",
    "Food diary: the noodle houses of Euljiro keep their prices low while rents around them "
    "keep climbing.",
    "Travel notes: a weekend on Jeju's quieter eastern coast, away from the resort strip.",
]
RAIL_HTML = "<div>" + "".join(f"<p>{t}</p>" for t in RAIL) + "</div>"


def _site_with_rail(tmp_path: Path) -> tuple[Path, dict[str, list[str]]]:
    """Copy the fixture site and put the rail right after each article's last paragraph.
    Returns the folder and, per article URL, its golden paragraphs."""
    folder = tmp_path / "seoulpost"
    shutil.copytree(SITE, folder)
    golden = {}
    for fx in load_fixtures(folder):
        if not (fx.is_html and fx.expected_path.exists()):
            continue
        expected = json.loads(fx.expected_path.read_text("utf-8"))
        if expected["metadata"]["notArticle"]:
            continue
        paragraphs = expected["articleBody"].split("\n\n")
        body = fx.body
        tail = paragraphs[-1][-25:].encode(expected["metadata"]["encoding"])
        at = body.find(tail)
        end = body.find(b"</p>", at)
        assert at > 0 and end > 0, fx.name
        fx.body_path.write_bytes(body[: end + 4] + RAIL_HTML.encode("ascii") + body[end + 4:])
        golden[fx.url.split("?")[0]] = paragraphs
    return folder, golden


def _has_rail(item: dict) -> bool:
    return any(t in item["articleBody"] for t in RAIL)


@pytest.mark.slow
@pytest_twisted.inlineCallbacks
def test_unlabeled_rail_is_learned_and_dropped_and_articles_stay_whole(tmp_path):
    site, golden = _site_with_rail(tmp_path)
    runs = []
    for run in range(2):
        out = tmp_path / f"run{run}"
        settings = _settings(out, NEWSCRAWL_REPLAY_DIR=str(site), CONCURRENT_REQUESTS=1,
                             NEWSCRAWL_STATE_PATH=str(tmp_path / "state.sqlite3"))
        crawler = get_crawler(ArticleSpider, settings)
        yield crawler.crawl(site="seoulpost")
        runs.append([json.loads(x) for x in (out / "articles.jsonl").read_text().splitlines()])

    first, second = runs
    with_rail = [item for item in first if _has_rail(item)]
    # The rail reaches the first pages (nothing on one page marks it) ...
    assert 1 <= len(with_rail) <= 3 + 1
    # ... and is gone from every later item of the run, and from the next run entirely.
    assert len(first) - len(with_rail) >= 10
    assert not any(_has_rail(item) for item in second)
    # Every article keeps all its own paragraphs, in order.
    for item in first + second:
        paragraphs = [p for p in item["articleBody"].split("\n\n") if p not in RAIL]
        assert paragraphs == golden[item["url"].split("?")[0]], item["url"]


def test_a_block_of_one_article_never_becomes_template():
    learner = TemplateLearner(min_pages=3)
    keys = body_block_keys("A paragraph that belongs to this one article only, said twice.")
    for _ in range(10):  # the same article seen again and again (re-crawls, URL variants)
        assert learner.observe("site", "article-1", keys) == []
    assert learner.known("site") == frozenset()
    learner.observe("site", "article-2", keys)
    assert learner.known("site") == frozenset()
    assert learner.observe("site", "article-3", keys) == list(keys)
    assert learner.known("site") == frozenset(keys)
    assert learner.known("other-site") == frozenset()


def test_block_keys_ignore_spacing_and_case_but_not_words():
    assert block_key("Travel  notes:\na weekend") == block_key("travel notes: A weekend")
    assert block_key("Travel notes: a weekend") != block_key("Travel notes: a week")


class _ListLearner:
    """The learner as first written (article ids in lists, the oldest candidate found by a
    scan from the front of the map): the oracle of the compact one."""

    def __init__(self, min_pages: int, max_blocks: int):
        self.min_pages, self.max_blocks = min_pages, max_blocks
        self.seen: dict[str, dict[str, list[str]]] = {}

    def observe(self, site: str, article_id: str, keys) -> list[str]:
        blocks = self.seen.setdefault(site, {})
        promoted = []
        for key in keys:
            ids = blocks.get(key)
            if ids is None:
                if len(blocks) >= self.max_blocks:
                    for old, old_ids in blocks.items():
                        if len(old_ids) < self.min_pages:
                            del blocks[old]
                            break
                ids = blocks[key] = []
            if len(ids) < self.min_pages and article_id not in ids:
                ids.append(article_id)
                if len(ids) == self.min_pages:
                    promoted.append(key)
        return promoted


def test_compact_learner_learns_and_forgets_as_the_list_learner():
    """Random articles over a small block vocabulary (some blocks common, most rare), a cap
    far below the vocabulary, re-observed articles, two sites: the same promotions, the same
    tracked blocks in the same order, and the stored form round-trips through load()."""
    import random

    from newscrawl.clean.templates import ids_of
    from newscrawl.pipelines.templates import merge_blocks

    rng = random.Random(19)
    for min_pages, cap in ((3, 40), (2, 15), (3, 1000)):
        new, old = TemplateLearner(min_pages, cap), _ListLearner(min_pages, cap)
        for _ in range(600):
            site = rng.choice(["a", "b"])
            article = f"{site}/{rng.randrange(400)}"  # some articles come twice
            keys = {f"k{int(rng.paretovariate(0.6)) % 300}" for _ in range(rng.randrange(1, 9))}
            assert new.observe(site, article, keys) == old.observe(site, article, keys)
        for site, blocks in old.seen.items():
            mine = {key: list(ids_of(ids)) for key, ids in new.snapshot(site).items()}
            assert mine == blocks and list(mine) == list(blocks)
            # the stored form, as the store's JSON keeps it (past the cap when templates
            # fill it: merge_blocks trims)
            stored = json.loads(json.dumps(merge_blocks(None, new.snapshot(site), min_pages,
                                                        10 * cap)))
            assert stored == blocks
            assert new.known(site) == {k for k, ids in blocks.items() if len(ids) >= min_pages}
            again = TemplateLearner(min_pages, cap)
            again.load(site, stored)
            assert again.snapshot(site) == new.snapshot(site)
            assert again.known(site) == new.known(site)
