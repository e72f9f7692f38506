"""The public entry point: one page in, one Article out."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from copydesk.enrich.language import LanguageIdentifier, identify_body
from copydesk.enrich.quotes import extract_quotes
from copydesk.extract.core import extract_html
from copydesk.model import Article
from copydesk.parse.decode import decode_page
from copydesk.parse.sniff import looks_binary, looks_like_html, looks_like_json
from copydesk.text.core import extract_plain_text

INPUT_KINDS = ("auto", "html", "text")


@dataclass(frozen=True)
class Extractor:
    """Extraction with its models held by the object (the language model is loaded on first use
    and kept). Make one per process or batch; :func:`extract` uses a default one."""

    langid: LanguageIdentifier = field(default_factory=LanguageIdentifier)

    def extract(
        self,
        page: str | bytes,
        *,
        url: str | None = None,
        fetched_at: datetime | None = None,
        input: str = "auto",
    ) -> Article:
        """See :func:`extract`."""
        article = _extract(page, url=url, fetched_at=fetched_at, input=input, langid=self.langid)
        if article.page_type != "article" or not article.body:
            return article
        return replace(article, quotes=extract_quotes(article.body))


# The one process-level object: a read-only cache of the 1 MB language model (22 ms to load,
# 15 us per call), so that the plain function below does not reload it on every page. Callers
# who want no shared object make their own Extractor.
_DEFAULT = Extractor()


def extract(
    page: str | bytes,
    *,
    url: str | None = None,
    fetched_at: datetime | None = None,
    input: str = "auto",
) -> Article:
    """Extract one page (HTML or already-scraped text) into an :class:`Article`.

    Bytes are decoded by the project (BOM, declared charset, strict UTF-8, detection). Never
    raises for a page's content: unusable input (empty, binary, a PDF or image, JSON) gives an
    Article with ``page_type`` "other" and an empty body. Raises ``ValueError`` only for a bad
    ``input`` argument and ``TypeError`` for a page that is neither str nor bytes.
    """
    return _DEFAULT.extract(page, url=url, fetched_at=fetched_at, input=input)


def _extract(
    page: str | bytes,
    *,
    url: str | None = None,
    fetched_at: datetime | None = None,
    input: str,
    langid: LanguageIdentifier,
) -> Article:
    if input not in INPUT_KINDS:
        raise ValueError(f"input must be one of {INPUT_KINDS}, not {input!r}")
    utf8: bytes | None = None  # the page's bytes when text is their strict UTF-8 reading
    if isinstance(page, bytes | bytearray | memoryview):
        data = bytes(page)
        if looks_binary(data):
            return Article(url=url)
        decoded = decode_page(data)
        text, utf8 = decoded.text, decoded.utf8
    elif isinstance(page, str):
        text = page
    else:
        raise TypeError(f"page must be str or bytes, not {type(page).__name__}")
    if not text or text.isspace():  # strip() would copy the whole page to say the same
        return Article(url=url)
    kind = input
    if kind == "auto":
        if looks_like_json(text):
            return Article(url=url)  # an API response, not a page
        kind = "html" if looks_like_html(text) else "text"
    if kind == "html":
        return extract_html(text, url=url, fetched_at=fetched_at, langid=langid, utf8=utf8)
    article = extract_plain_text(text, url=url, fetched_at=fetched_at)
    found = identify_body(langid, article.text, None) if article.language is None else None
    if found is not None:
        provenance = {**article.provenance, "language": found.source}
        article = replace(article, language=found.language, provenance=provenance)
    return article
