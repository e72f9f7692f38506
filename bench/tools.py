"""The extractors under test, each as ``(page) -> body text``, imported lazily so that a worker
process holds only the one it measures (peak memory is per tool)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

Extractor = Callable[[str | bytes, str | None], str]
InputKind = Literal["str", "bytes"]

# Elements after which a rendered text breaks the line: without the break, text_content() glues
# "end</p><p>Start" into one word token and a peer would lose shingles it got right.
_BLOCK_TAGS = frozenset(
    {
        *("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"),
        *("blockquote", "pre", "table", "tr", "td", "th", "section", "article"),
        *("header", "footer", "figure", "figcaption", "dd", "dt", "dl"),
    }
)


def _html_fragment_text(html: str) -> str:
    import lxml.html

    if not html.strip():
        return ""
    root = lxml.html.fromstring(html)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    return str(root.text_content())


def _copydesk() -> Extractor:
    import copydesk

    def run(page: str | bytes, url: str | None) -> str:
        return copydesk.extract(page, url=url).text

    return run


def _trafilatura() -> Extractor:
    import trafilatura

    def run(page: str | bytes, url: str | None) -> str:
        return trafilatura.extract(page, url=url) or ""  # its defaults: text output

    return run


def _trafilatura_metadata() -> Extractor:
    """trafilatura asked for what copydesk always produces: the text plus its metadata (title,
    author, date, site name, ...): the like-for-like peer for speed. The metadata arrives as a
    front-matter header before the text; it is cut off (inside the timed call: one string
    search) so that the F1 column scores the body alone, as for the other tools."""
    import trafilatura

    def run(page: str | bytes, url: str | None) -> str:
        text = trafilatura.extract(page, url=url, with_metadata=True) or ""
        return _without_front_matter(text)

    return run


def _without_front_matter(text: str) -> str:
    """``---\ntitle: ...\n---\nbody`` -> ``body``; text without such a header is returned as is."""
    if not text.startswith("---\n"):
        return text
    end = text.find("\n---\n", 3)
    return text[end + 5 :] if end >= 0 else text


def _readability() -> Extractor:
    from readability import Document  # type: ignore[import-untyped]

    def run(page: str | bytes, url: str | None) -> str:
        return _html_fragment_text(Document(page, url=url).summary())

    return run


def _newspaper() -> Extractor:
    import warnings

    with warnings.catch_warnings():
        # It warns at import that nltk (only for its NLP features, unused here) is absent.
        warnings.simplefilter("ignore")
        from newspaper import Article, Config  # type: ignore[import-untyped]

    config = Config()
    # Its default downloads the page's images during parse() to pick a top image: network I/O
    # (seconds per page, and not allowed here) that has nothing to do with body text.
    config.fetch_images = False

    def run(page: str | bytes, url: str | None) -> str:
        html = page.decode("utf-8", "replace") if isinstance(page, bytes) else page
        article = Article(url or "https://example.com/article.html", config=config)
        article.download(input_html=html)
        article.parse()
        return str(article.text)

    return run


def _newsplease() -> Extractor:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # newspaper's nltk warning, as above
        from newsplease import NewsPlease  # type: ignore[import-untyped]

    def run(page: str | bytes, url: str | None) -> str:
        html = page.decode("utf-8", "replace") if isinstance(page, bytes) else page
        # fetch_images=False: its default downloads images (network I/O, not allowed here).
        article = NewsPlease.from_html(html, url=url, fetch_images=False)
        return str(getattr(article, "maintext", None) or "")

    return run


def _goose() -> Extractor:
    from goose3 import Goose  # type: ignore[import-untyped]

    # Image fetching off for the same reason; one Goose object serves all pages.
    goose = Goose({"enable_image_fetching": False})

    def run(page: str | bytes, url: str | None) -> str:
        html = page.decode("utf-8", "replace") if isinstance(page, bytes) else page
        return str(goose.extract(url=url, raw_html=html).cleaned_text or "")

    return run


# name -> (factory, input kind it is given). Every tool is given the page's URL (each accepts
# one). "copydesk-bytes" gets the raw bytes and decodes them itself (its real use); every other
# tool gets the same str, decoded once (by copydesk's decoder) before timing.
TOOLS: dict[str, tuple[Callable[[], Extractor], InputKind]] = {
    "copydesk": (_copydesk, "str"),
    "copydesk-bytes": (_copydesk, "bytes"),
    "trafilatura": (_trafilatura, "str"),
    "trafilatura+metadata": (_trafilatura_metadata, "str"),
    "readability-lxml": (_readability, "str"),
    "newspaper4k": (_newspaper, "str"),
    "news-please": (_newsplease, "str"),
    "goose3": (_goose, "str"),
}
