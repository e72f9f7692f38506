"""Article images with caption, credit and alt text; the lead image first.

The lead image is the one the page declares for sharing (og:image, JSON-LD ``image``); the others
are ``<figure>`` elements in the article with their ``<figcaption>``. A caption's credit is taken
from a credit-classed element inside it or from a trailing "Photo: …", "Foto: …", "(AP Photo/…)",
"© …" and removed from the caption text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import parse_qs, urlsplit

from lxml import etree

from copydesk.extract.urls import join_url, url_path
from copydesk.model import Image

# Most images kept per article: galleries of hundreds add nothing to a record but size.
MAX_IMAGES = 20
# Longest caption kept; a figcaption holding a whole paragraph is still a caption, a page isn't.
MAX_CAPTION_CHARS = 1000

_CREDIT_CLASS = re.compile(r"credit|copyright|byline|source|photographer|attribution|author")
_CREDIT_TEXT = re.compile(
    r"(?:\(\s*((?:[A-Z][\w.]*\s+)?(?:photo|foto|image|bild|picture)\s*[/:][^()]{1,80})\)|"
    r"(?:^|[\s.|])((?:photo(?:graph)?|foto|bild|image|picture|credit|crédit|quelle|source|"
    r"fonte|fuente)s?\s*(?:credit\s*)?:\s*[^|]{1,80}|©\s*[^|]{1,80}|\(c\)\s*[^|]{1,80}))\s*$",
    re.IGNORECASE,
)
# Rendition suffixes in image file names (WordPress "-1024x683", "-scaled", retina "@2x").
_SIZE_SUFFIX = re.compile(r"(?:[-_]\d{2,5}x\d{2,5}|-scaled|@[23]x)(?=\.\w{2,5}$|$)")
_PLACEHOLDER = re.compile(r"^data:|blank\.gif|spacer|pixel\.gif|1x1|placeholder", re.IGNORECASE)


def _text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _img_src(img: etree._Element) -> str | None:
    for attr in ("src", "data-src", "data-original", "data-lazy-src", "data-url"):
        value = str(img.get(attr) or "")
        if value and not _PLACEHOLDER.search(value):
            return value.strip()
    srcset = img.get("srcset") or img.get("data-srcset")
    if srcset:
        first = srcset.split(",")[0].strip().split(" ")[0]
        return first or None
    return None


def _key(url: str) -> str:
    """One image's identity across its renditions: the file name, without the size a CMS
    appends ("harbour-1024x683.jpg", "harbour-scaled.jpg", "harbour@2x.jpg" are "harbour.jpg");
    an image resizer's ``?url=`` names the original (one photo in three crops is one image)."""
    if "url=" not in url:
        path = url_path(url)  # no resizer query: the path alone
    else:
        parts = urlsplit(url)
        if parts.query and "url=" in parts.query:
            inner = parse_qs(parts.query).get("url", [""])[0]
            if inner.startswith(("http://", "https://", "/")):
                parts = urlsplit(inner)
        path = parts.path
    name = path.rsplit("/", 1)[-1].lower()
    return _SIZE_SUFFIX.sub("", name) or url


def split_credit(caption: str) -> tuple[str, str | None]:
    """Separate a trailing photo credit from a caption."""
    match = _CREDIT_TEXT.search(caption)
    if match is None:
        return caption, None
    credit = (match.group(1) or match.group(2) or "").strip(" ()")
    rest = caption[: match.start()].strip(" |-–—")
    return rest, credit or None


def _figure_image(figure: etree._Element, base: str | None) -> Image | None:
    img = next(figure.iter("img"), None)
    if img is None:
        return None
    src = _img_src(img)
    if not src:
        return None
    caption: str | None = None
    credit: str | None = None
    cap_el = next(figure.iter("figcaption"), None)
    if cap_el is not None:
        credit_el = next(
            (
                el
                for el in cap_el.iter()
                if el is not cap_el and _CREDIT_CLASS.search(f"{el.get('class', '')}".lower())
            ),
            None,
        )
        full = _text(cap_el)
        if credit_el is not None:
            credit = _text(credit_el) or None
            if credit:
                full = full.replace(credit, "").strip(" |-–—")
        caption, found = split_credit(full)
        credit = credit or found
        caption = caption[:MAX_CAPTION_CHARS] or None
    alt = " ".join((img.get("alt") or "").split()) or None
    return Image(url=join_url(base, src), caption=caption, credit=credit, alt=alt)


def collect_images(
    lead_urls: Iterable[str], figures: Sequence[etree._Element], base: str | None
) -> tuple[Image, ...]:
    """Lead images (declared for sharing) first, then the article's figures, without repeats."""
    from_figures = [img for fig in figures if (img := _figure_image(fig, base)) is not None]
    keys = [_key(img.url) for img in from_figures]  # each URL split once (urlsplit is slow)
    by_key = {key: img for key, img in zip(reversed(keys), reversed(from_figures), strict=True)}
    out: list[Image] = []
    seen: set[str] = set()
    for url in lead_urls:
        absolute = join_url(base, url.strip())
        key = _key(absolute)
        if not absolute or key in seen:
            continue
        seen.add(key)
        match = by_key.get(key)
        out.append(
            Image(absolute, match.caption, match.credit, match.alt) if match else Image(absolute)
        )
    for key, img in zip(keys, from_figures, strict=True):
        if key not in seen:
            seen.add(key)
            out.append(img)
    return tuple(out[:MAX_IMAGES])
