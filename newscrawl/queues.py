"""The scheduler's memory queue, holding each waiting request as a few hundred bytes.

A crawl started from a sitemap index queues every article URL it lists at once (the dates
they carry must be read before the articles are cleaned: newscrawl/discovery/first.py), and a
Scrapy `Request` object with its headers, meta and weak references weighs ~1.5 KB: 30 MB for
a 20,000-page site, for as long as the crawl runs. Here a request waits as the pickled dict
Scrapy's own disk queues (JOBDIR) store, `Request.to_dict`, less the fields left at their
defaults: ~0.3-0.5 KB, made and read back in ~40 us. A request that cannot be serialized (a
callback that is no spider method, an object in its meta) waits as it is, as Scrapy's
scheduler does when its disk queue refuses one.

LIFO, as Scrapy's default memory queue (`scrapy.squeues.LifoMemoryQueue`); priorities and
per-domain slots are the priority queue's above this one, unchanged.
"""

from __future__ import annotations

import pickle
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.utils.request import request_from_dict

# Request.to_dict's fields at their defaults: left out, request_from_dict restores them.
_DEFAULTS: dict[str, Any] = {
    "body": b"", "cookies": {}, "encoding": "utf-8", "flags": [], "cb_kwargs": {},
    "dont_filter": False, "method": "GET", "priority": 0, "headers": {}, "meta": {},
}
_UNSERIALIZABLE = (ValueError, TypeError, AttributeError, pickle.PicklingError)


def _method_name(spider: Any, method: Any) -> str | None:
    """The name of the spider's method `method` is. Request.to_dict finds it with
    inspect.getmembers over the whole spider (~100 us a request); the function's own name,
    checked against the spider, gives the same answer."""
    if method is None:
        return None
    func = getattr(method, "__func__", None)
    if func is None or getattr(method, "__self__", None) is not spider:
        raise ValueError(f"{method!r} is not a method of the spider")
    name = func.__name__
    if getattr(getattr(spider, name, None), "__func__", None) is not func:
        raise ValueError(f"{method!r} is not the spider's {name}")
    return name


def _fields(request: Request, spider: Any) -> dict[str, Any]:
    """Request.to_dict(spider=spider) without the fields at their defaults."""
    fields: dict[str, Any] = {"url": request.url}
    for key, method in (("callback", request.callback), ("errback", request.errback)):
        name = _method_name(spider, method)
        if name is not None:
            fields[key] = name
    headers = dict(request.headers)
    if headers:
        fields["headers"] = headers
    for attr in request.attributes:
        if attr not in ("url", "callback", "errback", "headers"):
            value = getattr(request, attr)
            if attr not in _DEFAULTS or value != _DEFAULTS[attr]:
                fields[attr] = value
    if type(request) is not Request:
        fields["_class"] = f"{type(request).__module__}.{type(request).__name__}"
    return fields


def pack(request: Request, spider: Any) -> bytes | Request:
    """The request as bytes, or itself when it cannot be serialized."""
    try:
        return pickle.dumps(_fields(request, spider), protocol=pickle.HIGHEST_PROTOCOL)
    except _UNSERIALIZABLE:
        return request


def unpack(data: bytes | Request, spider: Any) -> Request:
    if isinstance(data, Request):
        return data
    return request_from_dict(pickle.loads(data), spider=spider)


class CompactLifoMemoryQueue:
    """A SCHEDULER_MEMORY_QUEUE: Scrapy's LIFO memory queue, the requests packed."""

    def __init__(self, crawler: Crawler, key: str = ""):
        self.crawler = crawler
        self.key = key
        self._items: list[bytes | Request] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler, key: str = "", *args: Any,
                     **kwargs: Any) -> CompactLifoMemoryQueue:
        return cls(crawler, key)

    def push(self, request: Request) -> None:
        self._items.append(pack(request, self.crawler.spider))

    def pop(self) -> Request | None:
        return unpack(self._items.pop(), self.crawler.spider) if self._items else None

    def peek(self) -> Request | None:
        return unpack(self._items[-1], self.crawler.spider) if self._items else None

    def close(self) -> None:
        self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
