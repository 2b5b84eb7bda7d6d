"""The shared duplicate filter: scrapy-redis' RFPDupeFilter (a Redis set of fingerprints,
SADD tells atomically whether a request is new), adapted:

- fingerprints come from Scrapy's request fingerprinter (REQUEST_FINGERPRINTER_*), not
  scrapy-redis' own hash, so the seed command and the workers agree with Scrapy's notion of
  "the same request" (and with HTTP cache and other fingerprint users);
- `close()` keeps the set: scrapy-redis deletes it, which would make the first worker to
  finish forget what every other worker has seen.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.utils.request import RequestFingerprinter
from scrapy_redis.dupefilter import RFPDupeFilter


class RedisDupeFilter(RFPDupeFilter):
    def __init__(self, server: Any, key: str, debug: bool = False,
                 fingerprinter: Any = None):
        super().__init__(server, key, debug)
        self.fingerprinter = fingerprinter or RequestFingerprinter()

    def request_fingerprint(self, request: Request) -> str:
        return self.fingerprinter.fingerprint(request).hex()

    def close(self, reason: str = "") -> None:
        pass  # the set is shared; `newscrawl redis seed` starts a run with a fresh one
