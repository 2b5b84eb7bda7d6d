"""URL handling that never raises on what pages contain ("http://[oops", "http://a:port")."""

from __future__ import annotations

from urllib.parse import SplitResult, urljoin, urlsplit


def join_url(base: str, href: str) -> str | None:
    """urljoin, but None for a malformed URL instead of ValueError."""
    try:
        return urljoin(base, href.strip())
    except ValueError:
        return None


def split_url(url: str) -> SplitResult | None:
    """urlsplit, but None for a malformed URL; `.hostname`/`.port` checked too."""
    try:
        parts = urlsplit(url)
        parts.hostname  # noqa: B018 (raises for a bad IPv6 literal)
        return parts
    except ValueError:
        return None
