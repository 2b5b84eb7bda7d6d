"""Site profiles: the TOML files in newscrawl/sites/ and their validation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newscrawl.sites import ProfileError, available, load_profile

BASE = """name = "example"
domains = ["news.example"]
start_urls = ["https://news.example/"]
"""


def write(tmp_path: Path, extra: str) -> Path:
    (tmp_path / "example.toml").write_text(BASE + extra, encoding="utf-8")
    return tmp_path


def test_bundled_profiles_load() -> None:
    for name in available():
        assert load_profile(name).domains


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("founded = 2009-03-01\n", date(2009, 3, 1)),  # a TOML date
        ("founded = 2009\n", date(2009, 1, 1)),  # a year: its first day
        ('founded = "2009-03-01"\n', date(2009, 3, 1)),
        ("", None),
    ],
)
def test_founded_forms(tmp_path: Path, extra: str, expected: date | None) -> None:
    assert load_profile("example", write(tmp_path, extra)).founded == expected


@pytest.mark.parametrize("extra", ['founded = "last spring"\n', "founded = [2009]\n"])
def test_bad_founded_is_a_profile_error(tmp_path: Path, extra: str) -> None:
    with pytest.raises(ProfileError, match="example.toml"):
        load_profile("example", write(tmp_path, extra))


def test_profile_names_cannot_leave_the_folder() -> None:
    with pytest.raises(ProfileError, match="invalid site profile name"):
        load_profile("../etc/passwd")
