"""A fingerprint of what makes an article: its content, never its page chrome or fetch time."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .render import normalize_space

CONTENT_FIELDS = ("headline", "articleBody", "authors", "datePublished", "description")


def content_fingerprint(item: dict[str, Any]) -> str:
    parts: dict[str, Any] = {}
    for name in CONTENT_FIELDS:
        value = item.get(name)
        if isinstance(value, str):
            value = normalize_space(value)
        parts[name] = value
    parts["images"] = [(i.get("url"), i.get("caption")) for i in item.get("images") or []]
    blob = json.dumps(parts, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return "sha256:" + hashlib.sha256(blob).hexdigest()
