"""Page metadata: everything of the Article but the body and the furniture.

Two phases, because some fields need the body and the body extractor may change the tree:

1. :func:`extract_metadata` reads the untouched tree in one XPath pass that gathers candidates
   (meta tags, JSON-LD, ``<time>``, itemprops, bylines, stamp lines, h1, figures), then resolves
   each field from its candidates in a fixed order of trust; the publication date is then
   checked against the other sources (independent families vote for a day; a UTC timestamp
   takes the publisher's local day when another source prints it).
2. :func:`complete_metadata` uses the body blocks: dateline from the first paragraph, language
   from the text, page type.

Provenance format: ``provenance[field]`` is ``"<source>"`` or ``"<source>=<raw>"`` where source
is one of ``jsonld``, ``jsonld:<key>``, ``meta:<name>``, ``dom:time``, ``dom:itemprop``,
``dom:byline``, ``dom:stamp``, ``dom:h1``, ``html:title``, ``html:lang``, ``link:canonical``,
``url``, ``text:dateline``, ``text:function-words`` (the body's function words confirm the
declared language, or name it when none is declared), ``text:script`` (the declared language's
own script), ``text:fasttext``, ``gate``; the raw string a date was read from follows
``=`` (e.g. ``"jsonld:datePublished=2023-03-03T21:12:00Z"``, ``"dom:stamp=Updated: Mar 4, 2023,
6:05 am"``) so a reader can check the reading.

Candidates inside related rails, teaser lists, sidebars and comment sections are never used for
the article's own dates, authors or title.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, timezone
from functools import partial
from itertools import islice
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from copydesk.enrich.language import LanguageIdentifier, identify_body, normalise_tag
from copydesk.extract import dates as D
from copydesk.extract.dateline import find_dateline
from copydesk.extract.gate import (
    HEADLINE_TAGS,
    PROSE_PARAGRAPH_CHARS,
    PageSignals,
    body_template,
    class_links,
    count_links,
    decide,
    teaser_class,
)
from copydesk.extract.images import collect_images
from copydesk.extract.jsonld import JsonLd, as_list, node_types, parse_jsonld, resolve, text_of
from copydesk.extract.people import People, agency, looks_like_handle, merge_people, parse_byline
from copydesk.extract.urls import join_url
from copydesk.model import Block, Dateline, Image, PageType
from copydesk.parse.html import Document

# Longest visible text read as a stamp line or byline; longer elements are containers holding
# more than a stamp (whole article headers), whose dates are less trustworthy.
MAX_STAMP_CHARS = 200
MAX_BYLINE_CHARS = 200
# _text with a limit collapses the spaces of this many times the limit first: enough for all
# but whitespace-padded markup to show a text too long; otherwise the whole text is read.
TEXT_CUT_FACTOR = 4
# Candidates looked at per kind: the article's own stamps come first in document order; hundreds
# of teaser stamps further down cost time and cannot win anyway.
MAX_CANDIDATES = 60
# An h1 shorter than this is a section label or a logo ("News", "Blog"), not a headline.
TITLE_MIN_H1_CHARS = 12
_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-",
                             "«": '"', "»": '"', "\u00a0": " "})  # fmt: skip
_TYPOGRAPHY_PAIRS = tuple((chr(code), str(folded)) for code, folded in _TYPOGRAPHY.items())
# Hinted elements (class/itemprop/rel matches) read per page, in document order. Article pages
# carry 20-300; past a few thousand a page is an archive or a hostile page, and its tail is rails.
MAX_HINTED_ELEMENTS = 3000
# Longest title kept; longer "titles" are descriptions put in the wrong tag.
MAX_TITLE_CHARS = 300
# How many ancestors we walk to decide whether an element sits in a rail, sidebar or comments.
MAX_ZONE_DEPTH = 40
# Taxonomy links: WordPress and most blog engines mark a post's categories rel="category tag"
# and its tags rel="tag" (the microformat; Blogger's labels too). At most this many of each are
# read, outside rails and comments: a post carries 1-10, an archive page hundreds. Link texts
# longer than MAX_TAG_CHARS are sentences ("Read all posts about ..."), not names.
MAX_TAXONOMY_LINKS = 30
MAX_TAG_CHARS = 80
# A JSON-LD articleSection of this many comma-separated parts is a joined list of categories
# (and tags): one section name with two commas is rarer than a list joined into one string.
SECTION_LIST_PARTS = 3
# Boxes of the post's tags by class ("tags", "post-tags", "tags-list", "field-tags", "taglist";
# not "tag-cloud", a site-wide widget), the WordPress menu item of the post's category, and the
# classes of a post's own footer.
_TAXONOMY_CLASS = re.compile(
    r"(?:^|[\s_-])(?:tags|taglist|schlagworte|schlagwoerter)(?:$|[\s_-])|"
    r"current-post-ancestor|current-menu-parent"
)
# What themes print around a tag link's name: "#klima", "„Review”", "[Politik]".
_TAG_WRAPPING = "#\"'„“”‚‘’«»‹›[]() "
# A box naming the post's category by class, as a whole class token: "cat-links",
# "post-categories", "entry-category", "post_cat", "category" ("menu-item-object-category" and
# "widget_categories" are menus and site-wide widgets, not the post's).
_CATEGORY_CLASS = re.compile(
    r"(?:^|\s)(?:(?:post|entry|article)[-_]?)?(?:cat|cats|category|categories)"
    r"(?:[-_](?:links|list|name|title|label))?(?:$|\s)"
)
_MENU_PARENT = re.compile(r"current-post-ancestor|current-menu-parent")
_ENTRY_FOOTER = re.compile(r"entry|post|article|single")
# Breadcrumb trails read (longer ones are site maps), the names of a home crumb, and the longest
# crumb read as a section: a crumb longer than a section name is the page's own headline.
MAX_CRUMBS = 8
_HOME_NAMES = frozenset({"home", "homepage", "startseite", "start", "accueil", "inicio",
                         "portada", "home page", "página inicial", "pagina iniziale"})  # fmt: skip
MAX_SECTION_CHARS = 40
# Descriptions: a declared description this short that names the site is the site's tagline,
# not a summary of the page (measured: taglines run 10-50 characters, summaries 80-300).
SITE_TAGLINE_CHARS = 60
# Longest site name read from JSON-LD or the <title>; longer texts are slogans or headlines.
MAX_SITE_NAME_CHARS = 40
# Letters a <title> part must share with the host name to be read as the site's name.
SITE_HOST_OVERLAP = 4
_TEMPLATE = re.compile(r"\{\{.{0,200}?\}\}|\{%.{0,200}?%\}|\$\{[^}]{0,200}\}")
_MARKUP = re.compile(r"</?[a-zA-Z][^<>]{0,500}>")
_HOME_PATH = re.compile(r"/?(?:index\.\w+)?")

# The candidates are gathered in one walk over every element that reads its tag, its attribute
# names and the values of class, itemprop, rel and property only (see _collect). A single XPath
# with contains() tests on every element cost 4-5 ms per page on the htmldate set; an XPath
# union of the four attributes' nodes, 0.5 ms; a separate C scan over the tags below ~0.13 ms.
_TAGS = ("meta", "link", "script", "time", "h1", "figure", "title", "video", "iframe", "h2")
# The walk also gathers the h2-h4 headings for the gate's link counts (one walk fewer).
_SCAN_TAGS = tuple(dict.fromkeys((*_TAGS, *HEADLINE_TAGS)))
_SCAN_TAG_SET = frozenset(_SCAN_TAGS)
# The tags _collect_tag reads whatever their attributes say: never sent on as hinted elements.
_UNHINTED_TAGS = frozenset(_TAGS) - {"h2"}
# Words in a class string that hint at a date or a byline (case-sensitive: of capitalised forms
# only these four are read). Searched in every distinct class string of the page as a
# prefix-factored alternation (D.trie_pattern): 20 % faster than the plain one on AEB's class
# strings, the same matches.
_CLASS_HINT_WORDS = ("date", "time", "byline", "author", "publish", "posted", "updat", "meta",
                     "stamp", "paywall", "premium", "consent", "datum", "submitted", "autor",
                     "writer", "auteur", "Date", "Time", "Author", "Byline")  # fmt: skip
_CLASS_HINT = re.compile(D.trie_pattern(list(_CLASS_HINT_WORDS)))
# Every word one of _class_verdicts' four tests needs in a class string (the hint words, "tag",
# "current-" and "chlagw" for tag boxes, "cat" for category boxes, "title" and "headline" for
# the gate's title links): a class string without any has no verdict.
_CLASS_ANY = re.compile(
    D.trie_pattern([*_CLASS_HINT_WORDS, "tag", "current-", "chlagw", "cat", "title", "headline"])
)
_NO_VERDICTS = (False, False, False, False)
# Last-resort scan for a printed date right after the headline: how many text nodes and characters
# we read. The article's own stamp sits within the first few dozen nodes after the h1 on every
# layout we looked at; reading further reaches the body's prose dates and the rails.
# (The nodes are those of XPath "following::text()[position() <= $n]" and, above the headline,
# "preceding::text()[position() <= $n]", read by a walk that stops at the n-th: libxml2 tests
# the predicate on every text node of the axis, the whole page, ~0.15 ms a page on AEB.)
SCAN_TEXT_NODES = 60
SCAN_TEXT_CHARS = 3000
# Above the headline only a date line sits close; further up are menus and tickers.
SCAN_TEXT_NODES_BEFORE = 12
# Longest text node read as a date line near the headline; longer ones are prose sentences
# whose dates are events ("vom 24. April bis 2. Oktober"), not the publication.
SCAN_NODE_CHARS = 300
# Far from the headline only a stamp-length node counts: the longest stamp lines we wrote
# fixtures for ("Published by Jane Doe on Thursday, 16 February 2012 at 10:00 CET") stay under
# 100 characters; measured 40-150 on both date sets, the accuracy moves by one or two pages.
SCAN_BODY_NODE_CHARS = 100
# The whole-page scan reads at most this much; past it are footers and archives.
SCAN_BODY_NODES = 400
SCAN_BODY_CHARS = 20000
# The body's text nodes are read by a walk that stops at the n-th non-blank one (see
# _body_text_nodes), not by XPath "(.//text()[normalize-space()])[position() <= $n]": libxml2
# builds the whole node set before cutting it, and on a page of many small elements that grows
# faster than the page (a 0.9 MB page of 20,000 comment lines: 1.5 s a call; the walk: ~10 ms).
# XPath's whitespace, which normalize-space() strips: space, tab, carriage return, line feed.
_XPATH_SPACE = " \t\r\n"
# Fallback for article pages where every source above gave nothing: a date printed anywhere in
# the page, footers and side columns included (a copyright line's "© 19.12.2019", a meta column
# in an aside), but never in comments or related-story rails: a comment's date or a teaser's is
# another text's date (issue 3's rule), however often it is printed. Read at most this many
# text nodes and characters; only stamp-length nodes (SCAN_BODY_NODE_CHARS) count, prose dates
# are events.
FALLBACK_NODES = 3000
FALLBACK_CHARS = 200_000
# Which of the dates found wins: "earliest" (the publication precedes its comments and any
# later copyright or "last changed" line) or "frequent" (the most printed day, earliest on a
# tie: an article's own date recurs in its meta line, its comments of the day and the teaser
# that links to it). Measured on the development halves, among the pages this scan dates:
# "frequent" 6 right of 7 on htmldate-eval and 4 of 5 on trafilatura-eval, "earliest" 4 of 7
# and 3 of 5 (an older rail teaser or an earlier post of a thread wins).
FALLBACK_CHOICE = "frequent"
_FALLBACK_SKIP_TAGS = frozenset({"script", "style", "noscript", "a", "button", "option"})
# A rail teaser's date is another story's, except in a teaser of this very page: a "latest
# news" list that includes the article being read (CMS recent-posts blocks do) prints the date
# the site gives the article. The teaser is the nearest ancestor of the date's element, at most
# SELF_TEASER_DEPTH levels up, that holds a link; its date counts only when every one of its
# links (at most SELF_TEASER_LINKS: more is a whole rail, not one teaser) leads to this page
# without a fragment ("…/post/#comment-5" is a comment's permalink, "#" a script's button).
# Depth 6 reaches a date in "<a><div class=teaser><div class=text><div class=date>" and in a
# list item beside the link; a deeper date is in a box of its own.
SELF_TEASER_DEPTH = 6
SELF_TEASER_LINKS = 4
# Class/id words of comment sections and related-story rails (the zones of _BAD_PARTS and
# _BAD_PHRASES that hold other texts' dates; sidebars, footers and breadcrumbs do not), and the
# Wayback Machine's toolbar ("wm-ipp"), whose dates are the archive's captures.
_OTHER_TEXTS_PARTS = frozenset(
    {
        "comment", "comments", "kommentare", "commentaires", "comentarios", "disqus", "reply",
        "replies", "respond", "related", "relatedposts", "recommended", "recommendations",
        "recirculation", "teaser", "teasers", "popular", "trending", "mostread", "promo", "promos",
        "outbrain", "taboola",
    }
)  # fmt: skip
_OTHER_TEXTS_PHRASES = re.compile(
    r"more-(?:stories|news|from|articles)|most-(?:read|viewed|popular)|you-may|top-?stories|"
    r"next-post|prev-post|post-navigation|mehr-zum-thema|wm-ipp"
)
# Declared images whose URL path carries a day (/files/2016/05/04/cover.png): the upload day,
# read only after the page scan gave nothing.
_IMAGE_META = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image")
# Descriptions read for a date after the page scan; longer ones are summaries whose dates are
# the story's events, not its publication.
_DESCRIPTION_META = ("description", "og:description", "twitter:description")
MAX_DESCRIPTION_CHARS = 200
_HAS_DIGIT = re.compile(r"\d")
_SCAN_SKIP_TAGS = frozenset({"script", "style", "figcaption", "noscript", "a", "button", "option"})
# itemprop/RDFa property values that hold the article's dates (schema.org, Dublin Core)
_DATE_PROPS = ("datepublished", "datemodified", "datecreated", "dc:date", "dc:created",
               "dcterms:created", "dc:modified", "dcterms:modified", "uploaddate")  # fmt: skip
# Words in an itemprop or property value that hint at a date or a byline, in any case (see
# _itemprop_hint).
_ITEMPROP_HINT_WORDS = ("date", "author", "creator")
# Zones whose dates, bylines and headlines belong to other stories or to readers. A class token
# is cut at "-", "_" and spaces and each part compared whole ("node-promoted" is not "promo",
# "layoutTwoColumnsRightSidebar" is not a sidebar); a few two-part names are matched as phrases.
# "widget" is not here: Blogger wraps its main posts in "widget Blog".
_BAD_PARTS = frozenset(
    {
        "comment", "comments", "kommentare", "commentaires", "comentarios", "related",
        "relatedposts", "recommended", "recommendations", "recirculation", "sidebar", "teaser",
        "teasers", "popular",
        "trending", "mostread", "newsletter", "promo", "promos", "outbrain", "taboola",
        "breadcrumb", "breadcrumbs", "carousel", "pagination", "disqus", "reply", "respond",
        "replies", "pingback", "trackback", "ticker", "yarpp", "readmore", "weiterlesen",
    }
)  # fmt: skip
# Every branch starts with a letter (no group first), which lets re skip the places where none
# of the first letters stands: with "(?:site|page|global|main)-?footer" as one branch a search
# took 1.5 times as long.
_BAD_PHRASES = re.compile(
    r"more-(?:stories|news|from|articles)|most-(?:read|viewed|popular)|read-more|you-may|"
    r"top-?stories|next-post|prev-post|post-navigation|nav-links|mehr-zum-thema|also-|"
    r"site-?footer|page-?footer|global-?footer|main-?footer|"
    # the Wayback Machine's toolbar over an archived page: its capture days, not the page's
    r"wm-ipp"
)
_PART_SPLIT = re.compile(r"[-_\s]+")
# A lower-to-upper case step inside a class/id token: templates that name their boxes in camel
# case ("MtnCommentTime", "commentList", "relatedArticles", "mostReadBox"). Only the comment and
# rail words (_OTHER_TEXTS_PARTS/_PHRASES) are read at these steps, not every _BAD_PARTS word:
# an article's own wrappers carry layout words in camel case ("layoutTwoColumnsRightSidebar",
# "articleFooterNav"); splitting those cost a labelled day on htmldate-eval, see _zone_attrs.
_CAMEL_STEP = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Words after which a camel-case token names a variant of a page header, not a zone: an
# opinion template's "ArticleHeaderComment_publishDate" is the article's own date line (its
# "Comment" is the kind of article); a comment section's "commentHeader" keeps its "comment".
_CAMEL_HEAD_PARTS = frozenset({"header", "head"})
# Attributes in which a stamp element carries its date for a script to render (relative, or as
# a mark on a timeline), often printing nothing itself. Read only as the first last resort:
# on both date sets the first such value outside rails and comments gave the labelled day on
# every page that has one (3 of 3 on each; epoch-second values, 3 more pages, are not read).
_DATE_ATTRS = ("data-date", "data-datetime", "data-publish-date", "data-published", "data-pubdate")
# Class/id words of a site's page header (besides <header>); see _Zones.masthead.
_MASTHEAD_TOKENS = frozenset(
    {"masthead", "site-header", "siteheader", "site_header", "headercontainer", "header-container",
     "page-header", "global-header", "main-header"}
)  # fmt: skip
# Class tokens of elements shown to screen readers only (accessibility helpers of Bootstrap,
# WordPress, Drupal and the German federal sites' builder): a heading so classed is a label for
# assistive technology, not the page's headline.
_UNSEEN_CLASSES = frozenset(
    {"sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screen-reader-only",
     "element-invisible", "aural", "offscreen", "a11y-hidden", "u-visually-hidden"}
)  # fmt: skip
# Zone words that also name a layout box of the article itself (its meta column, a CMS
# "teaser" component reused for the article head); see _Zones.boxed.
_BOX_PARTS = frozenset({"sidebar", "teaser"})
# A box counts as the article's when its common container with the headline is an <article>
# or at most this many levels above the h1 (the h1's parent: a date line beside it).
BOX_HEADLINE_LEVELS = 1
# ... and one level more for a box without any link, which is no teaser of another story but a
# meta line set beside the headline's own wrapper ("<div><div class=intro><h1>…</div><p>…</p>
# <p class="c-teaser__meta">Erschienen am <time>…"): a teaser links to what it teases. 2 is the
# grandparent of the h1; measured on both date sets, 1 page gained on each, none lost.
BOX_LINKLESS_LEVELS = 2
# For dates, a box named "teaser" is a zone only when it teases (see _teases): it links a
# heading, an image or a text longer than TEASER_HEADLINE_CHARS (a headline, not "Inland" or
# an author's name) elsewhere, or the item around it (its parent) links a heading elsewhere,
# or, at most TEASER_ITEM_CHARS long, any of those. Past TEASER_SCAN_ELEMENTS links and
# headings a box is too big to tell and stays a zone. Bylines, images and headlines keep every
# "teaser" box a zone (their rails' images came in otherwise). Measured on both date sets: the
# teaser-named date boxes this lets through hold the page's own labelled day on all 7
# labelled pages that have one; 1 undated page gains its date, no other field changes.
_TEASER_PARTS = frozenset({"teaser", "teasers"})
_TEASER_HEADINGS = ("h2", "h3", "h4")
TEASER_ITEM_CHARS = 600
TEASER_HEADLINE_CHARS = 20
TEASER_SCAN_ELEMENTS = 400
# Inline scripts kept, and characters of them read, for the last-resort script date: the
# page's own data sits in the first scripts; analytics and ad bundles follow.
MAX_SCRIPTS = 40
MAX_SCRIPT_CHARS = 200_000
# The two shapes are searched apart and taken in the order they are printed: as one
# alternation, re tried both at every character (all 15,185 inline scripts of the two date sets
# took 1.3 s, apart 0.6 s); the key shape alone skips to quotes, and the call shape is searched
# only in scripts that print "date(" (these letters have no other case forms: the class is exact).
_SCRIPT_DATE_KEY = re.compile(
    r"[\"'](?:published_?at|date_?published|publish_?date|pub_?date|first_?published_?at|"
    r"created_?at|upload_?date)[\"']\s*:\s*[\"'](\d{4}-\d\d-\d\d[^\"'\\]{0,25})[\"']",
    re.IGNORECASE,
)
_SCRIPT_DATE_CALL = re.compile(
    r"\b(?:show|write|print|format)_?date\(\s*[\"'](\d{4}[-/]\d\d[-/]\d\d[^\"'\\]{0,25})[\"']",
    re.IGNORECASE,
)
_DATE_CALL_HINT = re.compile(r"[dD][aA][tT][eE]\(")
# A stamp class repeated with this many different days marks a list of teasers (see
# _listed_classes); 3 keeps an article whose stamp and one related item share a class.
LIST_MIN_ITEMS = 3
# Containers of the page's content: a header inside them is the article's own header.
_CONTENT_TAGS = frozenset({"article", "main"})
_BAD_TAGS = frozenset({"aside", "nav"})
_ROOT_TAGS = frozenset({"body", "html"})
# Class tokens that describe a layout around the article rather than a zone ("has-sidebar").
_LAYOUT_PREFIXES = ("has-", "no-", "with-", "page-", "layout-", "node-type", "template-")
_PUBLISHED_HINT = re.compile(r"publish|posted|created|entry-date|post-date|dateline|pubdate|datum")
_MODIFIED_HINT = re.compile(r"updat|modif|revis|aktualis")
_BYLINE_HINT = re.compile(r"byline|author|writer|autor|auteur|submitted")
_STAMP_HINT = re.compile(r"date|time|publish|posted|updat|stamp|datum|meta")
_WRITTEN_BY = re.compile(
    r"written by|verfasst von|geschrieben von|écrit par|escrito por|scritto da|autor|author",
    re.IGNORECASE,
)
# A byline's lead word; "Text"/"Autor" count only with a colon ("Text messages…" is prose).
_BYLINE_LEAD = re.compile(
    r"^(?:(?:by|von|par|por|door|posted by|written by|text von|text by|words by)\b\s*:?|"
    r"(?:text|texto|autor(?:in|en)?|author|auteur|autore|redaktion)\s*:)\s*",
    re.IGNORECASE,
)
_BYLINE_LABEL_ONLY = re.compile(
    r"^(?:(?:by|von|par|por|door|posted by|written by|autor(?:in|en)?|authors?|auteurs?|autore)"
    r"\s*:?|(?:text|texto)\s*:)$",
    re.IGNORECASE,
)
# A stamp line's parts ("05.02.2020 | Von Anna Berg"); only the first few are read.
_STAMP_PARTS = re.compile(r"\s[-–—|•·]\s")
MAX_STAMP_PARTS = 3
# A byline line kept in the body: its lead word and longest length (the longest seen on
# trafilatura-eval is "Text von <name> Illustration von <name>", 55 characters; 40 loses it,
# 80 to 150 score the same; longer lines are sentences that start with "Von").
_BODY_BYLINE_LEAD = re.compile(
    r"^(?:(?:(?:ein|eine|a|an|blog|gast|guest)?\s*(?:beitrag|artikel|kommentar|interview|post|"
    r"article|story|text|words)\s+)?(?:von|by)|autor(?:in|en)?|authors?|auteur|autore|"
    r"text|texto|texte)\b\s*:?\s+\w",
    re.IGNORECASE,
)
BODY_BYLINE_MAX_CHARS = 80
# Separators a byline line may start with when it follows a kicker or a date ("| By Jane Doe").
_LINE_SEPARATORS = "|•·-–—/ "
# The first few text nodes after the headline belong to the article's own header, whatever the
# class of their container says ("teaser-small__metadata" holds a story's own byline on some
# CMSs); the zone test applies only beyond them. On trafilatura-eval's development half 0 loses
# two pages and 4 to 16 score the same; 8 leaves room for a kicker and a date line while
# staying short of lead paragraphs and rails.
NEAR_HEADLINE_TRUSTED_NODES = 8
_SITE_H1 = re.compile(r"site-?title|site-?name|logo|brand|blog-?title|header-?title")
_PAYWALL_HINT = re.compile(r"paywall|premium")
_PAYWALL_TEXT = re.compile(
    r"subscribe to (?:continue|read)|to continue reading|subscribers? only|already a subscriber|"
    r"for subscribers|jetzt (?:abonnieren|weiterlesen|freischalten)|weiterlesen mit|"
    r"nur für abonnenten|abonnieren sie|réservé aux abonnés|article réservé|"
    r"exclusivo para (?:suscriptores|assinantes)|solo para suscriptores|riservato agli abbonati|"
    r"contenuto riservato|assine para continuar|conteúdo exclusivo",
    re.IGNORECASE,
)
_CONSENT_HINT = re.compile(r"consent")
_TITLE_SEPARATORS = re.compile(r"\s+[|–—•·»:\-~/]{1,2}\s+|\s*\|\s*|\s::\s")
_YEARISH = re.compile(r"(?:19|20)\d\d")
_DATE_META = {
    "article:published_time": "p", "og:published_time": "p", "og:article:published_time": "p",
    "article:published": "p", "datepublished": "p", "pubdate": "p", "publishdate": "p",
    "publish-date": "p", "publish_date": "p", "published_time": "p", "published-date": "p",
    "date": "p", "dc.date": "p", "dc.date.issued": "p", "dc.date.created": "p",
    "dcterms.date": "p", "dcterms.created": "p", "dcterms.issued": "p", "sailthru.date": "p",
    "parsely-pub-date": "p", "article.published": "p", "cxenseparse:recs:publishtime": "p",
    "originalpublicationdate": "p", "article_date_original": "p", "pub_date": "p",
    "citation_publication_date": "p", "citation_date": "p", "datecreated": "p",
    "publication_date": "p", "release_date": "p", "rnews:datepublished": "p",
    "article:modified_time": "m", "og:updated_time": "m", "article:updated_time": "m",
    "datemodified": "m", "last-modified": "m", "lastmod": "m", "dc.date.modified": "m",
    "dcterms.modified": "m", "revised": "m", "article.updated": "m", "modified_time": "m",
}  # fmt: skip
_NOW_SLACK = timedelta(days=1)
# Sources that print machine-readable timestamps (the only ones _local_form compares).
_STRUCTURED = ("meta:", "jsonld:", "dom:itemprop", "dom:time")
# Agreement voting for the publication date. Each independent family of sources (JSON-LD, meta
# tags, <time>/itemprop markup, stamp lines, the date printed near the headline, the URL) votes
# for its day; another day replaces the most trusted source's day only when at least
# AGREEMENT_MARGIN more families name it and one of them is visible to readers. A margin of 1
# lets two agreeing visible sources overrule one stale JSON-LD; larger margins change almost
# nothing (calibrated on the htmldate-eval and trafilatura-eval development halves).
AGREEMENT_MARGIN = 1
# Whether a declared modification on the same day counts as one more vote: a republished page
# prints its new date and declares it as modified, while datePublished keeps the first issue.
AGREEMENT_COUNTS_MODIFIED = True
_VISIBLE_FAMILIES = frozenset({"dom:stamp", "dom:text", "markup", "url"})
# A meta named only "date" says nothing of what the date is (page generation, last change,
# publication): on a tie it yields to a date the page marks up (<time>, itemprop) or labels
# as a stamp. Measured on the development halves: "meta:date" is the first source on 10
# htmldate-eval pages, right on 8; both misses print their publication in a <time> or an
# "Erschienen am:" line.
_AMBIGUOUS_DATE_SOURCES = frozenset({"meta:date"})
_MARKED_FAMILIES = frozenset({"dom:stamp", "markup", "dom:text", "dom:box"})
# Real-world UTC offsets: a UTC instant can be printed on any local day these reach.
_ZONE_MIN = timedelta(hours=-12)
_ZONE_MAX = timedelta(hours=14)
# Two sources name the same instant when they differ by at most this much (rounding to minutes).
LOCAL_FORM_SLACK_SECONDS = 60
_ORG_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "website"})
# citation_author (the Highwire tags journals print for Google Scholar) comes first: on article
# pages of journals the generic "author" meta sometimes lists the reference list's authors.
_AUTHOR_META = ("citation_author", "author", "article:author", "parsely-author",
                "sailthru.author", "dc.creator", "dcterms.creator", "byl",
                "cxenseparse:author")  # fmt: skip
# A byline inside a link whose text is this many times longer is a teaser's byline (headline,
# summary and "Von X" all in one <a> to another story), not the page's own. An author link
# (<a rel="author">Name</a>) has the byline's own length; 1 to 4 score the same on
# trafilatura-eval, 2 keeps a margin over links that add a photo caption or a role.
TEASER_LINK_RATIO = 2
# How far up a byline's ancestors we look for such a teaser link.
TEASER_LINK_DEPTH = 6
# Lines shorter than this before the first paragraph are bylines or stamps the body kept; the
# dateline is looked for in the first longer paragraph, at most this many short lines down.
DATELINE_SHORT_CHARS = 80
DATELINE_MAX_SKIP = 3
# Body blocks that count as running text for the page-type gate: code listings and data tables
# are the content of programming posts and results pages (the standalone gate counts their text
# too); headings are not.
_RUNNING_KINDS = frozenset({"paragraph", "quote", "list_item", "preformatted", "table"})


@dataclass(frozen=True, slots=True)
class Metadata:
    canonical_url: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    credit: str | None = None
    dateline: Dateline | None = None
    published: datetime | None = None
    modified: datetime | None = None
    language: str | None = None
    site_name: str | None = None
    description: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()
    paywalled: bool | None = None
    page_type: PageType = "other"
    provenance: Mapping[str, str] = field(default_factory=dict)
    # Markup signals for the page-type gate, decided in complete_metadata once the body is known.
    signals: PageSignals = field(default_factory=PageSignals)
    # The language the page declares (<html lang>, meta, JSON-LD), kept for complete_metadata.
    declared_language: str | None = None
    # A last-resort publication date and its provenance, for complete_metadata to use when the
    # page turns out to be an article and no other source gave one.
    fallback_published: tuple[datetime, str] | None = None


@dataclass(slots=True)
class _Candidates:
    """Everything the one pass found, in document order. Internal and mutable while filled."""

    meta: dict[str, list[str]] = field(default_factory=dict)
    canonical: str | None = None
    jsonld_blocks: list[str] = field(default_factory=list)
    title: str | None = None
    h1: list[str] = field(default_factory=list)
    h1_element: etree._Element | None = None
    body: etree._Element | None = None
    title_elements: list[etree._Element] = field(default_factory=list)
    times: list[tuple[str, str, str]] = field(default_factory=list)  # (value, kind hint, origin)
    stamps: list[tuple[str, str]] = field(default_factory=list)  # (text, kind hint)
    stamp_classes: list[str] = field(default_factory=list)  # class/id of each stamp, aligned
    # dates in a box inside the headline's article (an aside or "teaser" meta column), whose
    # zone class the other sources refuse: (value, "time" or "stamp"); see _Zones.boxed
    boxed: list[tuple[str, str]] = field(default_factory=list)
    # dates that stamp-classed elements carry in an attribute (data-date="18. März 2020" on a
    # timeline mark, data-publish-date on an empty span that a script fills in), see _attr_date
    attr_dates: list[str] = field(default_factory=list)
    scripts: list[etree._Element] = field(default_factory=list)  # for _script_date
    bylines: list[tuple[str, str]] = field(default_factory=list)  # (text, origin)
    figures: list[etree._Element] = field(default_factory=list)
    paywall: bool = False
    consent: bool = False
    video: bool = False
    categories: list[str] = field(default_factory=list)  # rel="category" link texts
    tag_links: list[str] = field(default_factory=list)  # rel="tag" link texts
    crumbs: list[tuple[str | None, str]] = field(default_factory=list)  # microdata (name, url)
    category_box: list[str] = field(default_factory=list)  # class="cat-links" and the like
    tag_box: list[str] = field(default_factory=list)  # links in a class="tags" box
    menu_categories: list[str] = field(default_factory=list)  # WordPress current-post-ancestor
    # for the gate's link counts: the h2-h4 headings, and the links whose class says title
    # (None when the hint walk stopped early: the gate then reads the whole tree)
    headings: list[etree._Element] = field(default_factory=list)
    class_links: list[etree._Element] | None = field(default_factory=list)


class _Zones:
    """Whether an element sits in a rail, sidebar, footer or comment section (memoised).

    The containers of the page's headline (h1) are never such zones, whatever their class says:
    "sticky-sidebar-parent" or "content_block right-sidebar" wrap the article itself.
    """

    def __init__(
        self, h1s: Sequence[etree._Element] = (), h2s: Sequence[etree._Element] = ()
    ) -> None:
        """``h1s``, ``h2s``: the page's h1 and h2 elements in document order, as _collect's
        walk gathers them (a walk of its own to the first h1 cost ~0.14 ms a page on AEB with
        the tree out of the CPU caches, as it is after parsing)."""
        self._memo: dict[etree._Element, bool] = {}
        self._dated_memo: dict[etree._Element, bool] = {}
        self._article: set[etree._Element] = set()
        self._masthead_memo: dict[etree._Element, bool] = {}
        self._boxed_memo: dict[etree._Element, bool] = {}
        # class/id tokens repeat across a page's elements: each one's box verdict once
        self._box_tokens: dict[str, bool] = {}
        # class/id strings repeat too: each one's zone verdict (see _attrs_verdict) once
        self._attrs_verdicts: dict[str, tuple[bool, bool, bool]] = {}
        # the headline, then its ancestors (for dates: masthead and boxed)
        self._headline = _headline_ancestors(h1s, h2s)
        if h1s:
            self._article.update(h1s[0].iterancestors())
        else:
            # no h1: blog themes give the entry's title as <h2 class="title">, and their
            # wrappers say "sidebar" for the layout, not for a zone (as _collect reads it)
            for h2 in h2s:
                if "title" in (h2.get("class") or ""):
                    self._article.update(h2.iterancestors())
                    break
        self._headline_set = set(self._headline)

    def bad(self, el: etree._Element, *, dated: bool = False) -> bool:
        """Whether ``el`` sits in a zone. ``dated``: for a date, for which a box named "teaser"
        is a zone only when it teases another story (see _teases); for bylines, images and
        headlines every such box stays one."""
        if dated and not self.bad(el):
            return False  # the date rule only lets more through: most elements end here
        memo = self._dated_memo if dated else self._memo
        path: list[etree._Element] = []
        node: etree._Element | None = el
        result = False
        depth = 0
        while node is not None and depth < MAX_ZONE_DEPTH:
            known = memo.get(node)
            if known is not None:
                result = known
                break
            path.append(node)
            if node not in self._article and self._own_bad(node, dated, self._attrs_verdicts):
                result = True
                break
            node = node.getparent()
            depth += 1
        for seen in path:
            memo[seen] = result
        return result

    def masthead(self, el: etree._Element) -> bool:
        """Whether ``el`` sits in the site's masthead: a page header that neither holds the
        headline nor lies inside the article or main content. Mastheads print today's date
        ("Mittwoch, 26.02.2020" beside the logo), which is never the article's."""
        path: list[etree._Element] = []
        node: etree._Element | None = el
        result = False
        for _ in range(MAX_ZONE_DEPTH):
            if node is None or node in self._headline_set:
                break
            known = self._masthead_memo.get(node)
            if known is not None:
                result = known
                break
            path.append(node)
            if node.tag in _CONTENT_TAGS:
                break
            if _masthead_attrs(node) or (node.tag == "header" and _site_header(node)):
                result = True
                break
            node = node.getparent()
        for seen in path:
            self._masthead_memo[seen] = result
        return result

    def boxed(self, el: etree._Element) -> bool:
        """Whether a zone-refused ``el`` is refused only for sitting in an aside, sidebar or
        teaser box that belongs to the headline's own article: the meta column of
        "<article><aside><dl><dt>Datum</dt><dd>12.01.2017</dd>…", the "teaser-meta" line right
        above the h1. Comment, related and promo zones never qualify; nor does a box whose
        common container with the headline is the page rather than the article."""
        path: list[etree._Element] = []
        node: etree._Element | None = el
        result = False
        for _ in range(MAX_ZONE_DEPTH):
            if node is None:
                break
            known = self._boxed_memo.get(node)
            if known is not None:
                result = known
                break
            if node in self._headline_set:
                result = node.tag not in _ROOT_TAGS and (
                    node.tag == "article"
                    or self._headline.index(node) <= BOX_HEADLINE_LEVELS
                    or (
                        self._headline.index(node) <= BOX_LINKLESS_LEVELS
                        and bool(path)
                        and not _links_out(path[-1])
                    )
                )
                break
            path.append(node)
            if not _box_only(node, self._box_tokens):
                break
            node = node.getparent()
        for seen in path:
            self._boxed_memo[seen] = result
        return result

    @staticmethod
    def _own_bad(
        node: etree._Element, dated: bool, verdicts: dict[str, tuple[bool, bool, bool]]
    ) -> bool:
        """Whether ``node`` itself marks a zone (its tag, or its class/id; ``verdicts``
        memoises each class/id string's verdict for the page)."""
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _ROOT_TAGS:
            return False  # body/html classes describe the layout ("right-sidebar"), not a zone
        if tag in _BAD_TAGS:
            return True
        if tag == "footer" and not any(a.tag == "article" for a in node.iterancestors()):
            return True
        attrs = f"{node.get('class', '')} {node.get('id', '')}"
        verdict = verdicts.get(attrs)
        if verdict is None:
            verdict = verdicts[attrs] = _attrs_verdict(_zone_words(attrs))
        zone, dated_zone, teaser = verdict
        if not dated:
            return zone
        return dated_zone or (teaser and _teases(node))


def _attrs_verdict(attrs: str) -> tuple[bool, bool, bool]:
    """(a zone, a zone for dates whatever the element holds, names a "teaser" part) for one
    class/id string as _zone_words gives it: a token that is a layout class is skipped; a
    token matching _BAD_PHRASES or with a part in _BAD_PARTS names a zone, but for dates a
    "teaser" part (_TEASER_PARTS) does only when the box teases (see _teases, which needs the
    element)."""
    parts = attrs.replace("-", " ").replace("_", " ").split()  # as _PART_SPLIT, 1/3 the time
    if _BAD_PARTS.isdisjoint(parts) and _BAD_PHRASES.search(attrs) is None:
        # Neither a part nor a phrase anywhere in the string, so in none of its tokens (the
        # phrases hold no space and no anchor): 95 % of AEB's strings end here, with two tests
        # instead of three per token (~1.5 µs a string less).
        return False, False, False
    zone = dated_zone = teaser = False
    for token in attrs.split():
        if token.startswith(_LAYOUT_PREFIXES):
            continue
        if _BAD_PHRASES.search(token):
            return True, True, teaser
        for part in _PART_SPLIT.split(token):
            if part in _BAD_PARTS:
                zone = True
                if part in _TEASER_PARTS:
                    teaser = True
                else:
                    dated_zone = True
    return zone, dated_zone, teaser


def _teases(node: etree._Element) -> bool:
    """Whether a box named "teaser" teases another story: it sits in a link; or it links a
    heading, a headline-length text or an image elsewhere; or the item it sits in links a
    heading elsewhere, or any of those when the item is small. CMSes also name the article's
    own lead and meta line "teaser" ("teaser_text_meta" above the article's text, a
    "c-teaser__meta" line under it), which tease nothing."""
    if any(a.get("href") for a in node.iterancestors("a")):
        return True
    if _links_story(node, TEASER_SCAN_ELEMENTS, loose=True):
        return True
    parent = node.getparent()
    if parent is None or parent.tag in _ROOT_TAGS:
        return False
    small = not _longer_than(parent, TEASER_ITEM_CHARS)
    return _links_story(parent, TEASER_SCAN_ELEMENTS, loose=small)


def _links_story(scope: etree._Element, limit: int, *, loose: bool) -> bool:
    """Whether ``scope`` links a heading elsewhere, or with ``loose`` also a headline-length
    text or an image; past ``limit`` links and headings it is too big to tell and counts."""
    for count, el in enumerate(scope.iter("a", *_TEASER_HEADINGS)):
        if count >= limit:
            return True
        if el.tag != "a":
            if _links_out(el):
                return True
        elif _link_out(el) and (
            any(h.tag in _TEASER_HEADINGS for h in el.iter())
            or (loose and (_longer_than(el, TEASER_HEADLINE_CHARS) or _holds_image(el)))
        ):
            return True
    return False


def _holds_image(el: etree._Element) -> bool:
    return next(el.iter("img", "picture"), None) is not None


def _link_out(link: etree._Element) -> bool:
    """Whether a link goes to another page (not an in-page "#" anchor nor a script)."""
    href = (link.get("href") or "").strip()
    return bool(href) and not href.startswith("#") and not href.lower().startswith("javascript:")


def _links_out(el: etree._Element) -> bool:
    """Whether ``el`` holds a link to another page."""
    return any(_link_out(link) for link in el.iter("a"))


def _headline_ancestors(
    h1s: Iterable[etree._Element], h2s: Iterable[etree._Element]
) -> list[etree._Element]:
    """The page's headline and its containers, innermost first: the first h1 with text (an
    empty h1 is a logo), else the first h2 whose class says title. ``h1s``, ``h2s``: the
    page's h1 and h2 elements in document order."""
    for needs_title, headings in ((False, h1s), (True, h2s)):
        for el in headings:
            if needs_title and "title" not in (el.get("class") or ""):
                continue
            if "".join(el.itertext()).strip() and not _logo_heading(el) and not _unseen(el):
                return [el, *el.iterancestors()]
    return []


def _unseen(el: etree._Element) -> bool:
    """Whether a heading is for screen readers only (class "sr-only", "visually-hidden",
    "aural"): the site's name or a section label for assistive technology, never the
    article's headline, which is printed for everyone."""
    attrs = (el.get("class") or "").lower()
    return any(token in _UNSEEN_CLASSES for token in attrs.split())


def _home_link(href: str) -> bool:
    """Whether ``href`` points at the site's home page ("/", "https://example.org/")."""
    parts = urlsplit(href)
    home = parts.scheme in ("", "http", "https") and parts.path in ("", "/")
    return home and bool(href) and not href.startswith("#") and not parts.query


def _logo_heading(el: etree._Element) -> bool:
    """Whether a heading's whole text is one link to the home page: the site's name as a logo
    ("<h1><a href="/" class="logo">Deutschlandfunk</a></h1>"), not the article's headline, and
    the date printed beside it is the masthead's today."""
    links = list(el.iter("a"))
    if len(links) != 1 or not _home_link((links[0].get("href") or "").strip()):
        return False
    return "".join(links[0].itertext()).strip() == "".join(el.itertext()).strip()


def _box_only(node: etree._Element, tokens: dict[str, bool]) -> bool:
    """Whether the node's own zone class, if any, is only a layout box (see _Zones.boxed);
    ``tokens`` memoises each class/id token's verdict for the page."""
    tag = node.tag if isinstance(node.tag, str) else ""
    if tag == "nav" or tag == "footer":
        return False
    for token in _zone_attrs(node).split():
        verdict = tokens.get(token)
        if verdict is None:
            verdict = tokens[token] = _zone_token(token)
        if verdict:
            return False
    return True


def _zone_token(token: str) -> bool:
    """Whether one class/id token names a zone that is more than a layout box: any of
    _BAD_PHRASES, or a part in _BAD_PARTS but not in _BOX_PARTS."""
    if token.startswith(_LAYOUT_PREFIXES):
        return False
    if _BAD_PHRASES.search(token):
        return True
    return any(p in _BAD_PARTS and p not in _BOX_PARTS for p in _PART_SPLIT.split(token))


def _zone_attrs(node: etree._Element) -> str:
    """The node's class and id as _zone_words gives them."""
    return _zone_words(f"{node.get('class', '')} {node.get('id', '')}")


def _zone_words(attrs: str) -> str:
    """A class/id string, lowercased, followed by the comment and rail words and phrases its
    camel-case tokens are made of ("MtnCommentTime" adds "comment", "mostReadBox" adds
    "most-read"), so the zone tests that cut tokens at "-", "_" and spaces see them too."""
    lowered = attrs.lower()
    if lowered == attrs:
        return attrs  # no capital letter, no camel case: most pages end here
    extra: list[str] = []
    for token in attrs.split():
        split = _CAMEL_STEP.sub("-", token).lower()
        if split == token.lower() or split.startswith(_LAYOUT_PREFIXES):
            continue  # no step, or a layout word ("hasComments", "noSidebar")
        parts = _PART_SPLIT.split(split)
        head = next((i for i, p in enumerate(parts) if p in _CAMEL_HEAD_PARTS), len(parts))
        extra.extend(p for p in parts[:head] if p in _OTHER_TEXTS_PARTS)
        extra.extend(m.group(0) for m in _OTHER_TEXTS_PHRASES.finditer("-".join(parts[:head])))
    return f"{lowered} {' '.join(extra)}" if extra else lowered


def _masthead_attrs(node: etree._Element) -> bool:
    attrs = _attrs(node)
    if "header" not in attrs and "masthead" not in attrs:
        return False
    return any(token in _MASTHEAD_TOKENS for token in attrs.split())


def _site_header(header: etree._Element) -> bool:
    """A <header> with the site's navigation and its logo linking home is the page's masthead
    (an article's own <header> has neither)."""
    if next(header.iter("nav"), None) is None:
        return False
    for link in header.iter("a"):
        if not _home_link((link.get("href") or "").strip()):
            continue
        marks = _attrs(link)
        if "logo" in marks or "brand" in marks or next(link.iter("img", "svg"), None) is not None:
            return True
    return False


def _modified_only(attrs: str) -> bool:
    """Class says "updated" and not also "published" ("date updated published" is both)."""
    return _MODIFIED_HINT.search(attrs) is not None and _PUBLISHED_HINT.search(attrs) is None


def _text(el: etree._Element, limit: int | None = None) -> str:
    """The element's text, spaces collapsed. With ``limit``, for a caller that refuses texts
    longer than that, a longer text may come back cut short, still longer than ``limit``: a
    stamp-classed <article> or an author box holds kilobytes of text, and collapsing the
    spaces of all of it was most of the time this function took on AEB."""
    # serialised in C: half the time of joining itertext() (the same string on every element
    # this module reads on the AEB pages); itertext() stays the fallback
    try:
        raw = str(etree.tostring(el, method="text", encoding="unicode", with_tail=False))
    except (etree.LxmlError, ValueError, TypeError):
        try:
            raw = "".join(el.itertext())
        except ValueError:
            return ""
    if limit is not None and len(raw) > TEXT_CUT_FACTOR * limit:
        # the collapsed text of a prefix is a prefix of the collapsed text
        head = " ".join(raw[: TEXT_CUT_FACTOR * limit].split())
        if len(head) > limit:
            return head
    return " ".join(raw.split())


def _attrs(el: etree._Element) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}".lower()


# A read of the walk that needs the zones (a tag box, a rel="tag" link, a video), made once
# the walk has found the headline the zones depend on.
_ZoneRead = Callable[[_Zones], None]


def _collect(doc: Document) -> tuple[_Candidates, _Zones]:
    """The candidates and the page's zones, in one walk over every element: the tags we read
    (_SCAN_TAGS) and the elements whose class, itemprop, rel or property hints at a date, a
    byline or the post's taxonomy. The zones come from the walk's h1 and h2 elements; the
    walk's reads that need them are made after it, in document order, and then the elements
    both kinds send to _collect_element, the tagged ones first, each kind in document order
    (the order of the two scans this walk replaces: a C scan over the tags cost ~0.13 ms a
    page on AEB, reading each element's tag in the walk half of that)."""
    cand = _Candidates()
    cand.body = doc.root.find("body")
    tagged: list[etree._Element] = []  # time, h1, figure
    hinted: list[etree._Element] = []
    later: list[_ZoneRead] = []
    walk = doc.root.iter(etree.Element)
    _walk_hints(walk, cand, later, tagged, hinted)
    for el in walk:  # past MAX_HINTED_ELEMENTS hinted elements only the tags are read
        tag = el.tag
        if tag in _SCAN_TAG_SET and _collect_tag(el, tag, el.keys(), cand, later):
            tagged.append(el)
    h1s = [el for el in tagged if el.tag == "h1"]
    zones = _Zones(h1s, [el for el in cand.headings if el.tag == "h2"])
    for read in later:
        read(zones)
    for el in tagged:
        _collect_element(el, el.tag, cand, zones)
    for el in hinted:
        _collect_element(el, el.tag, cand, zones)
    return cand, zones


def _walk_hints(
    walk: Iterator[etree._Element],
    cand: _Candidates,
    later: list[_ZoneRead],
    tagged: list[etree._Element],
    hinted: list[etree._Element],
) -> None:
    """_collect's walk while it reads hints: each element's tag (_collect_tag), class and the
    other hint attributes (_read_hints). Returns with the rest of ``walk`` unread once
    MAX_HINTED_ELEMENTS elements were hinted (``cand.class_links`` is then None).

    This loop body runs for every element (~740 a page on AEB) and most elements hold nothing
    (no attribute, or a class string without verdict and no itemprop, rel or property): the
    module's constants are read into locals and such an element costs a dict lookup and one
    set test; everything else is in _read_hints (0.1-0.2 ms a page less than one loop)."""
    scan_tags, other_attrs, no_verdicts = _SCAN_TAG_SET, _OTHER_HINT_ATTRS, _NO_VERDICTS
    # Class strings repeat a lot within a page: each one's verdicts are computed once.
    verdicts: dict[str, tuple[bool, bool, bool, bool]] = {}
    for el in walk:
        tag = el.tag
        names = el.keys()
        if tag in scan_tags and _collect_tag(el, tag, names, cand, later):
            tagged.append(el)
        if not names:
            continue
        cls = ""
        verdict = no_verdicts
        if "class" in names:
            cls = el.get("class", "")
            known = verdicts.get(cls)
            if known is None:
                known = verdicts[cls] = _class_verdicts(cls)
            verdict = known
        if verdict is no_verdicts and other_attrs.isdisjoint(names):
            continue
        if not _read_hints(el, tag, cls, names, verdict, cand, later):
            continue
        if len(hinted) >= MAX_HINTED_ELEMENTS:
            cand.class_links = None  # the rest of the page is not walked for hints
            return
        hinted.append(el)


def _read_hints(
    el: etree._Element,
    tag: str,
    cls: str,
    names: list[str],
    verdict: tuple[bool, bool, bool, bool],
    cand: _Candidates,
    later: list[_ZoneRead],
) -> bool:
    """Collect the taxonomy and the gate's title links an element's class (``cls`` and its
    ``verdict``) and other attributes give (the reads that need the zones into ``later``);
    whether it is one for _collect_element."""
    hint, tag_box, category_box, titled = verdict
    if tag_box:
        later.append(partial(_collect_taxonomy_box, el, cls, cand))
    if category_box:
        later.append(partial(_collect_category_box, el, cand))
    if titled and tag == "a" and "href" in names and cand.class_links is not None:
        cand.class_links.append(el)
    if not _OTHER_HINT_ATTRS.isdisjoint(names):
        hint = _other_attrs(el, tag, names, cand, later) or hint
    return hint and tag not in _UNHINTED_TAGS


def _collect_tag(
    el: etree._Element, tag: str, names: list[str], cand: _Candidates, later: list[_ZoneRead]
) -> bool:
    """Read one element of _SCAN_TAGS (``names``: its attribute names; a read that needs the
    zones into ``later``); whether it is one for _collect_element."""
    if tag in HEADLINE_TAGS:
        cand.headings.append(el)
        if tag != "h2":
            return False
    if tag == "meta":
        _collect_meta(el, names, cand)
    elif tag == "link":
        rel = (el.get("rel") or "").lower().split()
        if "canonical" in rel and el.get("href") and cand.canonical is None:
            cand.canonical = el.get("href", "").strip()
    elif tag == "script":
        if "type" in names and "ld+json" in el.get("type", "").lower():
            cand.jsonld_blocks.append(el.text or "")
        elif len(cand.scripts) < MAX_SCRIPTS:
            cand.scripts.append(el)  # read only when no other source gave a date
    elif tag == "title":
        if cand.title is None and not any(a.tag == "svg" for a in el.iterancestors()):
            cand.title = _text(el)
    elif tag == "h2":
        if "title" in (el.get("class") or "") and len(cand.title_elements) < 3:
            cand.title_elements.append(el)
    elif tag in ("video", "iframe"):
        src = (el.get("src") or "").lower()
        if tag == "video" or any(v in src for v in ("youtube", "vimeo", "dailymotion", "jwp")):
            later.append(partial(_collect_video, el, cand))
    else:
        return True
    return False


def _collect_video(el: etree._Element, cand: _Candidates, zones: _Zones) -> None:
    cand.video = cand.video or not zones.bad(el)


def _class_verdicts(cls: str) -> tuple[bool, bool, bool, bool]:
    """(hints at a date or byline, is a box of the post's tags or its category menu item, is a
    box naming the post's category, names a link a title for the gate) for one class string."""
    if _CLASS_ANY.search(cls) is None:
        return _NO_VERDICTS  # 92 % of AEB's class strings: one search instead of four tests
    # substring tests first: the regexes on every class string cost ~0.7 ms a page
    tag_box = ("tag" in cls or "current-" in cls or "chlagw" in cls) and bool(
        _TAXONOMY_CLASS.search(cls)
    )
    category_box = "cat" in cls and bool(_CATEGORY_CLASS.search(cls))
    return _CLASS_HINT.search(cls) is not None, tag_box, category_box, teaser_class(cls)


# Attributes other than class that hint at a date or byline (itemprop, property) or carry the
# post's taxonomy (rel links, breadcrumb items).
_OTHER_HINT_ATTRS = frozenset({"itemprop", "rel", "property"})


def _other_attrs(
    el: etree._Element, tag: str, names: list[str], cand: _Candidates, later: list[_ZoneRead]
) -> bool:
    """The post's taxonomy from attributes other than class (breadcrumb items by itemprop, or
    by property inside <body>; category and tag links by rel), and whether the itemprop or
    property (_itemprop_hint; property only inside <body>: in <head> it is Open Graph's) or
    rel ("author") hints at a date or a byline. Each attribute is read once: a read costs
    ~0.25 µs, and ~60 elements a page (most of them <head>'s meta and link) come here; of
    _UNHINTED_TAGS (the meta and link) only the breadcrumb is read: they are never hinted, and
    the rel taxonomy reads links (<a>) only."""
    itemprop = el.get("itemprop", "") if "itemprop" in names else ""
    prop = el.get("property", "") if "property" in names else ""
    if itemprop == "itemListElement" or (prop == "itemListElement" and _in_body(el)):
        _collect_crumb(el, cand)
    if tag in _UNHINTED_TAGS:
        return False
    rel = el.get("rel", "") if "rel" in names else ""
    if rel and "author" not in rel:
        later.append(partial(_collect_taxonomy, el, rel, cand))
    if "author" in rel or (itemprop and _itemprop_hint(itemprop)):
        return True
    return bool(prop) and _itemprop_hint(prop) and _in_body(el)


def _itemprop_hint(value: str) -> bool:
    """Whether an itemprop or property value names a date or an author, in any case: lowered
    and tested for each word (a case-insensitive regex search cost 3-4 times as much; these
    ASCII words have no other case forms, so the two agree)."""
    low = value.lower()
    date, author, creator = _ITEMPROP_HINT_WORDS
    return date in low or author in low or creator in low


def _in_body(el: etree._Element) -> bool:
    return el.tag == "body" or any(a.tag == "body" for a in el.iterancestors())


def _collect_taxonomy(el: etree._Element, rel: str, cand: _Candidates, zones: _Zones) -> None:
    """A category or tag link (``<a rel="category tag">``, ``<a rel="tag">``) of the post."""
    low = rel.lower()
    if "tag" not in low and "category" not in low:
        return  # most rels are "noopener", "stylesheet", "canonical": no word to split for
    words = low.split()
    target = cand.categories if "category" in words else cand.tag_links if "tag" in words else None
    if target is None or el.tag != "a" or len(target) >= MAX_TAXONOMY_LINKS:
        return
    text = _text(el)
    if not text or len(text) > MAX_TAG_CHARS or text in target:
        return
    if not zones.bad(el) or _in_entry_footer(el):
        target.append(text)


def _in_entry_footer(el: etree._Element) -> bool:
    """Inside the post's own footer ("entry-footer", "article-footer"), which themes put
    outside <article> and the zone test therefore reads as the site footer."""
    for depth, node in enumerate(el.iterancestors()):
        if depth >= MAX_ZONE_DEPTH or node.tag in _BAD_TAGS:
            return False
        if node.tag == "footer":
            return _ENTRY_FOOTER.search(_attrs(node)) is not None
    return False


def _collect_category_box(el: etree._Element, cand: _Candidates, zones: _Zones) -> None:
    """The first link (else the text) of a box whose class names the post's category."""
    if len(cand.category_box) >= MAX_CANDIDATES:
        return
    if zones.bad(el) and not _in_entry_footer(el):
        return
    link = next((a for a in el.iter("a") if a.get("href")), None)
    text = _text(link if link is not None else el)
    if text and len(text) <= MAX_SECTION_CHARS:
        cand.category_box.append(text)


def _collect_taxonomy_box(el: etree._Element, cls: str, cand: _Candidates, zones: _Zones) -> None:
    """The links of a box whose class says it lists the post's tags ("tags", "post-tags",
    "field-tags") or of the menu item WordPress marks as the post's category."""
    if _MENU_PARENT.search(cls):  # a menu item: it sits in the <nav> by nature
        link = next(el.iter("a"), None)
        text = _text(link) if link is not None else ""
        if text and len(text) <= MAX_TAG_CHARS and len(cand.menu_categories) < MAX_CANDIDATES:
            cand.menu_categories.append(text)
        return
    if zones.bad(el) and not _in_entry_footer(el):
        return
    for link in el.iter("a"):
        if len(cand.tag_box) >= MAX_TAXONOMY_LINKS:
            return
        text = _text(link)
        if link.get("href") and text and len(text) <= MAX_TAG_CHARS and text not in cand.tag_box:
            cand.tag_box.append(text)


def _collect_crumb(el: etree._Element | None, cand: _Candidates) -> None:
    """One item of a microdata BreadcrumbList: its ``name`` and its ``item`` link."""
    parent = el.getparent() if el is not None else None
    if el is None or parent is None or len(cand.crumbs) >= MAX_CRUMBS:
        return
    if "breadcrumblist" not in (parent.get("itemtype") or "").lower():
        return
    name: str | None = None
    url = ""
    for child in el.iter():
        prop = child.get("itemprop")
        if prop == "name" and name is None:
            name = child.get("content") or _text(child)
        elif prop == "item" and not url:
            url = child.get("href") or child.get("itemid") or child.get("content") or ""
    if name and len(name) <= MAX_TAG_CHARS:
        cand.crumbs.append((name, url))


def _collect_meta(el: etree._Element, names: list[str], cand: _Candidates) -> None:
    """A meta tag's content under each of its keys. Only the attributes in ``names`` are read
    (a read costs ~0.25 µs; a meta tag has two or three of the five)."""
    if "content" not in names:
        return
    content = el.get("content", "")
    for attr in ("property", "name", "itemprop", "http-equiv"):
        key = el.get(attr) if attr in names else None
        if key:
            values = cand.meta.setdefault(key.strip().lower(), [])
            if len(values) < MAX_CANDIDATES:
                values.append(content.strip())


def _collect_element(el: etree._Element, tag: str, cand: _Candidates, zones: _Zones) -> None:
    attrs = _attrs(el)
    itemprop = (el.get("itemprop") or el.get("property") or "").lower()
    if tag == "figure":
        if len(cand.figures) < MAX_CANDIDATES and not zones.bad(el):
            cand.figures.append(el)
        return
    if tag == "h1":
        text = _text(el)
        if _SITE_H1.search(attrs) or any(a.get("rel") == "home" for a in el.iter("a")):
            return  # the blog's name in an h1 linking home, not a headline
        if text and len(cand.h1) < 5 and not zones.bad(el):
            cand.h1.append(text)
            if cand.h1_element is None:
                cand.h1_element = el
        return
    if _PAYWALL_HINT.search(attrs) and not cand.paywall:
        cand.paywall = _PAYWALL_TEXT.search(_text(el)[:2000]) is not None
    if _CONSENT_HINT.search(attrs) and not cand.consent:
        cand.consent = True
    dated = tag == "time" or (itemprop != "" and any(k in itemprop for k in _DATE_PROPS))
    if dated or (tag == "abbr" and _STAMP_HINT.search(attrs) and el.get("title")):
        attr_value = el.get("datetime") or el.get("content") or el.get("title")
        value = attr_value or _text(el)
        if value and "modified" not in itemprop and not _modified_only(attrs):
            _collect_boxed(el, value, "time", cand, zones)
        if value and len(cand.times) < MAX_CANDIDATES and not zones.bad(el, dated=True):
            if zones.masthead(el):
                return
            hint = "m" if "modified" in itemprop or _modified_only(attrs) else "p"
            if tag == "abbr":
                hint = "m" if _modified_only(attrs) else "p"
            if tag == "time" and not itemprop and el.get("pubdate") is None:
                hint = (
                    "m" if _modified_only(attrs) else "p" if _PUBLISHED_HINT.search(attrs) else "?"
                )
            if "datepublished" in itemprop or el.get("pubdate") is not None:
                hint = "p"
            if not attr_value:
                # the visible label beats the markup: itemprop="dateModified" on
                # "Veröffentlicht: 30.07.2019" is a publication date
                hint = D.label_kind(value) or hint
            origin = "dom:itemprop" if itemprop else "dom:time"
            parent = el.getparent() if hint == "?" else None  # the context is read only then
            context = _text(parent) if parent is not None else ""
            if context and len(context) <= MAX_STAMP_CHARS:
                stamp = D.parse_stamp(context, fetched_at=None)
                if stamp.modified is not None and stamp.published is None:
                    hint = "m"
            cand.times.append((value, hint, origin))
        return
    is_byline = "author" in itemprop or el.get("rel") == "author" or _BYLINE_HINT.search(attrs)
    if is_byline and len(cand.bylines) < MAX_CANDIDATES:
        if itemprop == "author" or "author" in itemprop:
            name_el = next((c for c in el.iter() if c.get("itemprop") == "name"), None)
            text = el.get("content") or _text(
                name_el if name_el is not None else el, MAX_BYLINE_CHARS
            )
        else:
            text = _text(el, MAX_BYLINE_CHARS)
        if text and len(text) <= MAX_BYLINE_CHARS and not zones.bad(el) and not _in_teaser(el):
            origin = "dom:itemprop" if itemprop else "dom:byline"
            cand.bylines.append((text, origin))
        return
    if _STAMP_HINT.search(attrs) and len(cand.stamps) < MAX_CANDIDATES:
        text = _text(el, MAX_STAMP_CHARS)
        if len(cand.attr_dates) < MAX_CANDIDATES:
            _collect_attr_date(el, cand, zones)
        if 6 <= len(text) <= MAX_STAMP_CHARS and not _modified_only(attrs):
            _collect_boxed(el, text, "stamp", cand, zones)
        if (
            6 <= len(text) <= MAX_STAMP_CHARS
            and not zones.bad(el, dated=True)
            and not zones.masthead(el)
        ):
            hint = "m" if _modified_only(attrs) else "p"
            cand.stamps.append((text, hint))
            cand.stamp_classes.append(attrs)


def _collect_attr_date(el: etree._Element, cand: _Candidates, zones: _Zones) -> None:
    """The date attribute of a stamp element outside rails, comments and the masthead."""
    for name in _DATE_ATTRS:
        value = (el.get(name) or "").strip()
        if (
            value
            and _HAS_DIGIT.search(value)
            and not zones.bad(el, dated=True)
            and not zones.masthead(el)
        ):
            cand.attr_dates.append(value[:MAX_STAMP_CHARS])
            return


def _collect_boxed(
    el: etree._Element, value: str, how: str, cand: _Candidates, zones: _Zones
) -> None:
    """Keep a date the zones refuse when its zone is only the article's own box."""
    if len(cand.boxed) < MAX_CANDIDATES and zones.bad(el) and zones.boxed(el):
        cand.boxed.append((value, how))


def _in_teaser(el: etree._Element) -> bool:
    """The byline sits in a link to another story together with that story's headline."""
    for depth, parent in enumerate(el.iterancestors()):
        if depth >= TEASER_LINK_DEPTH:
            return False
        if parent.tag == "a" and parent.get("href"):
            return _longer_than(parent, TEASER_LINK_RATIO * max(len(_text(el)), 20))
    return False


def _longer_than(el: etree._Element, limit: int) -> bool:
    """Whether the element's text (spaces collapsed) exceeds ``limit`` characters; reads only
    as far as needed, so a link wrapping a whole broken page costs no more than a teaser."""
    total = 0
    try:
        for piece in el.itertext():
            total += len(" ".join(piece.split())) + 1
            if total > limit + 1:
                return True
    except ValueError:
        return False
    return False


# --- resolution ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Resolver:
    cand: _Candidates
    ld: JsonLd
    main: Mapping[str, Any] | None
    url: str | None
    fetched_at: datetime | None
    now: datetime
    prefer_mdy: bool
    zones: _Zones
    provenance: dict[str, str] = field(default_factory=dict)
    parsed: dict[str, D.ParsedDate | None] = field(default_factory=dict)
    stamps: dict[str, D.Stamp] = field(default_factory=dict)
    people: dict[str, People] = field(default_factory=dict)
    # the text nodes after the headline, read by the date and the byline scans alike
    after_headline: _LazyTexts | None = None

    def meta(self, *keys: str) -> tuple[str, str] | None:
        for key in keys:
            for value in self.cand.meta.get(key, ()):
                if value.strip():
                    return " ".join(value.split()), key
        return None

    def ok(self, parsed: D.ParsedDate | None) -> bool:
        if parsed is None:
            return False
        return D.plausible(parsed.value, self.fetched_at, now=self.now)

    def parse(self, raw: str) -> D.ParsedDate | None:
        # published, modified and the agreement vote read the same strings: read each once
        if raw in self.parsed:
            return self.parsed[raw]
        found = D.parse_date(raw, prefer_mdy=self.prefer_mdy)
        result = found if self.ok(found) else None
        self.parsed[raw] = result
        return result

    def stamp(self, text: str) -> D.Stamp:
        known = self.stamps.get(text)
        if known is None:
            known = D.parse_stamp(text, fetched_at=self.fetched_at, prefer_mdy=self.prefer_mdy)
            self.stamps[text] = known
        return known

    def byline(self, text: str) -> People:
        # the author rules read the same byline strings again and again (on AEB 1,179 reads
        # of 519 strings): read each once per page
        known = self.people.get(text)
        if known is None:
            known = self.people[text] = parse_byline(text)
        return known


def _main_value(res: _Resolver, key: str) -> Any:
    return res.main.get(key) if res.main is not None else None


def _date_sources(
    res: _Resolver, kind: str
) -> Iterable[tuple[str, Callable[[], D.ParsedDate | None]]]:
    """Date candidates for ``kind`` ("p" published, "m" modified) in order of trust."""
    ld_key = "datePublished" if kind == "p" else "dateModified"
    cand = res.cand

    def from_ld() -> D.ParsedDate | None:
        raw = text_of(_main_value(res, ld_key))
        if raw is None and kind == "p":
            raw = text_of(_main_value(res, "dateCreated")) or text_of(
                _main_value(res, "uploadDate")
            )
        return res.parse(raw) if raw else None

    yield f"jsonld:{ld_key}", from_ld
    for key, which in _DATE_META.items():
        if which == kind and key in cand.meta:
            yield f"meta:{key}", partial(_first_meta_date, res, key)
    for origin in ("dom:itemprop", "dom:time"):
        yield origin, partial(_first_time, res, kind, origin)
    yield "dom:stamp", lambda: _first_stamp(res, kind)
    if kind == "p":
        yield "url", partial(_url_date, res)

    def salvaged() -> D.ParsedDate | None:
        raw = res.ld.salvaged.get(ld_key)
        if raw is None:
            for node in res.ld.nodes:
                raw = text_of(node.get(ld_key))
                if raw:
                    break
        return res.parse(raw) if raw else None

    yield f"jsonld:{ld_key}", salvaged
    if kind == "p":
        yield "dom:time", lambda: _first_time(res, "?", "dom:time")
        yield "dom:text", lambda: _scan_after_headline(res)
        yield "dom:box", lambda: _first_boxed(res)
        yield "html:title", lambda: res.parse(res.cand.title) if res.cand.title else None
        yield "dom:text", lambda: _scan_body(res)
        yield "script", lambda: _script_date(res)


def _url_date(res: _Resolver) -> D.ParsedDate | None:
    found = D.url_date(res.url, prefer_mdy=res.prefer_mdy)
    return found if res.ok(found) else None


def _headline_element(res: _Resolver) -> etree._Element | None:
    """Without an h1, the first h2/h3 whose class says it is the entry's title."""
    for el in res.cand.title_elements:
        if not res.zones.bad(el):
            return el
    return None


def _scan_after_headline(res: _Resolver) -> D.ParsedDate | None:
    """The first date printed in the text right after the headline (not in captions or links),
    else right above it (date lines over headlines)."""
    h1 = res.cand.h1_element
    if h1 is None:
        h1 = _headline_element(res)
    if h1 is None:
        return None
    found = _first_printed_date(res, _nodes_after_headline(res), leads=True)
    if found is not None:
        return found
    return _first_printed_date(res, _texts_before(h1, SCAN_TEXT_NODES_BEFORE))


def _nodes_after_headline(res: _Resolver) -> _LazyTexts:
    """The first SCAN_TEXT_NODES text nodes after the headline (h1, else the entry's title
    h2), walked once per page and only as far as a scan reads: the date and the byline scans
    both read them, and both mostly stop early."""
    if res.after_headline is None:
        h1 = res.cand.h1_element
        if h1 is None:
            h1 = _headline_element(res)
        walk = islice(_walk_after(h1), SCAN_TEXT_NODES) if h1 is not None else iter(())
        res.after_headline = _LazyTexts(walk)
    return res.after_headline


class _LazyTexts:
    """A sequence of text nodes read from a walk on demand and kept, for several readers."""

    __slots__ = ("_read", "_walk")

    def __init__(self, walk: Iterator[_TextNode]) -> None:
        self._read: list[_TextNode] = []
        self._walk = walk

    def _reach(self, count: int) -> None:
        """Read the walk until ``count`` nodes are kept (or it ends)."""
        read, walk = self._read, self._walk
        while len(read) < count:
            node = next(walk, None)
            if node is None:
                return
            read.append(node)

    def __iter__(self) -> Iterator[_TextNode]:
        index = 0
        read = self._read
        while True:
            if index >= len(read):
                self._reach(index + 1)
                if index >= len(read):
                    return
            yield read[index]
            index += 1

    def window(self, start: int, stop: int) -> list[_TextNode]:
        self._reach(stop)
        return self._read[start:stop]


class _TextNode(str):
    """A text node as XPath's ``text()`` gives it: the text, ``is_tail`` and ``getparent()``
    (the element whose text or tail it is), which is what the scans read of lxml's results."""

    is_tail: bool
    parent: etree._Element

    def getparent(self) -> etree._Element:
        return self.parent


def _text_node(text: str, parent: etree._Element, is_tail: bool) -> _TextNode:
    node = _TextNode(text)
    node.is_tail = is_tail
    node.parent = parent
    return node


def _texts_after(el: etree._Element, limit: int) -> list[_TextNode]:
    """XPath "following::text()[position() <= limit]" of ``el``: the first ``limit`` text
    nodes after its end, in document order (its tail, its following siblings' texts and
    tails, then the same for each ancestor)."""
    return list(islice(_walk_after(el), limit))


def _walk_after(el: etree._Element) -> Iterator[_TextNode]:
    """:func:`_texts_after` without a limit, walked as far as it is read."""
    node: etree._Element | None = el
    while node is not None:
        if node.tail is not None:
            yield _text_node(node.tail, node, True)
        for sibling in node.itersiblings():
            yield from _subtree_texts(sibling, own_tail=True)
        node = node.getparent()


def _subtree_texts(root: etree._Element, *, own_tail: bool) -> Iterator[_TextNode]:
    """The text nodes of ``root``'s subtree in document order (a comment's or processing
    instruction's content is no text node, its tail is), then, with ``own_tail``, its tail."""
    for event, item in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            if item.text is not None and isinstance(item.tag, str):
                yield _text_node(item.text, item, False)
        elif item.tail is not None and (own_tail or item is not root):
            yield _text_node(item.tail, item, True)


def _texts_before(el: etree._Element, limit: int) -> list[_TextNode]:
    """XPath "preceding::text()[position() <= limit]" of ``el``, nearest first: the ``limit``
    text nodes closest before its start (ancestors' own text included, their tails not)."""
    found: list[_TextNode] = []
    node: etree._Element | None = el
    while node is not None and len(found) < limit:
        for sibling in node.itersiblings(preceding=True):
            # a subtree backwards: its tail, its children last to first, then its text
            stack: list[tuple[etree._Element, bool]] = [(sibling, False)]
            while stack and len(found) < limit:
                item, opened = stack.pop()
                if opened:
                    if item.text is not None and isinstance(item.tag, str):
                        found.append(_text_node(item.text, item, False))
                    continue
                if item.tail is not None:
                    found.append(_text_node(item.tail, item, True))
                stack.append((item, True))
                stack.extend((child, False) for child in item)
            if len(found) >= limit:
                break
        node = node.getparent()
        if node is not None and node.text is not None and len(found) < limit:
            found.append(_text_node(node.text, node, False))
    return found[:limit]


def _scan_body(res: _Resolver) -> D.ParsedDate | None:
    """Last resort: the first full date printed in the page's text outside menus, rails,
    comments and footers (pages without a headline element or any date markup)."""
    found = _body_text_nodes(res, SCAN_BODY_NODES)
    return _first_printed_date(res, found, SCAN_BODY_CHARS, SCAN_BODY_NODE_CHARS, leads=True)


def _body_text_nodes(res: _Resolver, limit: int) -> list[Any]:
    """The first ``limit`` non-blank text nodes of the page's <body> (none without a body)."""
    body = res.cand.body
    if body is None:
        return []
    return list(islice(_walk_within(body), limit))


def _walk_within(root: etree._Element) -> Iterator[_TextNode]:
    """XPath ".//text()[normalize-space()]" of ``root``, walked as far as it is read: the
    non-blank text nodes inside it in document order (its own tail is outside it)."""
    return (node for node in _subtree_texts(root, own_tail=False) if node.strip(_XPATH_SPACE))


def _fallback_scan(res: _Resolver) -> D.ParsedDate | None:
    """For article pages where no other source gave a date: the dates printed in stamp-length
    text anywhere in the page (see FALLBACK_*), never the masthead's "today" nor the clock."""
    nodes = _body_text_nodes(res, FALLBACK_NODES)
    found: list[D.ParsedDate] = []
    verdicts: dict[etree._Element, bool] = {}
    lines: set[etree._Element] = set()  # the stamp-length lines read whole
    own: list[D.ParsedDate] = []  # dates of teasers of this very page (SELF_TEASER_DEPTH)
    read = 0
    for node in nodes:
        text = str(node).strip()
        read += len(text)
        if read > FALLBACK_CHARS:
            break
        if len(text) > SCAN_BODY_NODE_CHARS or _HAS_DIGIT.search(text) is None:
            continue
        parent = _text_container(node)
        if parent is None or (parent.tag in _FALLBACK_SKIP_TAGS and parent.tag != "a"):
            continue
        if res.zones.masthead(parent):
            continue
        if parent.tag == "a" or (_other_texts(parent, verdicts) and not res.zones.boxed(parent)):
            # a link's text, a comment's or a teaser's date (unless the box is the article's
            # own): only a teaser of this page itself gives its date
            if _teaser_of_page(res, parent):
                value = res.stamp(text).published
                if value is not None and res.ok(value):
                    own.append(value)
            continue
        value = res.stamp(text).published
        if value is None and parent not in lines and not _longer_than(parent, SCAN_BODY_NODE_CHARS):
            # "8.<a href="/2010/12/">Dezember 2010</a> um 09:43": a date split by a link to the
            # month's archive is read from the whole line, once
            lines.add(parent)
            value = res.stamp(_text(parent)).published
        if value is not None and res.ok(value) and not _member_line(parent):
            found.append(value)
    if own:
        return own[0]  # the site's own teaser names this page: no stray date outranks it
    if not found:
        return None
    if FALLBACK_CHOICE == "frequent":
        days = Counter(f.value.date() for f in found)
        top = max(days.values())
        return min((f for f in found if days[f.value.date()] == top), key=lambda f: f.value.date())
    return min(found, key=lambda f: f.value.date())


def _teaser_of_page(res: _Resolver, el: etree._Element) -> bool:
    """Whether ``el`` sits in a teaser whose links all lead to this page (SELF_TEASER_DEPTH)."""
    base = res.url or res.cand.canonical
    if not base:
        return False
    page = {_page_key(base, base), _page_key(res.cand.canonical or base, base)}
    page.discard(None)
    if not page:
        return False
    node: etree._Element | None = el
    for _ in range(SELF_TEASER_DEPTH):
        if node is None or node.tag in _ROOT_TAGS:
            return False
        links = list(islice((a for a in node.iter("a") if a.get("href")), SELF_TEASER_LINKS + 1))
        if links:
            return len(links) <= SELF_TEASER_LINKS and all(
                _page_key(a.get("href", ""), base) in page for a in links
            )
        node = node.getparent()
    return False


def _page_key(href: str, base: str) -> tuple[str, str, str] | None:
    """Host (without "www."), path (without a trailing slash) and query of a link, for telling
    whether it leads to the page at ``base``; None for a blank link or one to a fragment."""
    href = href.strip()
    if not href or "#" in href:
        return None
    try:
        parts = urlsplit(join_url(base, href))
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:  # a malformed link ("http://[::1") is no teaser's
        return None
    return (host, parts.path.rstrip("/"), parts.query) if host else None


def _other_texts(el: etree._Element, verdicts: dict[etree._Element, bool]) -> bool:
    """Whether ``el`` sits in a comment section or a related-story rail (memoised per page in
    ``verdicts``; see _OTHER_TEXTS_PARTS)."""
    path: list[etree._Element] = []
    node: etree._Element | None = el
    result = False
    for _ in range(MAX_ZONE_DEPTH):
        if node is None or node.tag in _ROOT_TAGS:
            break
        known = verdicts.get(node)
        if known is not None:
            result = known
            break
        path.append(node)
        attrs = _zone_attrs(node)
        if any(
            _OTHER_TEXTS_PHRASES.search(token)
            or any(p in _OTHER_TEXTS_PARTS for p in _PART_SPLIT.split(token))
            for token in attrs.split()
            if not token.startswith(_LAYOUT_PREFIXES)
        ):
            result = True
            break
        node = node.getparent()
    for seen in path:
        verdicts[seen] = result
    return result


def _image_url_date(res: _Resolver) -> D.ParsedDate | None:
    """The day in a declared image's URL path (/files/2016/05/04/cover.png), else None."""
    for key in _IMAGE_META:
        for value in res.cand.meta.get(key, ()):
            found = D.url_date(value.strip(), prefer_mdy=res.prefer_mdy)
            if found is not None and res.ok(found):
                return replace(found, raw=value.strip()[:MAX_STAMP_CHARS])  # the whole URL
    return None


def _declares_date(res: _Resolver) -> bool:
    """Whether the page declares a publication date in its markup (JSON-LD, a date meta, a
    <time>), even one we refused (after the fetch, unreadable): such a page is not dateless,
    and a date printed in its rails is no stand-in for the one it declares."""
    if res.ld.salvaged.get("datePublished") or any(
        text_of(node.get("datePublished")) for node in res.ld.nodes
    ):
        return True
    if any(which == "p" and key in res.cand.meta for key, which in _DATE_META.items()):
        return True
    return any(hint != "m" for _, hint, _ in res.cand.times)


def _description_date(res: _Resolver) -> D.ParsedDate | None:
    """A full date in the page's declared description ("… (Notizia del 14 Gennaio 2020)"),
    read as a stamp line: an "Updated …" date there is no publication."""
    for key in _DESCRIPTION_META:
        for value in res.cand.meta.get(key, ())[:1]:
            text = value.strip()
            if len(text) > MAX_DESCRIPTION_CHARS or _HAS_DIGIT.search(text) is None:
                continue
            found = res.stamp(text).published
            if found is not None and res.ok(found):
                return found
    return None


def _fallback_published(res: _Resolver) -> tuple[datetime, str] | None:
    """The last-resort publication date, applied by complete_metadata to article pages only."""
    if _declares_date(res):
        return None
    for origin, get in (
        ("dom:attr", _attr_date),
        ("dom:page", _fallback_scan),
        ("meta:description", _description_date),
        ("meta:image", _image_url_date),
    ):
        found = get(res)
        if found is not None:
            return found.value, f"{origin}={found.raw}"
    return None


def _attr_date(res: _Resolver) -> D.ParsedDate | None:
    """The first date a stamp element carries in an attribute (_Candidates.attr_dates)."""
    for value in res.cand.attr_dates:
        found = res.parse(value)
        if found is not None:
            return found
    return None


def _text_container(node: Any) -> etree._Element | None:
    """The element a text node is printed in: lxml gives a tail's preceding sibling as its
    parent, but "<a>Peter Grimm</a> / 07.11.2023" prints the date in the link's parent."""
    parent = node.getparent()
    if parent is not None and getattr(node, "is_tail", False):
        return parent.getparent()
    return parent


def _after_image(el: etree._Element | None) -> bool:
    """Whether ``el`` is an image, or a line break right after one."""
    if el is not None and el.tag == "br" and not (el.text or "").strip():
        el = el.getprevious()
    return el is not None and el.tag == "img"


def _first_printed_date(
    res: _Resolver,
    nodes: Iterable[Any],
    limit: int = SCAN_TEXT_CHARS,
    longest: int = SCAN_NODE_CHARS,
    *,
    leads: bool = False,
) -> D.ParsedDate | None:
    """The first stamp-length node with a date; with ``leads``, a longer paragraph counts too
    when it opens with its date, press-release style (:func:`dates.lead_date`)."""
    read = 0
    for node in nodes:
        raw = str(node)
        read += len(raw)
        if read > limit:
            break
        text = raw.strip()  # indentation is not length: a stamp node may carry a lot of it
        long = len(text) > longest
        if (long and not leads) or _HAS_DIGIT.search(
            text[: D.LEAD_DATE_CHARS] if long else text
        ) is None:
            continue
        parent = _text_container(node)
        if parent is None or parent.tag in _SCAN_SKIP_TAGS or res.zones.bad(parent):
            continue
        if res.zones.masthead(parent):
            continue
        if not long and node.is_tail and _longer_than(parent, longest):
            continue  # text after a link inside a sentence: prose, however short the piece
        if node.is_tail and _after_image(node.getparent()):
            continue  # "<img><br>FILE PHOTO: … January 16, 2020": a caption without markup
        value = D.lead_date(text, prefer_mdy=res.prefer_mdy) if long else res.stamp(text).published
        if value is not None and res.ok(value) and (long or not _member_line(parent)):
            return value
    return None


def _member_line(parent: etree._Element) -> bool:
    """Whether a date's line is labelled as the day a forum member joined: "<dd><strong>
    Registriert:</strong> 18.09.2008</dd>" puts the label in a sibling of the date's text node,
    so the line (its container, when stamp-length) is read whole."""
    if _longer_than(parent, MAX_STAMP_CHARS):
        return False
    return D.member_since(_text(parent))


def _first_meta_date(res: _Resolver, key: str) -> D.ParsedDate | None:
    for value in res.cand.meta.get(key, ()):
        found = res.parse(value)
        if found is not None:
            return found
    return None


def _first_time(res: _Resolver, kind: str, origin: str) -> D.ParsedDate | None:
    for value, hint, where in res.cand.times:
        if where == origin and hint == kind:
            found = res.parse(value)
            if found is not None:
                return found
    return None


def _script_date(res: _Resolver) -> D.ParsedDate | None:
    """Last resort: a publication date that only a page script carries, as a JSON key
    ("published_at": "2019-03-02T06:22:28+01:00", shop and gallery platforms) or as the
    argument of a date-printing call (showDate("2020/04/17 01:43:09"), legacy CMSes)."""
    read = 0
    for script in res.cand.scripts:
        chunk = (script.text or "")[: MAX_SCRIPT_CHARS - read]
        read += len(chunk)
        for raw in _script_dates(chunk):
            found = res.parse(raw)
            if found is not None:
                return found
        if read >= MAX_SCRIPT_CHARS:
            break
    return None


def _script_dates(chunk: str) -> Iterator[str]:
    """The dates of _SCRIPT_DATE_KEY and _SCRIPT_DATE_CALL matches in the order they are
    printed, each match read after the end of the one before (as one regex would)."""
    calls = _DATE_CALL_HINT.search(chunk) is not None
    pos = 0
    while True:
        key = _SCRIPT_DATE_KEY.search(chunk, pos)
        call = _SCRIPT_DATE_CALL.search(chunk, pos) if calls else None
        # a key match starts at a quote and a call match at a letter: never at the same place
        match = call if key is None or (call is not None and call.start() < key.start()) else key
        if match is None:
            return
        yield match.group(1)
        pos = match.end()


def _first_boxed(res: _Resolver) -> D.ParsedDate | None:
    for value, how in res.cand.boxed:
        found = res.parse(value) if how == "time" else res.stamp(value).published
        if found is not None and res.ok(found):
            return found
    return None


# A stamp element holding only a label ("Zuletzt geändert am:", "Updated:") names the kind of
# the date in the next stamp element; longer texts without a date are prose, not labels.
MAX_LABEL_CHARS = 40


def _listed(res: _Resolver, attrs: str) -> bool:
    """Whether LIST_MIN_ITEMS or more stamps of this class name as many different days: the
    dates of a list of teasers, however its box is named, not the article's stamp."""
    if not attrs.strip() or res.cand.stamp_classes.count(attrs) < LIST_MIN_ITEMS:
        return False
    days = set()
    for (text, _), other in zip(res.cand.stamps, res.cand.stamp_classes, strict=False):
        found = res.stamp(text).published if other == attrs else None
        if found is not None:
            days.add(found.value.date())
            if len(days) >= LIST_MIN_ITEMS:
                return True
    return False


def _first_stamp(res: _Resolver, kind: str) -> D.ParsedDate | None:
    pending: str | None = None  # the kind a label-only stamp gives the next dated one
    labelled: dict[str, str] = {}
    for (text, hint), attrs in zip(res.cand.stamps, res.cand.stamp_classes, strict=False):
        stamp = res.stamp(text)
        if stamp.published is None and stamp.modified is None:
            label_only = len(text) <= MAX_LABEL_CHARS and _HAS_DIGIT.search(text) is None
            pending = D.label_kind(text) if label_only else None  # only the very next stamp
            continue
        if pending is not None:
            labelled[text] = pending  # nested elements repeat the same date: all of them
            pending = None
        if labelled.get(text) == "m" and stamp.modified is None:
            # "<h4>Zuletzt geändert am:</h4><ul><li>15.10.2021</li>": the label's own element
            # is apart from the date's, and the date is the update
            stamp = D.Stamp(None, stamp.published)
        if kind == "m" and stamp.modified is not None and res.ok(stamp.modified):
            return stamp.modified
        if kind == "p":
            found = stamp.published
            if found is None and hint == "p" and stamp.modified is None:
                continue
            if found is not None and res.ok(found) and not _listed(res, attrs):
                return found
    return None


def _resolve_date(res: _Resolver, kind: str) -> tuple[D.ParsedDate, str] | None:
    for origin, get in _date_sources(res, kind):
        found = get()
        if found is not None:
            return _local_form(res, kind, found, origin)
    return None


def _local_form(
    res: _Resolver, kind: str, found: D.ParsedDate, origin: str
) -> tuple[D.ParsedDate, str]:
    """The same instant in the page's own zone when another source prints it with a local
    offset: JSON-LD often says 23:11Z where article:published_time says 00:11+01:00. The
    instant is unchanged; the offset (and with it the calendar day) is the publisher's."""
    value = found.value
    if value.tzinfo is None or value.utcoffset() != timedelta(0):
        return found, origin
    for other_origin, get in _date_sources(res, kind):
        if other_origin == origin or not other_origin.startswith(_STRUCTURED):
            continue
        other = get()
        if other is None or other.value.tzinfo is None:
            continue
        offset = other.value.utcoffset()
        if offset and abs((other.value - value).total_seconds()) <= LOCAL_FORM_SLACK_SECONDS:
            return other, other_origin
    return found, origin


def _family(origin: str) -> str:
    """Sources that are one publisher's one claim count once: all meta tags are one family."""
    if origin.startswith("jsonld:"):
        return "jsonld"
    if origin.startswith("meta:"):
        return "meta"
    if origin in ("dom:itemprop", "dom:time"):
        return "markup"
    return origin  # dom:stamp, dom:text, url, html:title


def _published_candidates(
    res: _Resolver,
) -> tuple[list[tuple[D.ParsedDate, str]], Callable[[], D.ParsedDate | None] | None]:
    """Every source's publication date, in order of trust; the weak fallbacks (the <title>, the
    whole text) only when nothing else gave one. The scan of the text near the headline is
    returned unread when a stronger source was found: the vote reads it only when it can
    change the outcome (it is the costliest source)."""
    found: list[tuple[D.ParsedDate, str]] = []
    scan: Callable[[], D.ParsedDate | None] | None = None
    weak = False
    for origin, get in _date_sources(res, "p"):
        if origin == "dom:text" and found and not weak and scan is None:
            scan = get  # the first dom:text source is the scan near the headline
            continue
        weak = weak or origin == "html:title"
        if weak and found:
            break
        value = get()
        if value is not None:
            found.append((value, origin))
    return found, scan


def _same_instant_local(
    primary: tuple[D.ParsedDate, str], found: Sequence[tuple[D.ParsedDate, str]]
) -> tuple[D.ParsedDate, str]:
    """:func:`_local_form` over the candidates already read (no second pass over sources)."""
    value = primary[0].value
    if value.tzinfo is None or value.utcoffset() != timedelta(0):
        return primary
    for other, origin in found:
        if origin == primary[1] or not origin.startswith(_STRUCTURED):
            continue
        if other.value.tzinfo is None or not other.value.utcoffset():
            continue
        if abs((other.value - value).total_seconds()) <= LOCAL_FORM_SLACK_SECONDS:
            return other, origin
    return primary


def _local_day(
    primary: tuple[D.ParsedDate, str], found: Sequence[tuple[D.ParsedDate, str]]
) -> tuple[D.ParsedDate, str]:
    """A UTC timestamp in the publisher's own day. A naive clock printed elsewhere for the same
    instant (a whole number of quarter hours away, within real zone offsets) gives the offset;
    a naive date one day off, reachable from the instant by a real offset, gives the day."""
    value = primary[0].value
    if value.utcoffset() != timedelta(0) or primary[0].precision == "day":
        return primary
    utc_wall = value.replace(tzinfo=None)
    for other, _ in found:
        # the same clock reading printed naive anywhere: the strongest evidence of the offset
        if other.value.tzinfo is None and other.precision != "day":
            shift = other.value - utc_wall
            minutes = shift.total_seconds() / 60
            if shift and minutes % 15 == 0 and _ZONE_MIN <= shift <= _ZONE_MAX:
                local = value.astimezone(timezone(shift))
                return replace(primary[0], value=local), primary[1]
    for other, origin in found:
        if other.value.tzinfo is not None or _family(origin) == _family(primary[1]):
            continue
        if other.precision != "day":
            continue
        if other.value.date() == utc_wall.date():
            return primary
        earliest, latest = (utc_wall + _ZONE_MIN).date(), (utc_wall + _ZONE_MAX).date()
        if earliest <= other.value.date() <= latest:
            return other, origin
        return primary
    return primary


def _declared_modified(res: _Resolver) -> list[D.ParsedDate]:
    found = []
    for origin, get in _date_sources(res, "m"):
        if origin.startswith(_STRUCTURED):
            value = get()
            if value is not None:
                found.append(value)
    return found


def _same_instant(a: D.ParsedDate, b: D.ParsedDate) -> bool:
    if a.precision == "day" or b.precision == "day":
        return False
    if (a.value.tzinfo is None) != (b.value.tzinfo is None):
        return False
    return abs((a.value - b.value).total_seconds()) <= LOCAL_FORM_SLACK_SECONDS


def _votes(
    found: Sequence[tuple[D.ParsedDate, str]],
    modified: Sequence[D.ParsedDate],
    primary: D.ParsedDate,
) -> tuple[dict[Any, set[str]], dict[Any, tuple[D.ParsedDate, str]]]:
    """Day -> the families naming it, and the most trusted candidate for each day. A source
    giving the primary's instant in another zone votes for the primary's (local) day."""
    primary_day = primary.value.date()
    votes: dict[Any, set[str]] = {}
    first: dict[Any, tuple[D.ParsedDate, str]] = {}
    for value, origin in found:
        family = _family(origin)
        if family == "html:title":
            continue
        if family in _VISIBLE_FAMILIES and any(_same_instant(value, m) for m in modified):
            continue  # the page prints its update time: no vote for the publication
        day = primary_day if _same_instant(value, primary) else value.value.date()
        votes.setdefault(day, set()).add(family)
        first.setdefault(day, (value, origin))
    for mod in modified:
        day = mod.value.date()
        if day in votes and day >= primary_day:
            votes[day].add("modified")
    return votes, first


def _agreed_published(res: _Resolver) -> tuple[D.ParsedDate, str] | None:
    """The publication date most independent sources agree on (see AGREEMENT_* above)."""
    found, scan = _published_candidates(res)
    if not found:
        return None
    modified = _declared_modified(res) if AGREEMENT_COUNTS_MODIFIED else []
    primary = _same_instant_local(found[0], found)
    votes, _ = _votes(found, modified, primary[0])
    own = len(votes.get(primary[0].value.date(), ()))
    others = max((len(v) for d, v in votes.items() if d != primary[0].value.date()), default=0)
    utc = primary[0].value.utcoffset() == timedelta(0) and primary[0].precision != "day"
    # the scan adds at most two votes to a day: its own and a later declared modification's
    day = primary[0].value.date()
    bonus = any(m.value.date() > day for m in modified)
    margin = 0 if primary[1] in _AMBIGUOUS_DATE_SOURCES else AGREEMENT_MARGIN
    if scan is not None and (utc or others + 1 + bonus >= own + margin):
        seen = scan()
        if seen is not None:
            found = [*found, (seen, "dom:text")]
    primary = _local_day(primary, found)
    primary_day = primary[0].value.date()
    votes, first = _votes(found, modified, primary[0])
    if not votes:
        return primary
    own_votes = votes.get(primary_day, set())
    best = max(votes, key=lambda d: (len(votes[d]), d == primary_day))
    if primary[1] in _AMBIGUOUS_DATE_SOURCES:
        # a bare "date" meta yields a tie to a date the page prints or marks up
        rivals = [d for d in votes if d != primary_day and votes[d] & _MARKED_FAMILIES]
        if rivals:
            best = max(rivals, key=lambda d: len(votes[d]))
            return first[best] if len(votes[best]) >= len(own_votes) else primary
        return primary
    if (
        best != primary_day
        and len(votes[best]) >= len(own_votes) + AGREEMENT_MARGIN
        and votes[best] & _VISIBLE_FAMILIES
    ):
        return first[best]
    return primary


def _resolve_dates(res: _Resolver) -> tuple[datetime | None, datetime | None]:
    published = _agreed_published(res)
    modified = _resolve_date(res, "m")
    pub_value: datetime | None = None
    mod_value: datetime | None = None
    if published is not None:
        pub_value = published[0].value
        res.provenance["published"] = f"{published[1]}={published[0].raw}"
    if modified is not None:
        mod_value = modified[0].value
        if pub_value is not None and _before(mod_value, pub_value):
            mod_value = None  # an "update" before the publication is a misread, not an update
        else:
            res.provenance["modified"] = f"{modified[1]}={modified[0].raw}"
    return pub_value, mod_value


def _before(a: datetime, b: datetime) -> bool:
    if (a.tzinfo is None) != (b.tzinfo is None):
        return a.date() < b.date()
    return a < b


# --- people ----------------------------------------------------------------------------------


def _ld_people(res: _Resolver) -> list[str]:
    """Author names of the main JSON-LD node; organisations only when they are agencies."""
    ids = res.ld.by_id()
    names: list[str] = []
    for raw in as_list(_main_value(res, "author")) or as_list(_main_value(res, "creator")):
        node = resolve(raw, ids)
        if isinstance(node, Mapping):
            name = text_of(node.get("name"))
            is_org = bool(node_types(node) & _ORG_TYPES)
            if name and (not is_org or agency(name) is not None):
                names.append(name)
        elif isinstance(node, str):
            names.append(node)
    return names


def _fuller_names(res: _Resolver, people: People, bylines: Sequence[str]) -> People:
    """A one-word JSON-LD/meta name ("Todd") completed from the visible byline ("Todd Bates")."""
    if all(" " in a for a in people.authors):
        return people
    visible = [a for text in bylines for a in res.byline(text).authors if " " in a]
    fuller = tuple(
        next((v for v in visible if v.casefold().startswith(a.casefold() + " ")), a)
        if " " not in a
        else a
        for a in people.authors
    )
    return People(fuller, people.credit)


def _surname(name: str) -> str:
    return name.split()[-1].casefold() if name.split() else ""


# What a byline naming several people holds somewhere: a list separator or a conjunction.
_LIST_HINT = re.compile(r"[,;/&|·•]|\s(?:and|und|et|y|e|en|with|mit|avec|con|com)\s", re.IGNORECASE)


def _wider_byline(res: _Resolver, people: People, bylines: Sequence[str]) -> People:
    """JSON-LD and meta tags often name only the first of several authors: a visible byline that
    names every one of them (by surname: "Eduardo Barreneche" is "E. Barreneche") and more is
    the fuller list ("von Rudolf Fischer, Simon Kohler")."""
    wanted = {_surname(a) for a in people.authors}
    for text in bylines:
        if _LIST_HINT.search(text) is None:
            continue  # one name at most: cannot name more people (and parsing costs)
        visible = res.byline(text).authors
        if len(visible) <= len(people.authors) or any(" " not in v for v in visible):
            continue  # co-authors are printed with full names; "GIGA-Experte" is a title
        if wanted <= {_surname(v) for v in visible}:
            return People(visible, people.credit)
    return people


def _printed_wins(people: People, shown: People) -> bool:
    """The "By Jane Doe" line printed under the headline names other people than JSON-LD/meta
    (which often carry the CMS user who uploaded the story): the readers' byline wins when it
    gives full names (a one-word "Von Dürer" is more likely a sentence than a byline)."""
    if not shown.authors or any(" " not in a for a in shown.authors):
        return False
    return not {_surname(a) for a in people.authors} & {_surname(a) for a in shown.authors}


def _stamp_byline(stamp: tuple[str, str]) -> str | None:
    """The byline part of a stamp line: "Von Anna Berg, 3. März" or "05.02.2020 - Redaktion:
    Anna Berg" (after a separator)."""
    for part in _STAMP_PARTS.split(stamp[0], maxsplit=MAX_STAMP_PARTS):
        if _BYLINE_LEAD.match(part):
            return part
    return None


def _whole_line(res: _Resolver, text: str, parent: etree._Element) -> str:
    """The byline's whole line when it names more people than its first node: "Von <a>A</a>
    und <a>B</a>" (the node and the next text gave "Von A"). The line is joined with spaces
    so that "Name<span>Last updated" does not glue into one word."""
    if _longer_than(parent, MAX_BYLINE_CHARS):
        return text
    try:
        line = " ".join(" ".join(parent.itertext()).split()).lstrip(_LINE_SEPARATORS)
    except ValueError:
        return text
    first, whole = res.byline(text).authors, res.byline(line).authors
    return line if first and set(first) < set(whole) else text


def _byline_near_headline(res: _Resolver) -> list[str]:
    """A "Von Claudia Lindner" / "By Jane Doe" / "Text: …" line printed just below the headline."""
    found = _nodes_after_headline(res)
    read = shown = 0
    for i, node in enumerate(found):
        if node.isspace():
            continue  # layout between elements: nothing read, nothing shown
        text = " ".join(node.split()).lstrip(_LINE_SEPARATORS)
        read += len(text)
        shown += bool(text)
        if read > SCAN_TEXT_CHARS:
            break
        label_only = _BYLINE_LABEL_ONLY.match(text)
        if not text or len(text) > MAX_BYLINE_CHARS or not (label_only or _BYLINE_LEAD.match(text)):
            continue
        parent = node.getparent()
        if parent is None or parent.tag in _SCAN_SKIP_TAGS:
            continue
        if shown > NEAR_HEADLINE_TRUSTED_NODES and res.zones.bad(parent):
            continue
        if label_only:
            # "Von:" alone: the name is the next non-blank text ("<b>Von:</b> <a>Name</a>")
            rest = (" ".join(str(n).split()) for n in found.window(i + 1, i + 12))
            text = f"{text} {next((r for r in rest if r), '')}"
        return [_whole_line(res, text, parent)]
    return []


def _not_site(people: People, site_names: Sequence[str]) -> People:
    """Drop "authors" that are the publication itself (meta author = site name)."""
    keys = {_norm(n).replace(" ", "") for n in site_names if n}
    kept = tuple(
        a
        for a in people.authors
        if not any(k in _norm(a).replace(" ", "") for k in keys if len(k) > 3 and "." in k)
        and _norm(a).replace(" ", "") not in keys
    )
    return People(kept, people.credit)


def _resolve_people(res: _Resolver, site_names: Sequence[str]) -> People:
    """Authors from JSON-LD, then meta tags, then visible bylines; logins only as a last resort."""
    cand = res.cand
    fallback: tuple[People, str] | None = None
    meta_credit: tuple[str, str] | None = None
    sources: list[tuple[list[str], str]] = [(_ld_people(res), "jsonld:author")]
    label = res.meta("twitter:label1")
    if label and _WRITTEN_BY.match(label[0]):
        # Yoast's reading-card pair: twitter:label1 "Written by" / twitter:data1 "<name>"
        sources.append((list(cand.meta.get("twitter:data1", ())[:1]), "meta:twitter:data1"))
    for key in _AUTHOR_META:
        values = [
            v for v in cand.meta.get(key, ()) if v and "://" not in v and not v.startswith("@")
        ]
        sources.append((values, f"meta:{key}"))
    sources.extend(([text], origin) for text, origin in cand.bylines)
    sources.extend(([line], "dom:stamp") for line in map(_stamp_byline, cand.stamps) if line)

    near: list[list[str]] = []  # the byline under the headline, read at most once

    def near_headline() -> list[str]:
        if not near:
            near.append(_byline_near_headline(res))
        return near[0]

    def all_sources() -> Iterable[tuple[list[str], str]]:
        yield from sources
        yield near_headline(), "dom:text"  # read only when nothing above named anyone

    for values, origin in all_sources():
        if not values:
            continue
        people = merge_people(values, res.byline)
        if not origin.startswith("dom:"):
            # publications put their own name in meta/JSON-LD author; a visible byline naming
            # the blog's owner (whose name is also the site's) is a person
            people = _not_site(people, site_names)
        if people.credit and meta_credit is None:
            meta_credit = (people.credit, origin)
        if not people.authors:
            continue
        if all(looks_like_handle(a) for a in people.authors):
            fallback = fallback or (people, origin)
            continue
        res.provenance["authors"] = origin
        printed = near_headline()
        visible = [text for text, _ in cand.bylines] + printed
        if origin.startswith("dom:"):
            people = _wider_byline(res, people, visible)
        else:
            people = _wider_byline(res, _fuller_names(res, people, visible), visible)
            shown = res.byline(printed[0]) if printed else People()
            if _printed_wins(people, shown):
                res.provenance["authors"] = "dom:text"
                people = People(shown.authors, people.credit or shown.credit)
        return _add_credit(res, people, meta_credit)
    if fallback is not None:
        res.provenance["authors"] = fallback[1]
        return _add_credit(res, fallback[0], meta_credit)
    if meta_credit is not None:
        res.provenance["credit"] = meta_credit[1]
        return People((), meta_credit[0])
    return People()


def _body_byline(paragraphs: Sequence[str]) -> tuple[str, ...]:
    """Authors from the one byline line the body kept ("Text: Anna Berg" closing the story,
    "Text von Anna Berg" under a deck), for pages whose markup names nobody. Two or more such
    lines are a listing's teasers, not one story's byline."""
    found = [
        text
        for text in paragraphs
        if len(text) <= BODY_BYLINE_MAX_CHARS
        and not text.endswith(":")
        and _BODY_BYLINE_LEAD.match(text)
    ]
    if len(found) != 1:
        return ()
    authors = parse_byline(found[0]).authors
    if not authors or any(" " not in a or a.islower() for a in authors):
        return ()  # "By the numbers": a name is printed in full and capitalised
    return authors


def _credit_only(text: str) -> bool:
    people = parse_byline(text)
    return not people.authors and people.credit is not None


def _add_credit(res: _Resolver, people: People, seen: tuple[str, str] | None) -> People:
    if people.credit:
        res.provenance.setdefault("credit", res.provenance.get("authors", "dom:byline"))
        return people
    if seen is not None:
        res.provenance["credit"] = seen[1]
        return People(people.authors, seen[0])
    for text, origin in res.cand.bylines:
        credit = res.byline(text).credit
        if credit and agency(credit.split(",")[0]) is not None:
            res.provenance["credit"] = origin
            return People(people.authors, credit)
    return people


# --- title and the rest ----------------------------------------------------------------------


def _norm(text: str) -> str:
    """Comparison key of a title: case, spacing, quote and dash styles folded."""
    if not text.isascii():  # every character _TYPOGRAPHY folds is outside ASCII
        # a search per character and a replace of the few present: translate() looks up every
        # character of the text (3x slower on AEB's titles; the targets are no sources)
        for char, folded in _TYPOGRAPHY_PAIRS:
            if char in text:
                text = text.replace(char, folded)
    return " ".join(text.casefold().split()).strip(" .:!?\"'«»")


def _site_names(res: _Resolver) -> list[str]:
    names: list[str] = []
    found = res.meta("og:site_name", "application-name", "al:android:app_name", "twitter:site")
    if found:
        names.append(found[0].lstrip("@"))
    publisher = _main_value(res, "publisher")
    pub_name = text_of(resolve(publisher, res.ld.by_id())) if publisher is not None else None
    if pub_name:
        names.append(pub_name)
    if res.url:
        host = urlsplit(res.url).hostname or ""
        parts = [p for p in host.split(".") if p not in ("www", "m", "amp")]
        if parts:
            names.append(parts[0])
            names.append(".".join(parts))
    return names


def strip_site_suffix(title: str, site_names: Sequence[str]) -> str:
    """Remove " - WSJ", " | The Guardian", "Site Name: " parts from a title."""
    return _strip_site(title, _site_keys(site_names))


def _site_keys(site_names: Sequence[str]) -> list[str]:
    return [_norm(n).replace(" ", "") for n in site_names if n]


def _strip_site(title: str, keys: Sequence[str]) -> str:
    """:func:`strip_site_suffix` with the site names' comparison keys."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title

    def is_site(part: str) -> bool:
        key = _norm(part).replace(" ", "")
        if not key:
            return True
        return any(k and (key == k or (len(k) > 3 and (k in key or key in k))) for k in keys)

    kept = [p for p in parts if not is_site(p)]
    if kept and len(kept) < len(parts):
        # rebuild from the original text so inner separators of the headline survive
        start = title.find(kept[0])
        end = title.rfind(kept[-1]) + len(kept[-1])
        if 0 <= start < end:
            return title[start:end].strip()
    # no part named the site: drop a short last part (a site name we do not know)
    if len(parts[-1]) <= 25 and len(parts[0]) > len(parts[-1]) and len(parts) == 2:
        return parts[0].strip()
    return title


def _resolve_title(res: _Resolver, site_names: Sequence[str]) -> str | None:
    cand = res.cand
    declared: list[tuple[str, str]] = []
    headline = text_of(_main_value(res, "headline")) or text_of(_main_value(res, "name"))
    if headline:
        declared.append((headline, "jsonld:headline"))
    for key in (
        "og:title",
        "twitter:title",
        "title",
        "dc.title",
        "parsely-title",
        "sailthru.title",
    ):
        found = res.meta(key)
        if found:
            declared.append((found[0], f"meta:{key}"))
    if cand.title:
        declared.append((cand.title, "html:title"))
    # og:title, twitter:title and <title> often repeat one string: each is stripped once
    site_keys = _site_keys(site_names)
    stripped_of: dict[str, str] = {}
    for text, _ in declared:
        if text not in stripped_of:
            stripped_of[text] = _strip_site(text, site_keys)
    cleaned = [(stripped_of[t], src) for t, src in declared]
    # each title and headline string compared in its _norm form, made once
    norm = {t: _norm(t) for t in {*stripped_of, *stripped_of.values(), *cand.h1}}
    keys = {norm[t] for t in stripped_of} | {norm[t] for t in stripped_of.values()}
    stripped = {norm[t] for t in stripped_of.values() if t}
    sites = {_norm(n) for n in site_names if n}
    h1s = [h for h in cand.h1 if norm[h] not in sites]
    # 1. the visible headline agreeing with a declared title (typography from the h1)
    for h1 in h1s:
        if norm[h1] in keys:
            return _title(res, h1, "dom:h1")
    # 2. the visible headline inside a declared title whose site part was removed
    for h1 in h1s:
        if len(h1) > 10 and any(norm[h1] in k for k in stripped):
            return _title(res, h1, "dom:h1")
    # 3. one headline on the page that is not the site's name: the page's own wording wins over
    #    a shorter share title ("Würde des Lebens" vs "Würde des Lebens – ein Projekt")
    if len(h1s) == 1 and len(h1s[0]) >= TITLE_MIN_H1_CHARS:
        lead = norm[h1s[0]]
        if any(k and (k in lead or lead in k) for k in stripped):
            return _title(res, h1s[0], "dom:h1")
    for text, src in cleaned:
        if src != "html:title" and text:
            return _title(res, text, src)
    if len(h1s) == 1 and len(h1s[0]) > 3:
        return _title(res, h1s[0], "dom:h1")
    for text, src in cleaned:
        if text:
            return _title(res, text, src)
    return None


def _title(res: _Resolver, text: str, source: str) -> str:
    res.provenance["title"] = source
    return text[:MAX_TITLE_CHARS]


def _first(
    res: _Resolver, field_name: str, ld_keys: Sequence[str], meta_keys: Sequence[str]
) -> str | None:
    for key in ld_keys:
        value = _main_value(res, key)
        text = text_of(value)
        if text:
            res.provenance[field_name] = f"jsonld:{key}"
            return text
    found = res.meta(*meta_keys)
    if found:
        res.provenance[field_name] = f"meta:{found[1]}"
        return found[0]
    return None


def _site_name_fallback(res: _Resolver, title: str | None) -> str | None:
    """Without a declared site name: a JSON-LD WebSite or news organisation node's name, else
    the part of the <title> beside the headline ("Headline - The Daily Example")."""
    for node in res.ld.nodes:
        if node_types(node) & {"website", "newsmediaorganization"}:
            name = text_of(node.get("name"))
            if name and len(name) <= MAX_SITE_NAME_CHARS:
                res.provenance["site_name"] = "jsonld:name"
                return name
    page_title = res.cand.title or ""
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(page_title) if p.strip()]
    if title and len(parts) == 2:
        head, tail = (parts[0], parts[1]) if _norm(parts[0]) == _norm(title) else parts[::-1]
        named = _names_host(tail, res.url)
        if _norm(head) == _norm(title) and 0 < len(tail) <= MAX_SITE_NAME_CHARS and named:
            res.provenance["site_name"] = "html:title"
            return tail
    return None


def _names_host(text: str, url: str | None) -> bool:
    """The text shares a run of SITE_HOST_OVERLAP letters with the host name ("The New York
    Times" and nytimes.com share "times"): a site name, not a section ("News") or a page
    number ("Seite 34") printed beside the headline."""
    host = (urlsplit(url).hostname or "") if url else ""
    labels = [p for p in host.split(".")[:-1] if p not in ("www", "m", "amp")]
    squeezed_host = "".join(c for c in "".join(labels) if c.isalnum())
    squeezed = "".join(c for c in text.casefold() if c.isalnum())
    n = SITE_HOST_OVERLAP
    if len(squeezed_host) < n:
        return bool(squeezed_host) and squeezed_host in squeezed
    return any(squeezed_host[i : i + n] in squeezed for i in range(len(squeezed_host) - n + 1))


def _resolve_description(res: _Resolver, sites: Sequence[str]) -> str | None:
    """The first declared description that describes this page: markup and entities a CMS
    escaped twice are resolved; an unfilled template ("{{ teaser }}") and the site's own name
    or tagline ("example.de - das Portal für …" on every page) are passed over."""
    # the texts the publisher writes to present the page (share card, search snippet) come
    # before the JSON-LD node's own description, which is often a recipe's or product's summary
    # or an excerpt a plugin cut from the text (measured on the trafilatura-eval half: exact
    # 0.652 -> 0.670, token F1 0.821 -> 0.837 with this order)
    candidates: list[tuple[str | None, str]] = []
    for key in ("og:description", "description", "jsonld", "twitter:description"):
        if key == "jsonld":
            candidates.append((text_of(_main_value(res, "description")), "jsonld:description"))
            continue
        found = res.meta(key)
        candidates.append((found[0] if found else None, f"meta:{key}"))
    keys = [k for k in (_norm(n).replace(" ", "") for n in sites if n) if len(k) > 3]
    for raw, source in candidates:
        text = _clean_description(raw) if raw else None
        if not text or _TEMPLATE.search(text):
            continue
        if len(text) <= SITE_TAGLINE_CHARS:  # only a short text is compared (and normalised)
            squeezed = _norm(text).replace(" ", "")
            if any(k in squeezed for k in keys):
                continue
        res.provenance["description"] = source
        return text
    return None


def _clean_description(text: str) -> str | None:
    if "<" in text:
        text = _MARKUP.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    return " ".join(text.split()) or None


def _resolve_section(res: _Resolver, sites: Sequence[str]) -> str | None:
    """The declared section; else the post's first category link. A JSON-LD articleSection
    that joins a list into one string ("Netzwerk, Windows, Cmd") gives its first item."""
    section = _first(
        res,
        "section",
        ("articleSection",),
        ("article:section", "section", "category", "parsely-section"),
    )
    if section is not None and _is_headline(res, section):
        del res.provenance["section"]  # the headline put in the section tag
        section = None
    if section is not None:
        parts = [p.strip() for p in _split_list(section) if p.strip()]
        joined = len(parts) >= SECTION_LIST_PARTS
        if joined and res.provenance.get("section") == "jsonld:articleSection":
            return parts[0]
        return section
    crumb = _breadcrumb_section(res, sites)
    if crumb is not None:
        res.provenance["section"] = crumb[1]
        return crumb[0]
    if res.cand.categories:
        res.provenance["section"] = "dom:category"
        return res.cand.categories[0]
    for name in res.cand.category_box:
        # a box's own label ("Kategorie:"), a byline or the site's name is not a category
        if name.endswith(":") or _BYLINE_LEAD.match(name) or _is_home(name, "", sites):
            continue
        res.provenance["section"] = "dom:category-box"
        return name
    if res.cand.menu_categories:
        res.provenance["section"] = "dom:menu"
        return res.cand.menu_categories[0]
    return None


def _split_list(text: str) -> list[str]:
    """Split at commas outside parentheses ("Unfälle (heute, Todesfolge), Verkehr" is two
    items), in one pass: a lookahead regex for the same went quadratic on long strings."""
    parts: list[str] = []
    depth = start = 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def _breadcrumb_section(res: _Resolver, sites: Sequence[str]) -> tuple[str, str] | None:
    """The first crumb of a BreadcrumbList (JSON-LD, else microdata) between the home page and
    the page itself ("Home > Politik > Ausland > <headline>" gives "Politik")."""
    trails: list[tuple[list[tuple[str | None, str]], str]] = []
    for node in res.ld.nodes:
        if "breadcrumblist" in node_types(node):
            items = [i for i in as_list(node.get("itemListElement")) if isinstance(i, Mapping)]
            crumbs = sorted(items, key=_position)[:MAX_CRUMBS]
            trails.append(([(_crumb_name(c), _crumb_url(c)) for c in crumbs], "jsonld"))
    if res.cand.crumbs:
        trails.append((list(res.cand.crumbs[:MAX_CRUMBS]), "dom:itemprop"))
    for named, source in trails:
        for index, (name, url) in enumerate(named):
            if not name or (index == 0 and _is_home(name, url, sites)):
                continue
            if index == len(named) - 1 and index > 0 and _is_page(res, name, url):
                break
            return name, f"{source}:BreadcrumbList" if source == "jsonld" else source
    return None


def _position(item: Mapping[str, Any]) -> float:
    try:
        return float(str(item.get("position", "")).strip())
    except ValueError:
        return float("inf")


def _crumb_name(item: Mapping[str, Any]) -> str | None:
    name = text_of(item.get("name"))
    inner = item.get("item")
    if not name and isinstance(inner, Mapping):
        name = text_of(inner.get("name"))
    return name[:MAX_TAG_CHARS] if name and len(name) <= MAX_TAG_CHARS else None


def _crumb_url(item: Mapping[str, Any]) -> str:
    inner = item.get("item")
    if isinstance(inner, Mapping):
        inner = inner.get("@id") or inner.get("url")
    return str(inner or item.get("url") or "")


def _is_home(name: str, url: str, sites: Sequence[str]) -> bool:
    """The first crumb is the home page: named so or after the site, or linking to "/"."""
    path = urlsplit(url).path if url else ""
    key = _norm(name)
    return (
        key in _HOME_NAMES
        or any(key == _norm(site) for site in sites if site)
        or bool(url and _HOME_PATH.fullmatch(path))
    )


def _is_page(res: _Resolver, name: str, url: str) -> bool:
    """The last crumb names the page itself: no link, the page's own URL, or its headline."""
    if not url:
        return True
    if res.url and url.rstrip("/") == res.url.rstrip("/"):
        return True
    return len(name) > MAX_SECTION_CHARS or _is_headline(res, name)


def _is_headline(res: _Resolver, name: str) -> bool:
    """The text is the page's headline (its h1, or its <title> before a site suffix)."""
    key = _norm(name)
    titles = [*res.cand.h1[:1], *_TITLE_SEPARATORS.split(res.cand.title or "")[:1]]
    return any(key == _norm(t) for t in titles if t)


def _resolve_tags(res: _Resolver) -> tuple[str, ...]:
    tags: list[str] = []
    source = ""
    raw = _main_value(res, "keywords")
    for item in as_list(raw):
        text = text_of(item)
        if text:
            tags.extend(t.strip() for t in text.split(",") if isinstance(item, str))
            source = "jsonld:keywords"
    # the page's visible tag links come before the generic "keywords" meta, which many sites
    # fill with one site-wide list of search terms
    for key in ("article:tag", "news_keywords", "parsely-tags", "sailthru.tags", "", "keywords"):
        if tags:
            break
        if not key:
            tags = [t.strip(_TAG_WRAPPING) for t in res.cand.tag_links or res.cand.tag_box]
            source = "dom:tag" if res.cand.tag_links else "dom:tags"
            continue
        for value in res.cand.meta.get(key, ()):
            tags.extend(t.strip() for t in value.split(","))
        source = f"meta:{key}"
    clean = [t for t in dict.fromkeys(" ".join(t.split()) for t in tags) if 0 < len(t) <= 80]
    if clean:
        res.provenance["tags"] = source
    return tuple(clean[:50])


def _resolve_images(res: _Resolver, base: str | None) -> tuple[Image, ...]:
    leads: list[str] = []
    for key in (
        "og:image",
        "og:image:url",
        "og:image:secure_url",
        "twitter:image",
        "twitter:image:src",
    ):
        leads.extend(v for v in res.cand.meta.get(key, ())[:1] if v)
        if leads:
            res.provenance["images"] = f"meta:{key}"
            break
    ids = res.ld.by_id()
    for item in as_list(_main_value(res, "image"))[:3]:
        node = resolve(item, ids)
        url = (
            node
            if isinstance(node, str)
            else (
                text_of(node.get("url")) or text_of(node.get("contentUrl"))
                if isinstance(node, Mapping)
                else None
            )
        )
        if url:
            leads.append(url)
            res.provenance.setdefault("images", "jsonld:image")
    images = collect_images(leads, res.cand.figures, base)
    if images and "images" not in res.provenance:
        res.provenance["images"] = "dom:figure"
    return images


def _resolve_paywall(res: _Resolver) -> bool | None:
    free_values: list[Any] = [_main_value(res, "isAccessibleForFree")]
    for part in as_list(_main_value(res, "hasPart")):
        if isinstance(part, Mapping):
            free_values.append(part.get("isAccessibleForFree"))
    for value in free_values:
        if value is None:
            continue
        free = str(value).strip().lower() not in ("false", "0", "no")
        if not free:
            res.provenance["paywalled"] = "jsonld:isAccessibleForFree"
            return True
    tier = res.meta("article:content_tier")
    if tier:
        res.provenance["paywalled"] = "meta:article:content_tier"
        return tier[0].lower() in ("locked", "metered")
    if res.cand.paywall:
        res.provenance["paywalled"] = "dom:paywall"
        return True
    if any(v is not None for v in free_values):
        res.provenance["paywalled"] = "jsonld:isAccessibleForFree"
        return False
    return None


def _declared_language(res: _Resolver, doc: Document) -> tuple[str | None, str]:
    lang = normalise_tag(doc.root.get("lang") or doc.root.get("xml:lang"))
    if lang:
        return lang, "html:lang"
    found = res.meta("content-language", "language", "og:locale", "dc.language")
    if found and normalise_tag(found[0]):
        return normalise_tag(found[0]), f"meta:{found[1]}"
    ld = text_of(_main_value(res, "inLanguage"))
    if ld and normalise_tag(ld):
        return normalise_tag(ld), "jsonld:inLanguage"
    return None, ""


def _signals(res: _Resolver, doc: Document, title: str | None) -> PageSignals:
    og = res.meta("og:type")
    links = res.cand.class_links
    headlines, teasers = count_links(
        res.cand.headings, links if links is not None else class_links(doc.root)
    )
    return PageSignals(
        og_type=og[0] if og else None,
        jsonld_types=frozenset(res.ld.types()),
        jsonld_articles=len(res.ld.articles()),
        headline_links=headlines,
        title_text=" ".join(x for x in (res.cand.title, title) if x),
        has_video=res.cand.video,
        consent_text=res.cand.consent,
        teaser_links=teasers,
        template=body_template(res.cand.body),  # the body is root.find("body")
    )


def _base(doc: Document, canonical: str | None) -> str | None:
    return doc.url or canonical


def _prefer_mdy(doc: Document, cand: _Candidates) -> bool:
    lang = (doc.root.get("lang") or "").lower()
    locale = (cand.meta.get("og:locale") or [""])[0].lower()
    tag = lang or locale
    return tag.startswith("en") and not any(r in tag for r in ("gb", "uk", "au", "ie", "nz", "in"))


def page_signals(doc: Document) -> PageSignals:
    """The gate's markup signals alone (for :func:`copydesk.extract.gate.classify_page`)."""
    cand, zones = _collect(doc)
    ld = parse_jsonld(cand.jsonld_blocks)
    res = _Resolver(cand, ld, ld.main(), doc.url, None, datetime.now(UTC), False, zones)
    return _signals(res, doc, cand.h1[0] if cand.h1 else None)  # the headline, as extraction


def extract_metadata(doc: Document, *, fetched_at: datetime | None = None) -> Metadata:
    """Read metadata from the untouched tree. Must not modify ``doc.root``. Never raises for
    a page's content."""
    cand, zones = _collect(doc)
    ld = parse_jsonld(cand.jsonld_blocks)
    now = datetime.now(UTC) + _NOW_SLACK
    res = _Resolver(cand, ld, ld.main(), doc.url, fetched_at, now, _prefer_mdy(doc, cand), zones)
    canonical = None
    if cand.canonical:
        canonical = join_url(doc.url, cand.canonical)
        res.provenance["canonical_url"] = "link:canonical"
    elif res.meta("og:url"):
        canonical = join_url(doc.url, res.meta("og:url")[0])  # type: ignore[index]
        res.provenance["canonical_url"] = "meta:og:url"
    if res.url is None:
        res.url = canonical
    published, modified = _resolve_dates(res)
    site_names = _site_names(res)
    people = _resolve_people(res, site_names)
    title = _resolve_title(res, site_names)
    site_name = _first(res, "site_name", (), ("og:site_name", "application-name"))
    if site_name is None and res.main is not None:
        pub = resolve(res.main.get("publisher"), ld.by_id())
        site_name = text_of(pub.get("name")) if isinstance(pub, Mapping) else None
        if site_name:
            res.provenance["site_name"] = "jsonld:publisher"
    if site_name is None:
        site_name = _site_name_fallback(res, title)
    description = _resolve_description(res, site_names)
    section = _resolve_section(res, site_names)
    declared, lang_source = _declared_language(res, doc)
    if declared:
        res.provenance["language"] = lang_source
    if people.authors and "authors" not in res.provenance:
        res.provenance["authors"] = "dom:byline"
    if people.credit and "credit" not in res.provenance:
        res.provenance["credit"] = res.provenance.get("authors", "dom:byline")
    return Metadata(
        canonical_url=canonical,
        title=title,
        authors=people.authors,
        credit=people.credit,
        published=published,
        modified=modified,
        language=declared,
        site_name=site_name,
        description=description,
        section=section,
        tags=_resolve_tags(res),
        images=_resolve_images(res, _base(doc, canonical)),
        paywalled=_resolve_paywall(res),
        provenance=dict(res.provenance),
        signals=_signals(res, doc, title),
        declared_language=declared,
        fallback_published=_fallback_published(res) if published is None else None,
    )


def _dateline(paragraphs: Sequence[str]) -> Dateline | None:
    """The dateline of the first body paragraph; short lines before it (a byline or a stamp the
    body kept) are skipped, but never more than DATELINE_MAX_SKIP of them."""
    for text in paragraphs[: DATELINE_MAX_SKIP + 1]:
        found = find_dateline(text)
        if found is not None or len(text) >= DATELINE_SHORT_CHARS:
            return found
    return None


def complete_metadata(
    meta: Metadata,
    blocks: Sequence[Block],
    *,
    fetched_at: datetime | None = None,
    langid: LanguageIdentifier | None = None,
) -> Metadata:
    """Fill what needs the body: dateline, language, page type. Pure but for the lazily loaded
    language model inside ``langid`` (pass one identifier per process or batch)."""
    del fetched_at
    provenance = dict(meta.provenance)
    paragraphs = [b.text for b in blocks if b.kind == "paragraph"]
    dateline = _dateline(paragraphs)
    if dateline is not None:
        provenance["dateline"] = "text:dateline"
    authors = meta.authors
    if all(looks_like_handle(a) for a in authors):
        # nobody named, or only a login ("human"): a byline line in the body names the person
        printed = _body_byline(paragraphs)
        if printed:
            authors = printed
            provenance["authors"] = "text:byline"
    credit = meta.credit
    if credit is None and dateline is not None and dateline.agency:
        credit = dateline.agency
        provenance["credit"] = "text:dateline"
    language = meta.language
    if langid is not None and paragraphs:
        found = identify_body(langid, " ".join(paragraphs), meta.declared_language)
        if found is not None:
            language = found.language
            provenance["language"] = found.source
    running = [len(b.text) for b in blocks if b.kind in _RUNNING_KINDS]
    long_paragraphs = sum(1 for size in running if size >= PROSE_PARAGRAPH_CHARS)
    page_type = decide(meta.signals, sum(running), long_paragraphs)
    provenance["page_type"] = "gate"
    published = meta.published
    if published is None and page_type == "article" and meta.fallback_published is not None:
        published, provenance["published"] = meta.fallback_published
    return replace(
        meta,
        authors=authors,
        dateline=dateline,
        credit=credit,
        language=language,
        page_type=page_type,
        published=published,
        provenance=provenance,
    )
