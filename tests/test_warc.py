"""The run WARC: warcio's records, each its own gzip member at our level, a page per write."""

from __future__ import annotations

import io
import zlib
from datetime import UTC, datetime

from scrapy.http import HtmlResponse, Request
from warcio.archiveiterator import ArchiveIterator

from newscrawl.exporters.warc import PageWarcWriter


class _CountingFile(io.BytesIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, data) -> int:  # type: ignore[override]
        self.writes += 1
        return super().write(data)


def _members(data: bytes) -> list[bytes]:
    out = []
    while data:
        d = zlib.decompressobj(zlib.MAX_WBITS | 16)
        out.append(d.decompress(data))
        data = d.unused_data
    return out


def _response(n: int) -> HtmlResponse:
    url = f"https://a.example/news/{n}"
    body = ("<html><body><p>" + "Council news, paragraph text. " * 200 + "</p></body></html>")
    return HtmlResponse(url, body=body.encode(), headers={"Content-Type": "text/html"},
                        request=Request(url, headers={"User-Agent": "newscrawl"}))


def _write(level: int) -> _CountingFile:
    out = _CountingFile()
    warc = PageWarcWriter(out, "pages.warc.gz", {"software": "test"}, level=level)
    for n in range(2):
        warc.write_page(_response(n), datetime(2024, 12, 2, 9, 15, 0, 123456, tzinfo=UTC),
                        {"kind": "item", "n": n})
    return out


def test_every_record_is_its_own_gzip_member_and_a_page_one_write():
    out = _write(6)
    assert out.writes == 1 + 2  # warcinfo, then one write per page
    members = _members(out.getvalue())
    assert len(members) == 7  # warcinfo + (request, response, metadata) x 2
    assert all(m.startswith(b"WARC/1.1\r\n") for m in members)
    out.seek(0)
    records = [(r.rec_type, r.rec_headers.get_header("WARC-Date"), r.content_stream().read())
               for r in ArchiveIterator(out)]
    assert [t for t, _d, _b in records] == ["warcinfo"] + ["response", "request", "metadata"] * 2
    assert records[1][1] == "2024-12-02T09:15:00.123456Z"
    assert records[1][2] == _response(0).body
    assert records[3][2] == b'{"kind": "item", "n": 0}'


def test_the_level_changes_only_the_compression():
    six, nine = _write(6).getvalue(), _write(9).getvalue()
    assert six != nine

    def strip_ids(member: bytes) -> bytes:  # record ids are random, warcinfo's date is now
        return b"\n".join(line for line in member.split(b"\n")
                          if not line.startswith((b"WARC-Record-ID", b"WARC-Concurrent-To",
                                                  b"WARC-Refers-To", b"WARC-Date")))
    assert [strip_ids(m) for m in _members(six)] == [strip_ids(m) for m in _members(nine)]
