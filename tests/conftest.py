from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SITE = FIXTURES / "seoulpost"
DATA = Path(__file__).resolve().parent / "data"

# Folders of the checkout that tools write into on their own (not the tests' outputs).
_TOOL_FOLDERS = {".git", ".venv", "__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache",
                 "build", "dist"}


def _checkout_files() -> dict[str, float]:
    """Every file of the checkout (tool folders aside) with its modification time."""
    files = {}
    for folder, dirs, names in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in _TOOL_FOLDERS and not d.endswith(".egg-info")]
        for name in names:
            path = os.path.join(folder, name)
            try:
                files[path] = os.stat(path).st_mtime
            except FileNotFoundError:
                pass
    return files


def pytest_configure(config: pytest.Config) -> None:
    config._newscrawl_checkout = _checkout_files()  # type: ignore[attr-defined]
    # The user cache folder (newscrawl's: the unpacked language model, clean/langid_model.py)
    # a temporary one; cleaning workers and `newscrawl` subprocesses inherit it.
    cache = tempfile.mkdtemp(prefix="newscrawl-cache-")
    os.environ["XDG_CACHE_HOME"] = cache
    config._newscrawl_cache = cache  # type: ignore[attr-defined]
    try:  # hypothesis keeps its example database and caches here, not in the checkout
        from hypothesis.configuration import set_hypothesis_home_dir
    except ImportError:
        return
    home = tempfile.mkdtemp(prefix="newscrawl-hypothesis-")
    set_hypothesis_home_dir(home)
    config._newscrawl_hypothesis_home = home  # type: ignore[attr-defined]


def pytest_unconfigure(config: pytest.Config) -> None:
    cache = getattr(config, "_newscrawl_cache", None)
    if cache:
        shutil.rmtree(cache, ignore_errors=True)
    home = getattr(config, "_newscrawl_hypothesis_home", None)
    if home:
        shutil.rmtree(home, ignore_errors=True)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Tests write only to temporary folders: a file the run created or changed in the
    checkout (an `output/` left by a crawl with default settings...) fails the run."""
    before = getattr(session.config, "_newscrawl_checkout", None)
    if before is None or session.config.option.collectonly:
        return
    after = _checkout_files()
    written = sorted(p for p, mtime in after.items() if before.get(p) != mtime)
    if written:
        shown = "\n  ".join(os.path.relpath(p, ROOT) for p in written[:20])
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        message = (f"the tests wrote {len(written)} file(s) into the checkout, not a "
                   f"temporary folder:\n  {shown}")
        if reporter is not None:
            reporter.write_line(f"ERROR: {message}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session", autouse=True)
def _cwd_is_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory):
    """Relative default paths (output/..., .hypothesis/) land in a temporary folder, and
    `scrapy crawl` run by a test finds the project's settings from there."""
    cwd = tmp_path_factory.mktemp("cwd")
    old, old_env = os.getcwd(), os.environ.get("SCRAPY_SETTINGS_MODULE")
    os.chdir(cwd)
    os.environ["SCRAPY_SETTINGS_MODULE"] = "newscrawl.settings"
    yield cwd
    os.chdir(old)
    if old_env is None:
        os.environ.pop("SCRAPY_SETTINGS_MODULE", None)
    else:
        os.environ["SCRAPY_SETTINGS_MODULE"] = old_env


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # A test that starts redis-server is a Redis test, marked or not (-m "not redis").
    for item in items:
        if "redis_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.redis)


@pytest.fixture(scope="session")
def site_dir() -> Path:
    return SITE


@pytest.fixture
def fixture_site():
    from servers import FixtureSite

    with FixtureSite(SITE) as site:
        yield site


# Six paragraphs of running text: enough for the extractor to see a story on a hand-made page.
RUNNING_TEXT = "".join(f"<p>Paragraph {i} of the story about the council's budget vote in the "
                       "city, long enough to be running text for the extractor.</p>"
                       for i in range(6))
