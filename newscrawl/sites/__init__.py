"""Site profiles: one TOML file per site in this folder (see seoulpost.toml)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

PROFILE_DIR = Path(__file__).parent


class ProfileError(ValueError):
    pass


@dataclass(frozen=True)
class SiteProfile:
    name: str
    domains: tuple[str, ...]
    start_urls: tuple[str, ...]
    article_urls: tuple[re.Pattern[str], ...] = ()
    listing_urls: tuple[re.Pattern[str], ...] = ()
    timezone: str | None = None
    publisher: str | None = None
    selectors: dict[str, str] = field(default_factory=dict)
    # The day the site went online: no article of it is older (a sanity bound for dates).
    founded: date | None = None

    def is_article_url(self, url: str) -> bool:
        return any(p.search(url) for p in self.article_urls)

    def is_listing_url(self, url: str) -> bool:
        return any(p.search(url) for p in self.listing_urls)


def available() -> list[str]:
    return sorted(p.stem for p in PROFILE_DIR.glob("*.toml"))


def load_profile(name: str, directory: Path | None = None) -> SiteProfile:
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
        raise ProfileError(f"invalid site profile name {name!r}")
    path = (directory or PROFILE_DIR) / f"{name}.toml"
    if not path.is_file():
        raise ProfileError(f"no site profile {name!r}; available: {', '.join(available())}")
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    try:
        return SiteProfile(
            name=data.get("name", name),
            domains=tuple(data["domains"]),
            start_urls=tuple(data["start_urls"]),
            article_urls=tuple(re.compile(p) for p in data.get("article_urls", [])),
            listing_urls=tuple(re.compile(p) for p in data.get("listing_urls", [])),
            timezone=data.get("timezone"),
            publisher=data.get("publisher"),
            selectors=dict(data.get("selectors", {})),
            founded=_founded(data.get("founded")),
        )
    except (KeyError, re.error, TypeError, ValueError) as exc:
        raise ProfileError(f"site profile {path}: {exc}") from exc


def _founded(value: object) -> date | None:
    """`founded = 2009-03-01` (a TOML date), `founded = 2009` (a year: its first day) or an
    ISO date string."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return date(value, 1, 1)
    if isinstance(value, str):
        return date.fromisoformat(value.strip())
    raise ValueError(f"founded: expected a date or a year, got {value!r}")
