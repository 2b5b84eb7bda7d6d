"""Replay download handler: saved responses answer requests; a missing one is a logged 404."""

from __future__ import annotations

import logging

import pytest_twisted
from conftest import SITE
from scrapy import Request
from scrapy.utils.test import get_crawler

from newscrawl.replay import ReplayDownloadHandler


@pytest_twisted.ensureDeferred
async def test_saved_response_is_replayed_with_status_headers_and_fetch_time():
    crawler = get_crawler(settings_dict={"NEWSCRAWL_REPLAY_DIR": str(SITE)})
    handler = ReplayDownloadHandler.from_crawler(crawler)
    request = Request("https://www.seoulpost.example/news/1001-zelenskyy-north-korean-cannon-fodder")
    response = await handler.download_request(request)
    assert response.status == 200
    assert b"Zelenskyy" in response.body
    assert response.headers.get("Content-Type").startswith(b"text/html")
    assert request.meta["newscrawl_fetched_at"].year == 2025
    assert crawler.stats.get_value("newscrawl/replay/hit") == 1


@pytest_twisted.ensureDeferred
async def test_tracking_parameters_find_the_clean_fixture():
    crawler = get_crawler(settings_dict={"NEWSCRAWL_REPLAY_DIR": str(SITE)})
    handler = ReplayDownloadHandler.from_crawler(crawler)
    url = ("https://www.seoulpost.example/news/1001-zelenskyy-north-korean-cannon-fodder"
           "?utm_source=newsletter&utm_medium=email")
    response = await handler.download_request(Request(url))
    assert response.status == 200 and b"Zelenskyy" in response.body


@pytest_twisted.ensureDeferred
async def test_missing_fixture_is_a_logged_404_and_counted(caplog):
    crawler = get_crawler(settings_dict={"NEWSCRAWL_REPLAY_DIR": str(SITE)})
    handler = ReplayDownloadHandler.from_crawler(crawler)
    url = "https://www.seoulpost.example/news/9999-not-saved"
    with caplog.at_level(logging.WARNING):
        response = await handler.download_request(Request(url))
    assert response.status == 404
    assert url in caplog.text
    assert crawler.stats.get_value("newscrawl/replay/missing") == 1
