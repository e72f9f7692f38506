"""The records the archive readers yield: one fetched page, or one record that is not a page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Page:
    """One HTTP response as archived.

    ``body`` is the HTTP payload exactly as the WARC stores it: transfer and content encodings are
    *not* undone here (see :func:`copydesk.archive.http.decode_body`), so that a decompression
    bomb is expanded only inside a bounded worker. ``headers`` are the HTTP response headers in
    order, names as sent. ``warc_offset`` is where the record starts in ``warc_file``: the gzip
    member's offset for per-record gzip (the CDX convention, usable for random access), otherwise
    the offset in the uncompressed stream. ``truncated`` says the archive ended inside the record.
    """

    url: str
    fetched_at: datetime | None
    status: int | None
    headers: tuple[tuple[str, str], ...]
    body: bytes
    warc_file: str
    warc_offset: int
    record_type: str = "response"
    truncated: bool = False

    def header(self, name: str) -> str | None:
        """The first header called ``name`` (case-insensitive), or None."""
        lowered = name.lower()
        for key, value in self.headers:
            if key.lower() == lowered:
                return value
        return None


@dataclass(frozen=True, slots=True)
class OtherRecord:
    """A record that carries no page (warcinfo, request, metadata, ...) or one too large to read.

    Readers yield these so that a batch can count what it skipped without holding the bytes.
    ``url`` is the target URI when the record has one.
    """

    record_type: str
    warc_file: str
    warc_offset: int
    url: str | None = None
    length: int = 0
    reason: str = ""
