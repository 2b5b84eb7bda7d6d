from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SITE = FIXTURES / "seoulpost"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def site_dir() -> Path:
    return SITE


@pytest.fixture
def fixture_site():
    from servers import FixtureSite

    with FixtureSite(SITE) as site:
        yield site
