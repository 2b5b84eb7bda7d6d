"""Saved responses ("fixtures"), the web-poet way: for each URL the raw body bytes
(`<name>.html`, `.xml`, ...), a sidecar `<name>.meta.json` with url, status, headers and
fetch time, and for pages cleaned into items a golden `<name>.expected.json`.

Used by the replay download handler, the `newscrawl fixture` commands and the tests.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .urls import article_key, strip_tracking

SIDECAR_SUFFIX = ".meta.json"
EXPECTED_SUFFIX = ".expected.json"


@dataclass
class Fixture:
    name: str
    url: str
    body_path: Path
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    fetched_at: str | None = None
    # The site profile of the same name as the fixture folder (one name ties site profile,
    # fixtures and tests together), if there is one.
    site: str | None = None

    @property
    def body(self) -> bytes:
        return self.body_path.read_bytes()

    @property
    def expected_path(self) -> Path:
        return self.body_path.with_name(self.name + EXPECTED_SUFFIX)

    @property
    def is_html(self) -> bool:
        ctype = self.headers.get("Content-Type", "").lower()
        return "html" in ctype or self.body_path.suffix in (".html", ".htm")

    def context(self) -> dict[str, Any]:
        """Keyword arguments for extract_article, as the crawl passes them."""
        context: dict[str, Any] = {"headers": dict(self.headers), "fetched_at": self.fetched_at}
        if self.site:
            from .sites import ProfileError, load_profile

            try:
                profile = load_profile(self.site)
            except ProfileError:
                return context
            context["timezone"] = profile.timezone
            context["selectors"] = dict(profile.selectors)
            context["founded"] = profile.founded
        return context


def load_fixture(sidecar: Path) -> Fixture:
    data = json.loads(sidecar.read_text("utf-8"))
    name = sidecar.name[: -len(SIDECAR_SUFFIX)]
    body_path = None
    for candidate in sorted(sidecar.parent.iterdir()):
        if candidate.name != name and not candidate.name.startswith(name + "."):
            continue
        if not candidate.name.endswith((SIDECAR_SUFFIX, EXPECTED_SUFFIX)):
            body_path = candidate
            break
    if body_path is None:
        raise FileNotFoundError(f"fixture {sidecar} has no body file")
    return Fixture(
        name=name, url=data["url"], body_path=body_path, status=int(data.get("status", 200)),
        headers={str(k): str(v) for k, v in (data.get("headers") or {}).items()},
        fetched_at=data.get("fetched_at"), site=sidecar.parent.name,
    )


def load_fixtures(folder: Path) -> list[Fixture]:
    return [load_fixture(p) for p in sorted(Path(folder).rglob("*" + SIDECAR_SUFFIX))]


class FixtureIndex:
    """Look fixtures up by URL: exact, then without tracking parameters, then by article key
    (www, trailing slash, AMP variants)."""

    def __init__(self, fixtures: list[Fixture]):
        self.exact = {f.url: f for f in fixtures}
        self.clean = {strip_tracking(f.url): f for f in fixtures}
        self.keyed = {article_key(f.url): f for f in fixtures}

    @classmethod
    def from_folder(cls, folder: Path) -> FixtureIndex:
        return cls(load_fixtures(folder))

    def find(self, url: str) -> Fixture | None:
        return (self.exact.get(url) or self.clean.get(strip_tracking(url))
                or self.keyed.get(article_key(url)))

    def __len__(self) -> int:
        return len(self.exact)


def save_fixture(folder: Path, name: str, url: str, body: bytes, status: int,
                 headers: dict[str, str], suffix: str = ".html",
                 fetched_at: datetime | None = None) -> Fixture:
    folder.mkdir(parents=True, exist_ok=True)
    body_path = folder / f"{name}{suffix}"
    body_path.write_bytes(body)
    fetched = (fetched_at or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    sidecar = {"url": url, "status": status, "headers": headers, "fetched_at": fetched}
    (folder / f"{name}{SIDECAR_SUFFIX}").write_text(
        json.dumps(sidecar, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return load_fixture(folder / f"{name}{SIDECAR_SUFFIX}")
