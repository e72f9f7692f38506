"""Web archives in and out: streaming WARC/ARC reading into :class:`Page` records, WARC writing."""

from copydesk.archive.page import OtherRecord, Page
from copydesk.archive.warc import iter_entries, iter_pages
from copydesk.archive.write import WarcFileWriter, WarcOutput

__all__ = ["OtherRecord", "Page", "WarcFileWriter", "WarcOutput", "iter_entries", "iter_pages"]
