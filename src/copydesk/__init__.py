"""copydesk: news web pages in, clean structured article records out."""

from copydesk.api import Extractor, extract
from copydesk.errors import CopydeskError, FetchError, SourceError
from copydesk.extract.gate import classify_page
from copydesk.harvest import harvest
from copydesk.model import Article, Block, Dateline, Image, Quote, Teaser
from copydesk.store import Store

__all__ = [
    "Article",
    "Block",
    "CopydeskError",
    "Dateline",
    "Extractor",
    "FetchError",
    "Image",
    "Quote",
    "SourceError",
    "Store",
    "Teaser",
    "classify_page",
    "extract",
    "harvest",
]
