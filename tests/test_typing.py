"""The package type-checks (it ships py.typed): mypy with the configuration in
pyproject.toml, its cache in a temporary folder."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

pytest.importorskip("mypy", reason="mypy is in the test extras: pip install -e '.[test]'")


@pytest.mark.slow
def test_mypy_is_clean(tmp_path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"),
         "--config-file", str(ROOT / "pyproject.toml"), str(ROOT / "newscrawl")],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
