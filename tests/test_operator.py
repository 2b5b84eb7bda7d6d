"""What an operator meets (issue 17): user errors in one line with exit status 2 and no
traceback, feeds as in any Scrapy project, offline replay without politeness delays,
defaults written once, the package's metadata."""

from __future__ import annotations

import fcntl
import gzip
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT, SITE
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler
from servers import LoopbackSite

from newscrawl import __version__
from newscrawl import settings as project_settings
from newscrawl.cli import main
from newscrawl.errors import UserError
from newscrawl.replay import OFFLINE_SETTINGS, OfflineReplay
from newscrawl.settings_check import RUNTIME_SETTINGS, check_settings


def _one_line_error(err: str, command: str) -> str:
    """stderr ends with one error line of `command`, and holds no traceback."""
    assert "Traceback" not in err, err
    last = err.rstrip("\n").splitlines()[-1]
    assert last.startswith(f"{command}: error: "), err
    return last


# -- `newscrawl` commands ----------------------------------------------------------------


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith(f"newscrawl {__version__} (Scrapy ")


@pytest.mark.parametrize(("argv", "says"), [
    (["extract", "missing.html"], "missing.html: no such file or folder"),
    (["reprocess", "missing.warc.gz"], "missing.warc.gz: no such WARC file"),
    (["state", "show", "--state", "missing.sqlite3"], "no crawl state at missing.sqlite3"),
    (["eval", "dates", "--data", "missing-folder"], "No such file or directory"),
])
def test_missing_files_are_one_line_errors(argv, says, capsys) -> None:
    assert main(argv) == 2
    assert says in _one_line_error(capsys.readouterr().err, f"newscrawl {argv[0]}")


class _Answers404(LoopbackSite):
    def respond(self, path, headers):
        return 404, {"Content-Type": "text/plain"}, b"gone"


def test_fixture_save_of_a_404_says_so_and_saves_nothing(tmp_path, capsys) -> None:
    with _Answers404() as site:
        status = main(["fixture", "save", f"{site.url}/news/1", "--dir", str(tmp_path),
                       "--name", "page"])
    assert status == 2
    line = _one_line_error(capsys.readouterr().err, "newscrawl fixture")
    assert "answered HTTP 404" in line and f"{site.url}/news/1" in line
    assert not list(tmp_path.iterdir())


def test_a_missing_optional_extra_is_named(monkeypatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import trafilatura: ImportError
    assert main(["eval", "disagreement", "--data", str(SITE)]) == 2
    line = _one_line_error(capsys.readouterr().err, "newscrawl eval")
    assert "trafilatura" in line and "pip install 'newscrawl[compare]'" in line


def test_a_missing_redis_extra_is_named(monkeypatch, capsys) -> None:
    from newscrawl.distributed.addon import DistributedAddon
    from newscrawl.errors import MissingExtra

    monkeypatch.setitem(sys.modules, "redis", None)
    assert main(["redis", "--redis", "redis://127.0.0.1:1/0", "status"]) == 2
    line = _one_line_error(capsys.readouterr().err, "newscrawl redis")
    assert "pip install 'newscrawl[redis]'" in line
    with pytest.raises(MissingExtra, match=r"NEWSCRAWL_REDIS_URL.*newscrawl\[redis\]"):
        DistributedAddon.__new__(DistributedAddon).update_settings(
            _cmdline(NEWSCRAWL_REDIS_URL="redis://127.0.0.1:1/0"))


def test_extract_ends_with_a_summary_line(tmp_path, capsys) -> None:
    (tmp_path / "broken.html.gz").write_bytes(b"not gzip")
    page = SITE / "de-eu-date-exporte.html"
    assert main(["extract", str(page), str(tmp_path / "broken.html.gz")]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 1
    assert re.search(r"^extract: 2 pages in [\d.]+ s \([\d.]+ pages/s\): "
                     r"(1 articles, 1 skipped|1 skipped, 1 articles)$", err, re.M), err


def test_eval_shows_its_rate_and_ends_with_a_summary(capsys) -> None:
    assert main(["eval", "disagreement", "--data", str(SITE), "--against", "readability",
                 "--top", "1"]) == 0
    err = capsys.readouterr().err
    assert re.search(r"^eval disagreement: \d+ pages in [\d.]+ s \([\d.]+ pages/s\)$", err,
                     re.M), err


# -- settings ----------------------------------------------------------------------------


def _cmdline(**values: str) -> Settings:
    settings = Settings({k: getattr(project_settings, k) for k in dir(project_settings)
                         if k.isupper()})
    settings.setdict(values, priority="cmdline")
    return settings


@pytest.mark.parametrize(("values", "says"), [
    ({"NEWSCRAWL_MAX_PAGES_PER_SIT": "5"},
     "unknown setting NEWSCRAWL_MAX_PAGES_PER_SIT (did you mean NEWSCRAWL_MAX_PAGES_PER_SITE?)"),
    ({"CONCURENT_REQUESTS": "5"}, "(did you mean CONCURRENT_REQUESTS?)"),
    ({"NEWSCRAWL_NO_SUCH_THING": "1"}, "unknown setting NEWSCRAWL_NO_SUCH_THING"),
    ({"NEWSCRAWL_MAX_PAGES_PER_SITE": "lots"}, "expected a whole number (default: 10000)"),
    ({"NEWSCRAWL_MAX_ERROR_RATE": "1.5"}, "expected a share between 0 and 1"),
    ({"AUTOTHROTTLE_ENABLED": "maybe"}, "expected True or False"),
    ({"NEWSCRAWL_REVISIT_SCHEDULE": "hourly"}, "is not INTERVAL:UNTIL"),
    ({"NEWSCRAWL_REPLAY_DIR": "no/such/folder"}, "expected a folder that exists"),
    ({"NEWSCRAWL_REDIS_URL": "localhost:6379"}, "a URL such as redis://host:6379/0"),
    ({"LOG_LEVEL": "LOUD"}, "one of CRITICAL, ERROR, WARNING, INFO, DEBUG"),
    ({"NEWSCRAWL_ALLOW_PRIVATE_NETWORKS": "127.0.0.0/8,10.0.0.0/33"},
     "NEWSCRAWL_ALLOW_PRIVATE_NETWORKS: '10.0.0.0/33' is neither a network"),
])
def test_bad_settings_are_user_errors(values, says) -> None:
    with pytest.raises(UserError) as raised:
        check_settings(_cmdline(**values))
    assert says in str(raised.value)


def test_good_settings_and_unrelated_third_party_names_pass(caplog) -> None:
    check_settings(_cmdline())  # the project's own settings
    check_settings(_cmdline(NEWSCRAWL_MAX_PAGES_PER_SITE="50", AUTOTHROTTLE_ENABLED="False",
                            DOWNLOAD_DELAY="0.25",  # Scrapy's default is 0, its values floats
                            NEWSCRAWL_REPLAY_DIR=str(SITE), SOME_ADDON_OPTION="x"))
    assert "SOME_ADDON_OPTION is neither Scrapy's nor newscrawl's" in caplog.text


def test_defaults_are_written_once() -> None:
    """No component repeats a default of newscrawl/settings.py (falling back to another
    setting is no default), and every NEWSCRAWL_ name the code reads is defined there (the
    CLI reads its defaults there too)."""
    defined = {n for n in dir(project_settings) if n.startswith("NEWSCRAWL_")}
    repeated, undefined = [], set()
    for path in (ROOT / "newscrawl").rglob("*.py"):
        text = path.read_text("utf-8")
        repeated += [f"{path.name}: {m}" for m in re.findall(
            r"(?<!environ)\.get\w*\(\s*\"NEWSCRAWL_\w+\",\s*(?!settings\.)[^)\s]", text)]
        undefined |= set(re.findall(r"\"(NEWSCRAWL_[A-Z0-9_]+)\"", text)) - defined
    assert not repeated
    assert undefined <= RUNTIME_SETTINGS
    from newscrawl.cli import build_parser

    parser = build_parser()
    merge = parser.parse_args(["redis", "merge"])
    state = parser.parse_args(["state", "show"])
    assert merge.runs_dir == project_settings.NEWSCRAWL_REDIS_RUNS_DIR
    assert merge.prefix == project_settings.NEWSCRAWL_REDIS_PREFIX
    assert state.state == project_settings.NEWSCRAWL_STATE_PATH


# -- offline replay ----------------------------------------------------------------------


def test_replay_switches_politeness_delays_off_but_the_command_line_wins() -> None:
    settings = _cmdline(NEWSCRAWL_REPLAY_DIR=str(SITE), DOWNLOAD_DELAY="0.5")
    OfflineReplay().update_settings(settings)
    assert settings.getbool("AUTOTHROTTLE_ENABLED") is False
    assert settings.getfloat("NEWSCRAWL_ROBOTS_MAX_CRAWL_DELAY") == 0.0
    assert settings.getfloat("DOWNLOAD_DELAY") == 0.5  # given on the command line
    live = _cmdline()
    OfflineReplay().update_settings(live)
    assert live.getbool("AUTOTHROTTLE_ENABLED") is True
    assert set(OFFLINE_SETTINGS) <= {n for n in dir(project_settings) if n.isupper()} | {
        "DOWNLOAD_DELAY"}


def test_replay_logs_its_index_once(caplog) -> None:
    from newscrawl.spiders.article import ArticleSpider

    crawler = get_crawler(ArticleSpider, {**{k: getattr(project_settings, k) for k in
                                             dir(project_settings) if k.isupper()},
                                          "NEWSCRAWL_REPLAY_DIR": str(SITE)})
    caplog.set_level("INFO", logger="newscrawl.replay")
    from newscrawl.replay import ReplayDownloadHandler

    ReplayDownloadHandler(crawler), ReplayDownloadHandler(crawler)  # http and https
    assert caplog.text.count("Replaying") == 1


# -- `scrapy crawl` ------------------------------------------------------------------------


def _crawl(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """`scrapy crawl article ...` in a folder outside the checkout."""
    return subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "article", *args], cwd=tmp_path,
        capture_output=True, text=True, timeout=180, check=False)


@pytest.mark.slow
def test_crawl_user_errors_are_one_line_with_exit_status_2(tmp_path) -> None:
    bad_zone = tmp_path / "mysite.toml"
    bad_zone.write_text('domains = ["a.example"]\nstart_urls = ["https://a.example/"]\n'
                        'timezone = "Asia/Seol"\n', encoding="utf-8")
    cases = [
        (["-a", "site=seoulpots"], "no site profile 'seoulpots' (did you mean seoulpost?)"),
        (["-a", f"site={bad_zone}"], "timezone 'Asia/Seol' is not a time zone (did you mean "
                                     "Asia/Seoul?)"),
        (["-a", "start_urls_file=missing.txt"], "start_urls_file missing.txt: No such file"),
        (["-a", "site=seoulpost", "-s", "NEWSCRAWL_MAX_PAGES_PER_SIT=3"],
         "did you mean NEWSCRAWL_MAX_PAGES_PER_SITE?"),
        (["-a", "site=seoulpost", "-s", "NEWSCRAWL_MAX_LINK_DEPTH=deep"],
         "expected a whole number"),
        ([], "give start points"),
    ]
    for args, says in cases:
        done = _crawl(tmp_path, *args)
        assert done.returncode == 2, (args, done.stderr[-2000:])
        assert says in _one_line_error(done.stderr, "scrapy crawl"), args
    assert not (tmp_path / "output" / "runs").exists() or not any(
        p.name.endswith(".part") for p in (tmp_path / "output" / "runs").iterdir())


@pytest.mark.slow
def test_newscrawl_crawl_runs_scrapy_crawl_with_the_project_settings_anywhere(tmp_path) -> None:
    """Outside the checkout and without SCRAPY_SETTINGS_MODULE, `newscrawl crawl` still finds
    the project (its spider, its settings check)."""
    env = {k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"}
    done = subprocess.run([sys.executable, "-m", "newscrawl.cli", "crawl", "-a",
                           "site=seoulpots"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=180, check=False)
    assert done.returncode == 2
    assert "did you mean seoulpost?" in _one_line_error(done.stderr, "scrapy crawl")
    plain = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "article"], cwd=tmp_path,
                           env=env, capture_output=True, text=True, timeout=180, check=False)
    assert plain.returncode != 0 and "no active project" in plain.stdout + plain.stderr


@pytest.mark.slow
def test_an_overlapping_run_stops_with_one_line(tmp_path) -> None:
    runs = tmp_path / "output" / "runs"
    runs.mkdir(parents=True)
    with (runs / ".lock").open("a") as held:  # a run in progress holds the lock
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        done = _crawl(tmp_path, "-a", "site=seoulpost", "-s", f"NEWSCRAWL_REPLAY_DIR={SITE}")
    assert done.returncode == 2
    assert "another crawl is running in output/runs" in _one_line_error(done.stderr,
                                                                         "scrapy crawl")
    assert [p.name for p in runs.iterdir()] == [".lock"]


@pytest.mark.slow
def test_feeds_per_run_by_default_and_replaced_by_O(tmp_path) -> None:
    """Outside the checkout (scrapy finds the settings by SCRAPY_SETTINGS_MODULE): two runs
    leave two feeds; -O writes only the file it names; replay is offline and fast."""
    replay = ["-a", "site=seoulpost", "-s", f"NEWSCRAWL_REPLAY_DIR={SITE}",
              "-s", "NEWSCRAWL_INCREMENTAL=False"]
    for _ in range(2):
        done = _crawl(tmp_path, *replay)
        assert done.returncode == 0, done.stderr[-3000:]
    feeds = sorted((tmp_path / "output" / "feeds").glob("*.jsonl"))
    runs = sorted(p.name for p in (tmp_path / "output" / "runs").iterdir()
                  if not p.name.startswith("."))
    assert [f.stem for f in feeds] == runs and len(runs) == 2
    assert all(len(f.read_text("utf-8").splitlines()) == 15 for f in feeds)
    assert done.stderr.count("Replaying 29 saved responses") == 1
    done = _crawl(tmp_path, *replay, "-O", "mine.jsonl")
    assert done.returncode == 0
    assert len((tmp_path / "mine.jsonl").read_text("utf-8").splitlines()) == 15
    assert len(list((tmp_path / "output" / "feeds").glob("*.jsonl"))) == 2  # no third
    # The politeness delays are off: AutoThrottle is not among the settings Scrapy reports
    # as differing from its defaults (off there); the live crawl's settings do list it.
    overridden = done.stderr.split("Overridden settings:")[1].split("}\n")[0]
    assert "'BOT_NAME': 'newscrawl'" in overridden
    assert "AUTOTHROTTLE_ENABLED" not in overridden


# -- the package ---------------------------------------------------------------------------


def test_package_metadata_licence_version_and_typed_marker() -> None:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    project = meta["project"]
    assert project["license"] == "BSD-3-Clause" and (ROOT / "LICENSE").is_file()
    assert "BSD 3-Clause" in (ROOT / "LICENSE").read_text("utf-8")
    assert project["dynamic"] == ["version"]
    assert (ROOT / "newscrawl" / "py.typed").is_file()
    assert "py.typed" in meta["tool"]["setuptools"]["package-data"]["newscrawl"]
    # Every runtime dependency has a floor and a ceiling.
    for requirement in project["dependencies"]:
        assert ">=" in requirement and "<" in requirement.replace("<=", ""), requirement
    constraints = (ROOT / "constraints.txt").read_text("utf-8")
    for requirement in project["dependencies"]:
        name = re.split(r"[<>=\[ ]", requirement)[0].lower().replace("_", "-")
        assert re.search(rf"^{re.escape(name)}==", constraints.lower().replace("_", "-"),
                         re.M), f"{name} is not pinned in constraints.txt"


def test_no_stage_fails_on_the_golden_pages() -> None:
    """A smoke test of the installed libraries: a readability-lxml, extruct or dateparser
    whose internals changed makes a stage fail on every page."""
    from newscrawl.clean.article import extract_article
    from newscrawl.fixtures import load_fixtures

    pages = [fx for folder in sorted((ROOT / "fixtures").iterdir()) if folder.is_dir()
             for fx in load_fixtures(folder) if fx.is_html]
    failed = {}
    for fx in pages:
        item = extract_article(fx.body, fx.url, **fx.context())
        stage_failures = [w for w in item["metadata"]["warnings"] if "stage_failed" in str(w)]
        if stage_failures:
            failed[fx.url] = stage_failures
    assert len(pages) > 20 and not failed


def test_atomic_output_streams_and_appears_whole_or_not_at_all(tmp_path) -> None:
    from newscrawl.exporters.atomic import atomic_output

    target = tmp_path / "out.jsonl"
    with atomic_output(target) as fh:
        fh.write("one\n")
        fh.flush()
        assert not target.exists()  # written beside it, under a temporary name
        assert [p.read_text() for p in tmp_path.iterdir()] == ["one\n"]
    assert target.read_text() == "one\n"
    with pytest.raises(RuntimeError), atomic_output(tmp_path / "two.jsonl") as fh:
        fh.write("half")
        raise RuntimeError("disk full")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_reprocess_streams_each_article_as_it_is_cleaned(tmp_path, capsys) -> None:
    """The output is written page by page (a file object sees each article before the next
    page is read), and the command ends with its summary line."""
    from datetime import UTC, datetime

    from scrapy.http import HtmlResponse

    from newscrawl.exporters.warc import PageWarcWriter
    from newscrawl.fixtures import load_fixtures
    from newscrawl.reprocess import reprocess

    pages = [fx for fx in load_fixtures(SITE) if fx.is_html][:4]
    warc = tmp_path / "pages.warc.gz"
    with warc.open("wb") as fh:
        writer = PageWarcWriter(fh, warc.name, {"software": "test"})
        for fx in pages:
            writer.write_page(HtmlResponse(fx.url, body=fx.body, headers=fx.headers),
                              datetime(2025, 3, 20, tzinfo=UTC), {"context": {}})

    class Recorder:
        def __init__(self) -> None:
            self.lines: list[str] = []

        def write(self, text: str) -> None:
            self.lines.append(text)

    out = Recorder()
    seen_before: list[int] = []
    from newscrawl import reprocess as module

    real = module.clean_page

    def clean_page(page):  # how many articles were already written when this page came
        seen_before.append(len(out.lines))
        return real(page)

    module.clean_page = clean_page
    try:
        counts = reprocess([warc], out)  # type: ignore[arg-type]
    finally:
        module.clean_page = real
    assert counts["pages"] == len(pages) and counts["written"] >= 2
    assert seen_before[-1] >= 1  # articles were out before the last page was cleaned
    target = tmp_path / "again.jsonl"
    assert main(["reprocess", str(warc), "--out", str(target)]) == 0
    assert len(target.read_text("utf-8").splitlines()) == counts["written"]
    assert re.search(r"^reprocess: 4 pages in [\d.]+ s .*written", capsys.readouterr().err,
                     re.M)


def _gz_lines(path: Path) -> list[str]:
    return gzip.decompress(path.read_bytes()).decode().splitlines()


def _json_lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines()]
