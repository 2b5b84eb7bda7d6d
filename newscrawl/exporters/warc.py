"""WARC output of a run (warcio): for every archived article page a request record, a
response record, and a metadata record (application/json) that links the item made from it
(article id, fingerprint, version) to the response via WARC-Refers-To, with the cleaning
context (site, time zone, sitemap date) that `newscrawl reprocess` needs to redo the item.

WARC/1.1 for microsecond WARC-Date: the fetch time, which the cleaning uses for relative
dates and dateDownloaded, survives the round trip exactly.

Each record is its own gzip member, as WARC readers and indexers expect, compressed at
WARC_GZIP_LEVEL: warcio hard-codes zlib level 9, which on news pages costs about twice the
CPU of level 5 for files a few percent smaller (see WARC_GZIP_LEVEL). The deflate is
zlib-ng's (python-zlib-ng, a drop-in for the zlib module): the same gzip format, readable by
every gzip and WARC reader, for about half zlib's CPU at the same level. A page's three
records reach the file in one write(). zstd would be cheaper still, but warcio (which
`newscrawl reprocess` and every common WARC tool read with) does not read .warc.zst.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from http import HTTPStatus
from io import BytesIO
from typing import IO, Any
from urllib.parse import urlsplit

from scrapy.http import Response
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date
from warcio.warcwriter import WARCWriter
from zlib_ng import zlib_ng

# The body in the record is the decoded body Scrapy saw, so its transfer framing goes.
_DROP_RESPONSE_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}
METADATA_TYPE = "application/json"
# zlib level of each record's gzip member. A page's three records, digests included: on the
# bench's generated 43 KB pages level 9 (warcio's) 1.19 ms and 8.6 KiB, level 6 0.80 ms and
# 8.7 KiB (+1%); on the 188 extraction and Fundus dev pages (231 KB on average) 8.5 ms and
# 45.5 KiB against 5.4 ms and 45.8 KiB (+0.7%). Level 1 would save another 0.15 / 2.7 ms
# for files 16-19% larger.
# zlib-ng instead of zlib at level 6, write_page's whole CPU (records, digests, deflate):
# on the 92 extraction dev pages (154 KiB) 3.30 -> 1.90 ms a page for files 0.7% larger; on
# the bench's generated pages 0.75 -> 0.58 ms, +5%. (ISA-L's igzip, python-isal, at its
# level 3 would take 0.87 / 0.39 ms, but for files 11% larger.)
# zlib-ng's level 5 instead of 6, the deflate of one page: on the 92 extraction dev pages
# 1.14 -> 0.96 ms for files 0.5% larger (31.4 -> 31.5 KiB); on the bench's generated pages
# 0.23 -> 0.20 ms, +0.2%. (Level 4: another 0.09 / 0.02 ms, but +2.6% / +3.4%.)
WARC_GZIP_LEVEL = 5


def warc_date(dt: datetime) -> str:
    return datetime_to_iso_date(dt.astimezone(UTC).replace(tzinfo=None), use_micros=True)


def _pairs(headers: Any) -> list[tuple[str, str]]:
    return [(k.decode("latin-1"), v.decode("latin-1"))
            for k, values in headers.items() for v in values]


class _MemberWriter(WARCWriter):
    """warcio's record writer (headers, digests, lengths) with our gzip step: each record
    compressed as one gzip member at `level`, kept until take() hands them out together."""

    def __init__(self, level: int):
        super().__init__(BytesIO(), gzip=False, warc_version="1.1")
        self.level = level
        self.members: list[bytes] = []

    def _write_warc_record(self, out: Any, record: Any) -> None:
        raw = BytesIO()
        super()._write_warc_record(raw, record)
        gz = zlib_ng.compressobj(self.level, zlib_ng.DEFLATED, zlib_ng.MAX_WBITS | 16)  # gzip
        self.members.append(gz.compress(raw.getbuffer()) + gz.flush())

    def take(self) -> bytes:
        data = b"".join(self.members)
        self.members.clear()
        return data


class PageWarcWriter:
    def __init__(self, fileobj: IO[bytes], filename: str, info: dict[str, str],
                 level: int = WARC_GZIP_LEVEL):
        self.out = fileobj
        self.writer = _MemberWriter(level)
        self.writer.write_record(self.writer.create_warcinfo_record(filename, info))
        self.out.write(self.writer.take())
        self.records = 1

    def write_page(self, response: Response, fetched_at: datetime,
                   link: dict[str, Any]) -> str:
        """Write request, response and metadata records; returns the response record id."""
        date = warc_date(fetched_at)
        url = response.url
        body = response.body
        status = response.status
        try:
            reason = HTTPStatus(status).phrase
        except ValueError:
            reason = ""
        headers = [(k, v) for k, v in _pairs(response.headers)
                   if k.lower() not in _DROP_RESPONSE_HEADERS]
        headers.append(("Content-Length", str(len(body))))
        http_response = StatusAndHeaders(f"{status} {reason}".strip(), headers,
                                         protocol="HTTP/1.1")
        resp = self.writer.create_warc_record(
            url, "response", payload=BytesIO(body), length=len(body),
            http_headers=http_response, warc_headers_dict={"WARC-Date": date})

        request = response.request
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        req_headers = [("Host", parts.netloc)]
        if request is not None:
            req_headers += _pairs(request.headers)
        method = request.method if request is not None else "GET"
        http_request = StatusAndHeaders(f"{method} {target} HTTP/1.1", req_headers,
                                        is_http_request=True)
        req = self.writer.create_warc_record(url, "request", payload=BytesIO(b""), length=0,
                                             http_headers=http_request)
        self.writer.write_request_response_pair(req, resp)
        response_id = resp.rec_headers.get_header("WARC-Record-ID")

        blob = json.dumps(link, ensure_ascii=False, sort_keys=True).encode("utf-8")
        meta = self.writer.create_warc_record(
            url, "metadata", payload=BytesIO(blob), length=len(blob),
            warc_content_type=METADATA_TYPE,
            warc_headers_dict={"WARC-Date": date, "WARC-Refers-To": response_id})
        self.writer.write_record(meta)
        self.out.write(self.writer.take())  # the page's three records in one write()
        self.records += 3
        return response_id
