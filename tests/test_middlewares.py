"""Units of the fault-handling middlewares; their behaviour in real crawls is in
test_faults.py and test_security.py."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from newscrawl.faults import describe
from newscrawl.middlewares.retry import BackoffRetryMiddleware, retry_after_seconds

NOW = datetime(2025, 3, 20, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize("value,seconds", [
    (b"120", 120.0), ("0", 0.0), (" 7 ", 7.0),
    ("Thu, 20 Mar 2025 12:00:30 GMT", 30.0),
    ("Thu, 20 Mar 2025 11:00:00 GMT", 0.0),  # in the past: at once
    (None, None), ("", None), ("soon", None), ("-5", None), ("1e9", None),
])
def test_retry_after_header_forms(value, seconds):
    assert retry_after_seconds(value, now=NOW) == seconds


def test_backoff_doubles_and_is_capped():
    crawler = get_crawler(settings_dict={"NEWSCRAWL_RETRY_BACKOFF_BASE": 1.0,
                                         "NEWSCRAWL_RETRY_BACKOFF_MAX": 5.0})
    mw = BackoffRetryMiddleware.from_crawler(crawler)
    waits = [mw.backoff(Request("https://a.example/", meta={"retry_times": n}))
             for n in range(5)]
    assert waits == [1.0, 2.0, 4.0, 5.0, 5.0]


def test_unknown_exceptions_keep_their_class_name_as_code():
    assert describe(KeyError("x"))[0] == "KeyError"
