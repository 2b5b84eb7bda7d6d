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
    """A bare name is looked up among the bundled profiles only; a path is a file the
    operator names on purpose (and must be a profile)."""
    with pytest.raises(ProfileError, match="invalid site profile name"):
        load_profile("seoul post")
    with pytest.raises(ProfileError, match="no site profile file ../etc/passwd"):
        load_profile("../etc/passwd")


def test_a_profile_outside_the_package_loads_by_its_path(tmp_path: Path) -> None:
    path = write(tmp_path, 'timezone = "Europe/Berlin"\n') / "example.toml"
    profile = load_profile(str(path))
    assert (profile.name, profile.timezone, profile.domains) == (
        "example", "Europe/Berlin", ("news.example",))


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('artcle_urls = ["/news/"]\n',
         r"unknown key 'artcle_urls' \(did you mean article_urls\?\)"),
        ('timezone = "Asia/Seol"\n', r"timezone 'Asia/Seol' is not a time zone \(did you mean "
                                     r"Asia/Seoul\?\)"),
        ('timezone = "Mars/Olympus"\n', r"not a time zone \(an IANA name such as"),
        ("article_urls = ['/news/(\\d+']\n", r"article_urls: .* is not a regular expression"),
        ('domains = "news.example"\n', "domains: expected a list of strings"),
        ('[selectors]\nbdy = "div.story"\n', r"unknown key 'bdy' \(did you mean body\?\)"),
    ],
)
def test_profile_mistakes_are_named_with_the_fix(tmp_path: Path, extra: str, message: str) -> None:
    text = BASE.replace('domains = ["news.example"]\n', "") if extra.startswith("domains") \
        else BASE
    (tmp_path / "example.toml").write_text(text + extra, encoding="utf-8")
    with pytest.raises(ProfileError, match=message) as raised:
        load_profile("example", tmp_path)
    assert "example.toml" in str(raised.value) and "\n" not in str(raised.value)


def test_an_unknown_site_names_the_closest_profile() -> None:
    with pytest.raises(ProfileError, match=r"no site profile 'seoulpots' \(did you mean "
                                           r"seoulpost\?\); available: .*seoulpost"):
        load_profile("seoulpots")
