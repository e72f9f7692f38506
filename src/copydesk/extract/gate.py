"""The page-type gate: is this page an article, a listing (section front, tag page, search
results), or something else (video-only, gallery, error page, consent wall)?

:func:`decide` works from :class:`PageSignals`, which the metadata pass gathers in its one XPath
pass, plus the amount of running text the body extractor found. :func:`classify_page` is the cheap
standalone check a crawler runs before full extraction: parse, gather signals, count paragraph text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from copydesk.model import PageType

# Running text (characters) below which a page is not an article unless its markup says it is.
# The shortest real news briefs we wrote fixtures for run ~350 characters; a video page's blurb
# or a consent wall's notice runs 100-300. Raising it drops briefs, lowering it admits stubs.
MIN_ARTICLE_CHARS = 400
# With markup saying "article" (JSON-LD Article, og:type article), this little text still counts:
# a two-paragraph brief is an article; a headline over a video player is not.
MIN_DECLARED_ARTICLE_CHARS = 150
# Headline links (h2/h3/h4 > a) from which a page reads as a list of teasers. Article pages carry
# a related rail of 3-8; section fronts carry 15 and more.
LISTING_MIN_TEASERS = 12
# A listing has little running text per teaser; an article with a big rail has a lot.
LISTING_MAX_CHARS_PER_TEASER = 120
# Paragraphs this long (characters) are an article's prose: teaser summaries and standfirsts on
# section fronts run 50-180. With PROSE_PARAGRAPHS of them a page is an article even when its
# rails hold more teaser headlines than LISTING_MAX_CHARS_PER_TEASER allows for: on the two
# data-set halves, 1,300-9,500-character articles beside 14-85 rail headlines were "listing";
# the listings there and in our fixtures have at most 2 such paragraphs.
PROSE_PARAGRAPH_CHARS = 200
PROSE_PARAGRAPHS = 3
# A page without running text that still links this many teaser headlines is a list of them (a
# short section front, a tag page, a page that is only a "Latest" rail), not an empty "other".
# An article's related rail alone never decides: the rule applies only below MIN_ARTICLE_CHARS,
# after the error, consent, video and gallery checks. 3 is the smallest rail our fixtures have.
RAIL_MIN_TEASERS = 3
# Words a link text needs to count as a teaser headline for that rule: headlines are sentences
# ("Port expansion approved after two-year review"); menus, topic pages and section headings
# linked from h3s ("Kontakt", "Delegation of authority") are not. 4 kept every teaser headline
# of our fixtures and dropped the topic and menu headings of the data-set pages we looked at.
TEASER_MIN_WORDS = 4

_ERROR = re.compile(
    r"\b(?:404|410|page not found|not found|seite nicht gefunden|nicht gefunden|page introuvable|"
    r"página no encontrada|pagina non trovata|página não encontrada|error 404|fehler 404|"
    r"access denied|zugriff verweigert)\b",
    re.IGNORECASE,
)
# What error pages say in their headline when the <title> is only the site's name.
_ERROR_HEADLINE = re.compile(
    r"\b(?:(?:could ?n[o']?t|can ?n[o']?t) (?:be )?f(?:in|ou)d|no longer (?:exists?|available)|"
    r"does ?n[o']?t exist|existiert nicht|nicht mehr verfügbar|n'existe pas|introuvable|"
    r"no existe|non esiste|não existe)",
    re.IGNORECASE,
)
# Template names in <body class> (WordPress and the many themes and CMSs modelled on it):
# category, tag, author and date archives and search results are listings, error404 is an error,
# "single-post" is one post (whose body the extractor may still miss: never a listing then).
_LISTING_BODY = frozenset({"archive", "search-results", "search-no-results", "blog-archive"})
_ERROR_BODY = frozenset({"error404", "error-404", "page-404", "not-found"})
_ARTICLE_BODY = frozenset({"single-post", "single-article", "single-format-standard"})
# Teaser links that carry their role in their class ("result-title", "card__headline") rather
# than sitting in an h2-h4: search result lists and card grids.
_TEASER_CLASS = re.compile(r"(?:^|[-_\s])(?:title|headline)(?:$|[-_\s])")
_CONSENT = re.compile(
    r"accept all|accept cookies|alle akzeptieren|zustimmen und weiter|tout accepter|"
    r"accepter et continuer|aceptar todo|aceptar y continuar|accetta tutto|aceitar tudo|"
    r"we value your privacy|wir verwenden cookies|nous utilisons des cookies|"
    r"utilizamos cookies|utilizziamo i cookie|before you continue|bevor sie fortfahren",
    re.IGNORECASE,
)

# Headings whose links count as teaser headlines. ``headline_links`` walks down from them in
# Python; the XPath below is its definition (the tests check one against the other). Of XPath
# forms, "//h2//a" unions sort node sets and went quadratic (10 s on a 3 MB page of 20,000
# teasers); the ancestor-test form stays linear but is ~2x slower than the walk.
HEADLINE_TAGS = ("h2", "h3", "h4")
_HEADLINE_LINKS = etree.XPath("count(//a[@href][ancestor::h2 or ancestor::h3 or ancestor::h4])")
# A text run this long (characters) is prose, not a menu item or a teaser link.
MIN_RUN_CHARS = 60
_LONG_TEXT = etree.XPath(
    f"//body//text()[string-length(normalize-space(.)) >= {MIN_RUN_CHARS}][not(ancestor::pre)]"
)
_NOT_PROSE = frozenset(
    {"script", "style", "a", "noscript", "option", "button", "title", "textarea"}
)


@dataclass(frozen=True, slots=True)
class PageSignals:
    """What the markup says about the page type; gathered by the metadata pass."""

    og_type: str | None = None
    jsonld_types: frozenset[str] = frozenset()
    jsonld_articles: int = 0
    headline_links: int = 0
    title_text: str = ""
    has_video: bool = False
    consent_text: bool = False
    teaser_links: int = 0
    # the page's template as <body class> names it: "listing", "error", "article" or ""
    template: str = ""


def headline_links(root: etree._Element) -> int:
    """Links (with an href) inside an h2-h4, each counted once (see :func:`link_counts`)."""
    return link_counts(root)[0]


def link_counts(root: etree._Element) -> tuple[int, int]:
    """(links with an href inside an h2-h4, each counted once; teaser headlines: those of them
    with at least TEASER_MIN_WORDS words, and such links anywhere whose class names them a title
    or headline ("result-title", "card__headline")).

    Walks down from the outermost headings only (nested ones are inside a walk already), so it
    stays linear; measured ~2x faster than ``_HEADLINE_LINKS``, which tests every link's
    ancestors. That XPath is kept as the definition the tests check this against.
    """
    return count_links(root.iter(*HEADLINE_TAGS), class_links(root))


def class_links(root: etree._Element) -> list[etree._Element]:
    """The page's links with an href whose class names them a title (:func:`teaser_class`)."""
    return [a for a in root.iter("a") if teaser_class(a.get("class")) and a.get("href") is not None]


def count_links(
    headings: Iterable[etree._Element], class_links: Iterable[etree._Element]
) -> tuple[int, int]:
    """:func:`link_counts` from the page's h2-h4 headings in document order and its links with
    an href whose class names them a title (:func:`teaser_class`): the metadata pass gathers
    both in its own walks, which saves two walks over the page."""
    nested: set[etree._Element] = set()
    links: list[etree._Element] = []
    for heading in headings:
        if heading in nested or not len(heading):
            continue  # nested, or without child elements (2 in 3 on AEB): nothing to walk
        # one walk for both: the headings nested in it and its links, in document order
        for el in heading.iterdescendants(*HEADLINE_TAGS, "a"):
            if el.tag != "a":
                nested.add(el)
            elif el.get("href") is not None:
                links.append(el)
    seen = set(links)
    seen.update(class_links)
    return len(links), sum(1 for a in seen if _headline_like(a))


def teaser_class(cls: str | None) -> bool:
    """Whether a class string names a link a title or headline ("result-title")."""
    # substring test first: most links have no class or an unrelated one
    return bool(cls and ("title" in cls or "headline" in cls) and _TEASER_CLASS.search(cls))


def _headline_like(a: etree._Element) -> bool:
    try:
        return len("".join(a.itertext()).split()) >= TEASER_MIN_WORDS
    except ValueError:
        return False


def template(root: etree._Element) -> str:
    """The page's template as its ``<body class>`` names it: "listing", "error", "article" or
    "" when nothing says."""
    return body_template(root.find("body"))


def body_template(body: etree._Element | None) -> str:
    """:func:`template` from the page's ``<body>`` (``root.find("body")``), found already."""
    classes = set((body.get("class") or "").lower().split()) if body is not None else set()
    if classes & _ERROR_BODY:
        return "error"
    if classes & _LISTING_BODY:
        return "listing"
    if classes & _ARTICLE_BODY:
        return "article"
    return ""


def decide(signals: PageSignals, body_chars: int, long_paragraphs: int = 0) -> PageType:
    """The page type from the markup signals, the running text found and how many of its
    paragraphs are at least PROSE_PARAGRAPH_CHARS long."""
    og = (signals.og_type or "").lower()
    types = signals.jsonld_types
    declared_article = signals.jsonld_articles == 1 or og == "article"
    error = (
        signals.template == "error"
        or _ERROR.search(signals.title_text) is not None
        or _ERROR_HEADLINE.search(signals.title_text) is not None
    )
    if error and body_chars < MIN_ARTICLE_CHARS * 2:
        return "other"
    if signals.consent_text and body_chars < MIN_ARTICLE_CHARS:
        return "other"
    many_teasers = signals.headline_links >= LISTING_MIN_TEASERS
    thin = (
        body_chars < signals.headline_links * LISTING_MAX_CHARS_PER_TEASER
        and long_paragraphs < PROSE_PARAGRAPHS
    )
    if signals.jsonld_articles > 3 and not declared_article:
        return "listing"
    if types & {"collectionpage", "searchresultspage"} and signals.jsonld_articles != 1:
        return "listing" if many_teasers or body_chars < MIN_ARTICLE_CHARS else "other"
    if declared_article and body_chars >= MIN_DECLARED_ARTICLE_CHARS:
        return "article"
    if (many_teasers and thin) or signals.template == "listing":
        return "listing"
    videoish = signals.has_video or og.startswith("video") or "videoobject" in types
    galleryish = types & {"imagegallery", "mediagallery"} or og in ("gallery", "photo")
    if (videoish or galleryish) and body_chars < MIN_ARTICLE_CHARS * 2:
        return "other"
    if body_chars >= MIN_ARTICLE_CHARS:
        return "article"
    teasers = signals.teaser_links
    post = declared_article or signals.template == "article"  # a post whose text we missed
    if teasers >= RAIL_MIN_TEASERS and not post:
        return "listing"
    return "other"


def paragraph_chars(root: etree._Element) -> int:
    """Characters of running text: text runs of at least a sentence's length, wherever they sit
    (``<p>``, or ``<div>``/``<td>`` text broken by ``<br>`` on older layouts), outside links,
    scripts and form controls."""
    return running_text(root)[0]


def running_text(root: etree._Element) -> tuple[int, int]:
    """(characters of running text as :func:`paragraph_chars` counts them, how many of its runs
    are at least PROSE_PARAGRAPH_CHARS long). A ``<pre>`` counts whole: code and results
    listings are content, but their lines are short and highlighters cut them into spans."""
    total = long = 0
    for pre in root.iter("pre"):
        try:
            total += len(" ".join("".join(pre.itertext()).split()))
        except ValueError:
            continue
    for node in _LONG_TEXT(root):
        parent = node.getparent()
        if parent is not None and parent.tag not in _NOT_PROSE:
            size = len(" ".join(str(node).split()))
            total += size
            long += size >= PROSE_PARAGRAPH_CHARS
    return total, long


def classify_page(html: str | bytes, url: str | None = None) -> PageType:
    """Cheap standalone gate: "article", "listing" or "other" for one page. Never raises."""
    from copydesk.extract.metadata import page_signals
    from copydesk.parse.decode import decode
    from copydesk.parse.html import parse_html

    text = decode(html) if isinstance(html, bytes) else html
    doc = parse_html(text, url)
    if doc is None:
        return "other"
    return decide(page_signals(doc), *running_text(doc.root))
