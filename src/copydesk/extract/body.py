"""The generic body extractor: an lxml tree in, the article's body blocks out, in reading order.

No per-site rules. Four steps, each a small function over the tree:

1. ``prune``       drop what is never body: scripts, forms, navigation, asides, captions, and
                   elements whose class/id names furniture (nav, share, related, comment, ...).
2. ``score``       one reverse walk gives every element its "good" text (paragraph-like text with
                   few links) and its "bad" text (links, short lines); the container maximising
                   good - PENALTY * bad is the article (a maximum-density subtree).
3. ``emit``        walk that container in order and cut it into blocks: paragraphs, headings,
                   quotes, list items, preformatted text and tables; runs of inline content
                   between block children become paragraphs.
4. ``filter``      drop blocks that are furniture after all: link lists, share lines, bylines,
                   date lines, photo credits, "Advertisement".

The body stage runs after metadata and furniture have read the untouched tree, so pruning in place
is allowed (and saves a copy).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice, pairwise

from lxml import etree

from copydesk.model import Block, BlockKind
from copydesk.parse.html import Document

# --- constants (what each trades off, how it was calibrated) ---------------------------------

# Elements that never hold body text. Removing them up front makes every later walk cheaper.
DROP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
        "canvas", "video", "audio", "source", "track", "map", "button", "input", "select",
        "textarea", "option", "label", "nav", "aside", "footer", "figcaption", "menu", "dialog",
        "head", "link", "meta", "title", "picture", "img",
    }
)  # fmt: skip
# The subset whose text is never visible prose: dropped before text shares are measured.
NEVER_TAGS = frozenset(
    {"script", "style", "template", "svg", "math", "head", "link", "meta", "title"}
)
FURNITURE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "dialog",
     "alertdialog", "search"}
)  # fmt: skip
# Inline elements: their text belongs to the paragraph that contains them.
INLINE_TAGS = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em",
        "font", "i", "ins", "kbd", "mark", "nobr", "q", "s", "samp", "small", "span", "strike",
        "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "img", "acronym",
    }
)  # fmt: skip
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Wrappers that hold a short note's text directly (no paragraph elements): the wrapper is the
# note, its parent is the page around it.
WRAPPER_TAGS = frozenset({"div", "section", "article", "main", "td"})
# A container of one of these tags is a part of the article (its steps, its quoted letter):
# the article is its parent, which also holds the text around it.
PART_TAGS = frozenset({"ul", "ol", "dl", "blockquote"})
LIST_TAGS = frozenset({"ul", "ol", "dl"})

# Class/id tokens that name furniture. Two kinds: whole tokens (short words that would match too
# much as prefixes: "ad" in "address") and prefixes (distinctive words, also found glued into
# camelCase names such as "relatedStories"). Calibrated on how news templates name their parts;
# every word here was checked not to be a common name for an article container.
FURNITURE_TOKENS = frozenset(
    {
        "nav", "ad", "ads", "adv", "advert", "advertisement", "banner", "tags", "tag", "rail",
        "caption", "captions", "credit", "credits", "byline", "bylines", "author", "authors",
        "teaser", "teasers", "toolbar", "masthead", "meta", "skip", "print",
        "dateline", "timestamp", "date", "published", "breadcrumb", "breadcrumbs", "pagination",
        "pager", "sponsored", "outbrain", "taboola", "disqus", "hidden", "sr-only", "visually",
        "offscreen", "modal", "popup", "overlay", "toc", "login", "signin", "paywall",
        "topics", "keywords", "categories", "donate", "jump", "flyout", "dropdown", "lightbox",
        "gallery", "carousel", "slideshow", "video", "player", "mostread", "mostpopular", "more",
        "next", "prev", "previous", "follow", "subnav", "header", "footer", "sidebar", "promo",
        "figure", "wp-caption", "wp-caption-text", "photo-credit", "image-credit", "signature",
        "slider", "ratings",
    }
)  # fmt: skip
FURNITURE_PREFIXES = (
    "related", "share", "sharing", "social", "comment", "cookie", "consent", "gdpr",
    "newsletter", "subscri", "signup", "sign-up", "recommend", "trending", "popular",
    "navigation", "navbar", "menu", "sidebar", "footer", "promo", "advert", "sponsor",
    "breadcrumb", "byline", "newsfeed", "readmore", "read-more", "moreon", "morefrom",
    "socialmedia", "disclaimer", "copyright", "shoutbox", "outbrain", "taboola", "adslot",
    "adunit", "ad-slot", "ad-unit", "adcontainer", "ad-container", "googleads", "dfp",
    "masthead", "site-header", "siteheader", "pageheader", "page-header", "skiplink",
    "more-news", "more-stories", "more-from", "more-in-", "more-on-", "morenews", "morestories",
    "authorbox", "authorbio", "aboutauthor", "abouttheauthor", "donation",
)  # fmt: skip
# Tokens that look like furniture by prefix but name article text ("commentary" is an opinion
# genre, "author-bio" stays furniture).
NOT_FURNITURE = frozenset({"comments-disabled", "menuitem-article"})
# "non-ad-column" says what a part is not, "has-ads"/"with-sidebar" what it holds;
# "commentary-body" is an opinion piece's body; CMS taxonomy classes on the article itself
# ("category-no-newsletter", "tag-social-media", "post-type-related") name its topics.
NOT_FURNITURE_PREFIXES = (
    "non-", "no-", "not-", "has-", "with-", "commentary", "category-", "tag-", "tags-",
    "post-type-", "format-", "status-", "type-", "topic-", "non_", "no_", "not_", "has_", "with_",
)  # fmt: skip
# Words that name furniture even as one part of a compound name ("post-share-buttons",
# "c-nav-list"); only unambiguous words, since compound names also say what a part is *not*
# ("field-label-hidden", "content-with-sidebar", "tag-politics" on a WordPress <article>).
FURNITURE_PARTS = frozenset(
    {"nav", "ad", "ads", "share", "sharing", "social", "comments", "cookie", "cookies",
     "newsletter", "related", "promo", "breadcrumb", "breadcrumbs", "byline", "footer",
     "subscribe", "outbrain", "taboola", "advert", "advertisement", "consent", "recirc",
     "sponsored", "trending", "popular", "caption", "figure", "figcaption", "donation",
     "slider", "ratings"}
)  # fmt: skip
# Two adjacent parts that name furniture together though neither does alone: the author box
# under a post ("bmg-author-box", "author-bio"), where "author" alone may be a CMS class on the
# article itself ("author-jsmith").
FURNITURE_PAIRS = frozenset(
    {("author", "box"), ("author", "bio"), ("author", "card"), ("author", "profile"),
     ("author", "description"), ("about", "author"), ("the", "author")}
)  # fmt: skip
# the tokens of a lower-cased class/id string, and the parts of a compound token ("post-share")
_TOKEN = re.compile(r"[a-z0-9_-]+")
_PART = re.compile(r"[^-_]+")

# An element keeps its place even when its name says furniture if it holds this share of all the
# page's text: templates call the main column "content-with-sidebar" or "has-comments".
# 0.4 keeps main columns named that way while still removing comment threads shorter than the
# article (long threads are cut item by item, each comment carrying its own "comment" class).
PROTECT_SHARE = 0.4

# A <header> holding a paragraph this long is part of the article, not the page's masthead.
HEADER_PARAGRAPH_CHARS = 150
# A paragraph-like run counts as good text when it has at least this many characters and at most
# this share of link text. 40 characters is a short sentence; teasers and menus are link-heavy.
GOOD_MIN_CHARS = 40
GOOD_MAX_LINK_SHARE = 0.35
# Share of an unfinished run (no sentence end: teaser summaries, labels) counted as bad text.
UNFINISHED_BAD_SHARE = 0.5
# Share of a short run without links (labels, dates, bylines) counted as bad text.
SHORT_BAD_SHARE = 0.5
# A run ending in an ellipsis is an excerpt cut off by a template (a teaser), not a finished
# sentence; a paragraph that trails off this way inside an article only costs a little score.
_TRUNCATED = ("...", "…", "[…]", "[...]")
_SENTENCE_END = frozenset(".!?\"”’'»«:;)…。！？」』）")
# A run of at least LONG_RUN_CHARS holding LONG_RUN_SENTENCES sentence breaks is prose even when
# it does not end a sentence (br-formatted posts that close with a fact list or a signature, a
# one-paragraph post whose last line has no full stop). Teaser summaries are a few hundred
# characters (TEASER_ITEM_CHARS): 600 took a blog listing's excerpts on the development sets,
# 800 and 1000 did not, and 800 also keeps a one-paragraph post of 880 characters.
LONG_RUN_CHARS = 800
LONG_RUN_SENTENCES = 5
_SENTENCE_BREAK = re.compile(r"[.!?…。！？][\"”’'»)]*\s")
# A paragraph counts half for its grandparent when finding the core (readability's convention:
# article bodies often wrap paragraphs one level deeper in places).
GRANDPARENT_SHARE = 0.5
# A good run inside an element smaller than this, of which this share is link text, is a teaser
# (headline link + summary), not article prose. 500 characters covers a headline and a two-line
# summary; 0.2 is one headline-length link in such an item.
TEASER_ITEM_CHARS = 500
TEASER_LINK_SHARE = 0.2
# A good run in a small element (up to this many characters) that also holds a linked heading
# is a teaser card's summary: headline link + standfirst, however long the standfirst.
TEASER_CARD_CHARS = 1200
# A page without prose but with at least this many teaser items is a listing: no body at all.
LISTING_MIN_TEASERS = 3
# Widening stops at a parent whose additional text (at least CLIMB_MIN_CHARS) is more than this
# share links: article text continued elsewhere is prose, a rail beside it is headlines.
CLIMB_MAX_LINK_SHARE = 0.25
CLIMB_MIN_CHARS = 200
# Good runs beside a link (in their parent or grandparent) count for a container only in a
# cluster of at least this many characters (the run itself, or the good text directly under its
# parent or grandparent). One teaser summary is 100-250 characters; two short article paragraphs
# already make 300. Lone paragraphs without links nearby (live-blog posts) still count.
CLUSTER_MIN_CHARS = 300
# A sibling of the container joins it with at least this much text and at most this share of
# links (a fact box, an ingredient list; not a rail or a link list).
SIBLING_MIN_CHARS = 100
SIBLING_MAX_LINK_SHARE = 0.1
# Container choice maximises good - BAD_PENALTY * bad. Lower values climb to wider containers
# (more recall, more furniture); 0.6 was the best on the development sets in steps of 0.1.
BAD_PENALTY = 0.6
# Siblings of the container's parent and grandparent (COUSIN_LEVELS) join it when they hold at
# least COUSIN_MIN_GOOD_CHARS of clustered prose, which is at least COUSIN_MIN_GOOD_SHARE of
# their text, with at most COUSIN_MAX_LINK_SHARE links. Strict on purpose: looser settings
# (300 characters, 10% links) let author boxes and promos in and cost AEB precision; the
# result was flat between 400 and 600 characters and 2-5% links on the development sets.
COUSIN_LEVELS = 2
COUSIN_MIN_GOOD_CHARS = 500
COUSIN_MIN_GOOD_SHARE = 0.7
COUSIN_MAX_LINK_SHARE = 0.03
# At most this many good runs between the headline and the container are taken as its
# standfirst (a lead is one or two paragraphs; more is a column the container missed on
# purpose). Standfirsts count as body in trafilatura-eval's labels and not in AEB's: only the
# strict form (headline, lead, container with nothing else between) was a gain on both.
STANDFIRST_MAX_BLOCKS = 2
# Containers whose names say "article body" get this multiplier on their good text; a hint, not
# a rule (many sites name nothing).
BODY_HINT_BONUS = 1.15
_BODY_HINT = re.compile(
    r"article[-_]?body|articlebody|story[-_]?body|entry[-_]?content|post[-_]?content|"
    r"article[-_]?content|article[-_]?text|post[-_]?body|story[-_]?content|main[-_]?content|"
    r"text[-_]?content|c-entry|body[-_]?text|field-body|rich[-_]?text|artikel",
    re.IGNORECASE,
)
# Every alternative of _BODY_HINT holds one of these words: an ASCII name (where lower-casing
# and the regex's case-blind matching agree) without any of them needs no regex search, which
# scans every position for sixteen alternatives.
_BODY_HINT_WORDS = ("body", "content", "text", "entry", "artikel")

# Block filtering: a block with a larger link share is a link list, unless it is long prose.
BLOCK_MAX_LINK_SHARE = 0.5
# ... where "long prose" means this many characters outside links (a paragraph that cites many
# sources is still a paragraph).
LINK_LIST_PROSE_CHARS = 200
# Paragraphs at the end of the body at most this long and not ending a sentence are dropped.
# Calibrated on how "see also" labels and rail names read (2-8 words); a closing sentence ends
# with punctuation and stays.
TRAILING_LINE_CHARS = 80
TRAILING_MAX_LINES = 3
# Paragraphs at the start of the body at most this long and not ending a sentence are labels
# (a section name, "Artikel", a kicker); at most LEADING_MAX_LINES of them, since a longer run
# is a list the article opens with.
LEADING_LABEL_CHARS = 30
LEADING_MAX_LINES = 2
# JSON-LD articleBody as a hint: used when at least this long; blocks up to
# DECLARED_CHECK_CHARS must share DECLARED_MIN_SHARE of their word pairs with it. Longer blocks
# are kept regardless (declared bodies are often cut at a paywall). 0.2 tolerates the
# declared text's own whitespace and punctuation differences.
DECLARED_MIN_CHARS = 500
DECLARED_CHECK_CHARS = 400
DECLARED_MIN_SHARE = 0.2
DECLARED_END_WORDS = 6
JSON_MAX_DEPTH = 20
# A link element wrapping block elements (a card) shorter than this is a teaser, not body.
CARD_LINK_MAX_CHARS = 400
# Short blocks (at most this many characters) are checked against the boilerplate patterns;
# longer ones are prose even when they start with "Photo" or "By".
SHORT_BLOCK_CHARS = 120
_BOILERPLATE = re.compile(
    r"^(advertisement|advert$|anzeige|werbung|publicité|sponsored|story continues below|"
    r"(this|the) [\w ]{0,30} requires javascript|please enable javascript|"
    r"continue reading|read more|read the full|more:|related:|see also|also read|"
    r"share (this|on)|click (here )?to share|share$|tweet$|email$|print$|"
    r"sign up|subscribe|follow (us|@)|like us on|join (us|our)|"
    r"(photo|image|picture|foto|bild|video|illustration)( credit)?s?\s*[:|/©]|"
    r"copyright|©|\(c\) |all rights reserved|alle rechte|tous droits|"
    r"a version of this (article|story) appear|"
    r"(by|von|par|por|di) (?-i:[A-ZÀ-Ý])[\w .'-]{1,40}(, [\w .'-]{2,40})?"
    r"( ?[-–|·•] [^.]{0,40})?$|posted (by|on|in)|"
    r"we use cookies|this (web)?site uses cookies|accept( all)? cookies|"
    r"comments?$|\d+ comments?|leave a (comment|reply)|kommentare?$|"
    r"tags?:|filed under|categories:|loading|skip to|back to top|zum seitenanfang|"
    r"getty images|reuters$|ap photo|afp$|dpa$)",
    re.IGNORECASE,
)
# Words a date or time line is made of (besides digits and punctuation): a line of only these
# is a dateline stamp, which belongs to metadata. English, German, French, Spanish, Italian.
DATE_WORDS = frozenset(
    " ".join(
        (
            "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april",
            "june july august september october november december januar februar märz mai juni",
            "juli oktober dezember janvier février mars avril juin juillet août septembre",
            "octobre novembre décembre enero febrero marzo abril mayo junio julio agosto",
            "septiembre octubre noviembre diciembre gennaio febbraio aprile maggio giugno luglio",
            "settembre ottobre dicembre mon tue tues wed thu thur thurs fri sat sun monday",
            "tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch",
            "donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi",
            "dimanche am pm a m p at on um uhr h à le de del el updated update published posted",
            "modified aktualisiert veröffentlicht stand publié modifié mis jour actualizado",
            "publicado t z gmt utc et est edt ct cst cdt pt pst pdt mt cet cest bst ist",
        )
    ).split()
)
_LETTER_WORD = re.compile(r"[^\W\d_]+")
# Cookie and consent notices run long, so they are matched in blocks up to COOKIE_BLOCK_CHARS.
COOKIE_BLOCK_CHARS = 600
_COOKIE = re.compile(
    r"(we|this (web)?site|our (web)?site|diese (web)?seite|wir) (uses?|verwendet|nutzt|"
    r"verwenden|nutzen) cookies|use of cookies|cookie (policy|settings)|"
    r"(utilise|utilisons) des cookies|utiliza(mos)? cookies|accept(ing)? (all )?cookies",
    re.IGNORECASE,
)
# Calls to action (subscribe, donate, get the app, log in, share, read on behind the paywall),
# up to CTA_BLOCK_CHARS long since they run to a sentence or two; matched at the start of a
# block only (after a few arrows or bullets).
CTA_BLOCK_CHARS = 300
_CALL_TO_ACTION = re.compile(
    r"^\W{0,4}(subscribe (now|today|to)|sign up (now|for|to)|already a subscriber|"
    r"if you('|’)re (seeing|enjoying) this|support (our|independent) journalism|"
    r"donate (now|today)|for the latest (stories|news|updates)|download (the|our) [\w ]{0,30}apps?|"
    r"we want to hear (what|from)|get (our|the) [\w ]{0,30}newsletter|"
    r"zum newsletter|newsletter (abonnieren|bestellen)|jetzt (abonnieren|spenden|registrieren)|"
    r"unterstützen sie|jede (kleine )?spende|bitte registrieren sie sich|"
    r"möchten sie (den|diesen) artikel teilen|kontaktieren sie uns|"
    r"pour accéder|abonnez-vous|inscrivez-vous|suscr[ií]bete|¡?mira (lo que|nuestro)|"
    r"zapraszamy (też )?do subskrypcji|zaloguj się|"
    r"to (view|read|continue reading|access) (the|this) (full|entire|rest of the )?[\w ]{0,12}"
    r"(story|article)|never miss (the latest|a story|an? )|first-time subscribers|"
    r"pour lire la suite|(jetzt )?(die )?aktuelle ausgabe (bestellen|kaufen)|"
    r"werden sie (jetzt )?mitglied|instant access to)",
    re.IGNORECASE,
)
# Headings that announce furniture, not a section of the article.
# Short blocks ending in a photo credit are captions that escaped their <figure>.
_CREDIT_END = re.compile(
    r"(\((ap|afp|reuters|getty|dpa|epa|ap photo)[^)]{0,60}\)|"
    r"(photo|image|picture|foto|bild|credit)s?\s*(:|by)\s*[^.]{2,80})$",
    re.IGNORECASE,
)
_FURNITURE_HEADING = re.compile(
    r"^(related|more (from|on|in|stories|news)|read (more|next)|recommended|most (read|popular)|"
    r"trending|comments?|leave a|share|follow|newsletter|sign up|subscribe|you may also|"
    r"you might also|also on|top stories|latest|popular|advertisement|tags|topics|"
    r"weitere|mehr zum thema|das könnte|kommentare|empfohlen|lesen sie auch|themen)",
    re.IGNORECASE,
)
# Whole short lines that are furniture in any block kind: "see also" labels, follow-us lines,
# author boxes, tables of contents, login prompts (the languages of the pages we read most).
_FURNITURE_LINE = re.compile(
    r"^(explore further|see also|read also|also read|related (articles?|stories|content)|"
    r"more (on|about) this|about the author|table of contents|contents|"
    r"follow (the|us|@)\b.*|sign in|log in|you are not logged in|"
    r"auch interessant|mehr (themen|zum thema|dazu|artikel)|themen in diesem artikel|"
    r"weitere (artikel|themen|informationen|beiträge|nachrichten)|ähnliche (artikel|beiträge)|"
    r"das (könnte|dürfte) sie (auch )?interessieren|lesen sie (auch|mehr)|über den autor|"
    r"zum autor|inhaltsverzeichnis|inhalt|beitragsbild|erschienen in|"
    r"sie sind (aktuell )?nicht eingeloggt|was denkst du|teilen|drucken|"
    r"zobacz (także|też|również)|czytaj (także|też|więcej)|"
    r"(à )?lire aussi|voir aussi|sur le même sujet|"
    r"(lee|leer|lea) (también|más)|te puede interesar|s[ií]guenos\b.*|"
    r"leggi anche|veja também|leia também|das thema könnte dich (auch )?interessieren|"
    r"permalink|permalien|pdf|rezept drucken|print recipe|photograph by.*|"
    r"mehr kolumnen.*)\W*$",
    re.IGNORECASE,
)
# Picture credits standing alone: "AFP / MARCO BERTORELLO", "Augusta National/Getty Images".
_CREDIT_LINE = re.compile(
    r"(^|[/|©]\s*)(getty( images)?|afp|reuters|ap|dpa|epa|imago( images)?|picture alliance|"
    r"shutterstock|istock(photo)?|keystone|ddp|xinhua|anp|efe|ansa)"
    r"(\s*[/|]\s*[\w .'-]{0,40})?$|"
    r"^(abbildung|abb\.|figure|fig\.|bild|foto|photo) ?\d+\s*[:.]",
    re.IGNORECASE,
)
_WS = re.compile(r"\s+")
_ALNUM = re.compile(r"[^\W_]")
_DIGIT = re.compile(r"\d")
_CREDIT_WORDS = ("photo", "foto", "bild", "image", "picture", "credit")
# Picture-credit lines are short: only blocks up to this length are tested for one.
CREDIT_LINE_CHARS = 80


def extract_body(doc: Document) -> tuple[Block, ...]:
    """The article's body blocks in reading order (empty when the page has no article body)."""
    body = _body_element(doc.root)
    if body is None:
        return ()
    title = _page_title(doc.root)
    declared = _declared_body(doc.root)
    containers = choose_container(body, prune(body))
    if containers is None:
        return ()
    blocks = [b for container in containers for b in emit(container) if _keep(b)]
    if declared:
        blocks = _agree_with_declared(blocks, declared)
    return tuple(_finish(blocks, title))


# --- 1. prune --------------------------------------------------------------------------------


def _body_element(root: etree._Element) -> etree._Element | None:
    if not isinstance(root.tag, str):
        return None
    # the first <body> child, as ``find("body")`` (which runs the ElementPath machinery)
    body = next(root.iterchildren("body"), None)
    return body if body is not None else root


def _by_head(prefixes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Prefixes grouped by their first _HEAD characters: a token is tested against the few that
    share its head, not all (``startswith`` over the whole tuple was most of the name test)."""
    groups: dict[str, list[str]] = {}
    for prefix in prefixes:
        groups.setdefault(prefix[:_HEAD], []).append(prefix)
    return {head: tuple(group) for head, group in groups.items()}


_HEAD = min(len(prefix) for prefix in (*FURNITURE_PREFIXES, *NOT_FURNITURE_PREFIXES))
# the second words of FURNITURE_PAIRS: only a part among them can complete a pair
_PAIR_SECONDS = frozenset(second for _, second in FURNITURE_PAIRS)
_FURNITURE_BY_HEAD = _by_head(FURNITURE_PREFIXES)
_NOT_FURNITURE_BY_HEAD = _by_head(NOT_FURNITURE_PREFIXES)


def _is_furniture_name(value: str) -> bool:
    if "://" in value:
        value = value.split("://", 1)[0]  # an id that is a URL names a page, not a part
    lowered = value.lower()
    if "embed" in lowered:
        return False  # "social-media-embed": a quoted post is part of the story
    for token in _TOKEN.findall(lowered):
        head = token[:_HEAD]
        if token in NOT_FURNITURE or (
            head in _NOT_FURNITURE_BY_HEAD and token.startswith(_NOT_FURNITURE_BY_HEAD[head])
        ):
            continue
        if token in FURNITURE_TOKENS or (
            head in _FURNITURE_BY_HEAD and token.startswith(_FURNITURE_BY_HEAD[head])
        ):
            return True
        if "-" in token or "_" in token:
            previous = ""
            for part in _PART.findall(token):
                if part in FURNITURE_PARTS and previous not in _NEGATING_PARTS:
                    return True
                if part in _PAIR_SECONDS and (previous, part) in FURNITURE_PAIRS:
                    return True
                previous = part
    return False


# A part after one of these says what an element holds or lacks ("o-section--has-ads").
_NEGATING_PARTS = frozenset({"has", "with", "no", "non", "not", "without"})


_PRUNE_TAGS = DROP_TAGS | {"header", "form", "figure"}
# Elements that go by their tag alone (unless _protected); all others may be named as furniture.
# The attributes _named_furniture reads: an element without any of them is never named furniture.
_NAMING_ATTRS = frozenset({"class", "id", "role", "hidden", "aria-hidden", "style"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def prune(body: etree._Element) -> list[etree._Element]:
    """Remove never-body elements and elements named as furniture, in place; return the
    elements that remain, in document order (``body`` first), as ``body.iter(etree.Element)``.

    One walk in document order decides every element on the intact tree: an ancestor is always
    judged before its descendants, so a wrapper's share never shrinks because its aside went
    first. The walk itself runs in C (``iterdescendants``); Python reads each element's tag and
    attribute names, and looks at nothing inside a subtree already doomed (it goes with that
    subtree): the walk jumps to the element after it.
    """
    # first the elements that never hold body text (their text would distort the shares below)
    for el in list(body.iter(*NEVER_TAGS, etree.Comment, etree.ProcessingInstruction)):
        _drop(el)
    total = len(_text_of(body)) or 1
    if body.tag in _PRUNE_TAGS and not _protected(body, total):
        _drop(body)  # a fragment whose root is furniture: nothing of it stays
        return list(body.iter(etree.Element))
    kept = [body]  # the scorer walks these next: listing them here saves it a walk
    doomed: list[etree._Element] = []
    resume: etree._Element | None = None  # the first element after the last doomed subtree
    verdicts: dict[str, bool | None] = {}  # class strings repeat a lot within a page
    # reading each element's attribute names costs half the XPath with six attribute tests
    # (``.//*[@class or @id or ...]``), and one walk for tags and names a third less than a
    # walk by tag (``iter(tags)``) followed by a walk by name
    for el in body.iterdescendants(etree.Element):
        if resume is not None:
            if el is not resume:
                continue  # inside a doomed subtree
            resume = None
        if el.tag in _PRUNE_TAGS:
            if _protected(el, total):
                kept.append(el)
                continue
        else:
            keys = el.keys()
            if (
                _NAMING_ATTRS.isdisjoint(keys)
                or not _named_furniture(el, keys, verdicts)
                or _protected(el, total)
            ):
                kept.append(el)
                continue
        doomed.append(el)
        resume = _following(el, body)
        if resume is None:
            break  # the rest of the page is inside this subtree
    # removal order does not matter: each removal only moves its own tail text
    for el in doomed:
        _drop(el)
    return kept


def _following(el: etree._Element, top: etree._Element) -> etree._Element | None:
    """The first element after ``el``'s subtree in document order, within ``top``."""
    while el is not top:
        nxt = el.getnext()
        while nxt is not None:
            if isinstance(nxt.tag, str):
                return nxt
            nxt = nxt.getnext()
        parent = el.getparent()
        if parent is None:
            return None
        el = parent
    return None


def _named_furniture(el: etree._Element, keys: list[str], verdicts: dict[str, bool | None]) -> bool:
    """Is ``el`` furniture by its hidden state, its role or its class/id names? ``keys`` are its
    attribute names: only the attributes it has are read (most elements carry a class alone)."""
    if len(keys) == 1 and keys[0] == "class":  # the common case, as the general one below
        cls = el.get("class") or ""
        verdict = _name_verdict(cls, verdicts)
        return _is_furniture_name(f"{cls} ") if verdict is None else verdict
    if "hidden" in keys:
        return True
    if "aria-hidden" in keys and el.get("aria-hidden") == "true":
        return True
    if "style" in keys:
        style = el.get("style")
        if style and _HIDDEN_STYLE.search(style):
            return True
    if "role" in keys and el.get("role") in FURNITURE_ROLES:
        return True
    cls = (el.get("class") or "") if "class" in keys else ""
    ident = (el.get("id") or "") if "id" in keys else ""
    in_class = _name_verdict(cls, verdicts)
    in_id = _name_verdict(ident, verdicts) if ident else False
    if in_class is None or in_id is None:
        return _is_furniture_name(f"{cls} {ident}")
    return in_class or in_id


def _name_verdict(value: str, verdicts: dict[str, bool | None]) -> bool | None:
    """``_is_furniture_name(value)``, memoised per page; ``None`` when ``value`` holds "://" or
    "embed", which decide for the whole class + id string. Without them a class + id string is
    furniture when one of its tokens is, so the class and the id are judged apart: ids are
    mostly unique, and a class shared by many elements is split and tested once."""
    if value in verdicts:
        return verdicts[value]
    if "://" in value or "embed" in value.lower():
        verdict = verdicts[value] = None
    else:
        verdict = verdicts[value] = _is_furniture_name(value)
    return verdict


def _protected(el: etree._Element, total: int) -> bool:
    """Keep big containers whose name or tag happens to look like furniture."""
    tag = el.tag
    if not isinstance(tag, str) or (
        tag in DROP_TAGS and tag not in ("aside", "footer", "nav", "noscript")
    ):
        return False
    if tag == "header" and any(len(_text_of(p)) >= HEADER_PARAGRAPH_CHARS for p in el.iter("p")):
        return True  # some templates put the lead paragraphs inside the article's <header>
    if tag == "header" and any(_is_link(a) for h in el.iter(*HEADING_TAGS) for a in h.iter("a")):
        return True  # a teaser card's head: its linked headline tells the scorer what it is
    if tag in HEADING_TAGS and _is_anchor_named(el):
        return True  # a heading's id is an anchor made of its words ("nav_the_results_1")
    if tag == "figure":
        # tables, quotes and code are wrapped in <figure> by block editors: keep those
        return any(d.tag in ("table", "blockquote", "pre") for d in el.iter())
    if tag in INLINE_TAGS and tag != "span":
        return False
    return len(_text_of(el)) >= PROTECT_SHARE * total


def _is_anchor_named(el: etree._Element) -> bool:
    """Only the id can have named this element furniture: it is visible, has no furniture role
    and its classes say nothing of the kind."""
    return (
        el.get("hidden") is None
        and el.get("aria-hidden") != "true"
        and not el.get("style")
        and el.get("role") not in FURNITURE_ROLES
        and not _is_furniture_name(el.get("class") or "")
    )


def _drop(el: etree._Element) -> None:
    """Remove an element but keep its tail text (which belongs to the parent).

    A space takes the element's place so the words on either side never merge into one.
    """
    parent = el.getparent()
    if parent is None:
        return
    tail = " " + (el.tail or "")
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


def _text_of(el: etree._Element) -> str:
    """All text of the subtree (XPath's string value), serialised in C: the same string as
    ``string()`` on every element of the AEB pages, without an XPath evaluator per call."""
    try:
        return str(etree.tostring(el, method="text", encoding="unicode", with_tail=False))
    except (etree.LxmlError, ValueError, TypeError):
        return ""


# --- 2. score --------------------------------------------------------------------------------


def choose_container(
    body: etree._Element, elements: list[etree._Element] | None = None
) -> list[etree._Element] | None:
    """The article container: the densest paragraph cluster, widened while that pays.

    A "core" is the element whose children hold the most good text (readability's insight:
    article paragraphs are siblings, teaser summaries each sit in their own item). The container
    is then the ancestor of the core (or the core) that maximises good - BAD_PENALTY * bad.
    ``elements`` are ``body``'s elements in document order when the caller has them (prune).
    """
    if elements is None:  # elements only: no comments, PIs, entities
        elements = list(body.iter(etree.Element))
    n = len(elements)
    if not n:
        return [body]
    index = {el: i for i, el in enumerate(elements)}
    # each element's tag, link verdict and own text length are read once, in one forward walk:
    # own = its text plus its children's tails (a tail is text of the parent)
    tags = [el.tag for el in elements]
    parent_of = [-1] * n
    in_link = [False] * n  # inside an <a>: block elements wrapped in a link are link text
    is_link = [False] * n
    own = [0] * n
    for i, el in enumerate(elements):
        link = is_link[i] = tags[i] == "a" and el.get("href") is not None  # as _is_link
        own[i] += len((el.text or "").strip())
        parent = el.getparent()
        if parent is not None:
            p = index.get(parent, -1)
            parent_of[i] = p
            in_link[i] = link or (p >= 0 and in_link[p])
            if p >= 0:
                own[p] += len((el.tail or "").strip())
    run = [0] * n  # inline text accumulated into the nearest block element
    run_links = [0] * n
    total = [0] * n  # all text of the subtree
    total_links = [0] * n
    linked_heads = [0] * n  # headings that are links (teaser headlines) in the subtree
    for i in range(n - 1, -1, -1):
        own_i = own[i]
        size = total[i] + own_i
        if not size:
            continue  # no text in the subtree: every sum below would add nothing
        total[i] = size
        tag = tags[i]
        r = run[i] + own_i
        link = is_link[i]
        if link:
            run_links[i] = r
            total_links[i] += own_i
        if tag in HEADING_TAGS and r and (in_link[i] or run_links[i] > GOOD_MAX_LINK_SHARE * r):
            linked_heads[i] += 1
        p = parent_of[i]
        if p >= 0:
            total[p] += size
            total_links[p] += size if link else total_links[i]
            linked_heads[p] += linked_heads[i]
            if tag in INLINE_TAGS:
                run[p] += r
                run_links[p] += run_links[i]
                r = 0
        run[i] = r
    run_good = [0.0] * n
    bad = [0.0] * n
    teasers = 0
    runs: list[int] = []  # elements holding a good run
    for i in range(n - 1, -1, -1):
        size = run[i]
        if not size:
            continue
        if in_link[i]:
            run_links[i] = size
        if tags[i] in HEADING_TAGS:
            # headings are neutral, except linked ones: teaser headlines mark a rail
            if run_links[i] > GOOD_MAX_LINK_SHARE * size:
                bad[i] += size
            continue
        g, b = _classify_run(elements[i], size, run_links[i])
        p = parent_of[i]
        gp = parent_of[p] if p >= 0 else -1
        if g and (
            (p >= 0 and _is_teaser_item(total[p], total_links[p] - run_links[i]))
            or (gp >= 0 and _is_teaser_item(total[gp], total_links[gp] - run_links[i]))
        ):
            g, b = 0.0, UNFINISHED_BAD_SHARE * size
            teasers += 1
        run_good[i] = g
        bad[i] += b
        if g:
            runs.append(i)
    direct = _direct(runs, run_good, parent_of, n)
    # a lone good run in a small card with one linked heading is the card's summary; a run
    # among several (a short article under its linked title) is not
    demoted = False
    for i in runs:
        p = parent_of[i]
        gp = parent_of[p] if p >= 0 else -1
        ggp = parent_of[gp] if gp >= 0 else -1
        clustered = (p >= 0 and direct[p] >= CLUSTER_MIN_CHARS) or (
            gp >= 0 and direct[gp] >= CLUSTER_MIN_CHARS
        )
        if not clustered and any(
            x >= 0 and linked_heads[x] == 1 and total[x] < TEASER_CARD_CHARS for x in (p, gp, ggp)
        ):
            bad[i] += UNFINISHED_BAD_SHARE * run_good[i]
            run_good[i] = 0.0
            teasers += 1
            demoted = True
    if demoted:
        runs = [i for i in runs if run_good[i]]
        direct = _direct(runs, run_good, parent_of, n)
    # good text counts for a container only in clusters: a lone good run (one summary per
    # teaser item) is neutral, paragraphs sharing a parent (or grandparent) are the article
    good = [0.0] * n
    for i in runs:
        g = run_good[i]
        p = parent_of[i]
        gp = parent_of[p] if p >= 0 else -1
        ggp = parent_of[gp] if gp >= 0 else -1
        item = ggp if ggp >= 0 else gp if gp >= 0 else p
        if not (
            g >= CLUSTER_MIN_CHARS
            or (p >= 0 and direct[p] >= CLUSTER_MIN_CHARS)
            or (gp >= 0 and direct[gp] >= CLUSTER_MIN_CHARS)
            or (item >= 0 and total_links[item] <= run_links[i])
        ):
            continue  # a lone summary beside a link: a teaser
        good[i] = g
    for i in range(n - 1, 0, -1):
        p = parent_of[i]
        if p >= 0 and (good[i] or bad[i]):  # adding 0.0 to a sum of non-negatives changes nothing
            good[p] += good[i]
            bad[p] += bad[i]
    candidates = [i for i in range(n) if direct[i] > 0]
    if not candidates:
        # no prose cluster: a page of teasers is a listing (no body); otherwise a short note:
        # the parent of its longest plain run (not the whole page, menus and all)
        if teasers >= LISTING_MIN_TEASERS:
            return None
        plain = [i for i in range(n) if run[i] and run_links[i] <= GOOD_MAX_LINK_SHARE * run[i]]
        if not plain:
            return [body]
        longest = max(plain, key=lambda i: run[i])
        parent = parent_of[longest]
        if parent < 0 or elements[longest].tag in WRAPPER_TAGS:
            return [elements[longest]]  # the note's text sits loose in its own wrapper
        return [elements[parent]]
    core = max(candidates, key=lambda i: direct[i] * _hint(elements[i]))
    scored = _Scored(elements, index, parent_of, run, run_good, good, bad, total, total_links)
    best = _climb(core, scored)
    chosen = _with_cousins(_with_siblings(best, scored), best, scored)
    return _standfirst(chosen, scored) + chosen


@dataclass(frozen=True, slots=True)
class _Scored:
    """The scored tree that widening the container reads: the elements in document order,
    and per element (by that index) its parent and the sums choose_container measured."""

    elements: list[etree._Element]
    index: dict[etree._Element, int]
    parent_of: list[int]  # -1 for the top element
    run: list[int]  # inline text gathered into the element: its paragraph-like run
    run_good: list[float]  # the good part of that run
    good: list[float]  # clustered good text of the subtree
    bad: list[float]  # bad text of the subtree (links, labels, teasers)
    total: list[int]  # all text of the subtree
    total_links: list[int]  # link text of the subtree


def _climb(core: int, s: _Scored) -> int:
    """The ancestor of the core (or the core) that maximises good - BAD_PENALTY * bad, below
    the first parent that adds a link rail; a list or a quote gives way to its parent."""
    parent_of, total, total_links = s.parent_of, s.total, s.total_links
    best, best_score = core, float("-inf")
    i = core
    while i >= 0:
        score = s.good[i] * _hint(s.elements[i]) - BAD_PENALTY * s.bad[i]
        if score > best_score:
            best, best_score = i, score
        parent = parent_of[i]
        if parent >= 0:
            added = total[parent] - total[i]
            added_links = total_links[parent] - total_links[i]
            if added >= CLIMB_MIN_CHARS and added_links > CLIMB_MAX_LINK_SHARE * added:
                break  # what the parent adds is a link rail: the article ends here
        i = parent
    parent = parent_of[best]
    if s.elements[best].tag in PART_TAGS and parent >= 0:
        added = total[parent] - total[best]
        if total_links[parent] - total_links[best] <= CLIMB_MAX_LINK_SHARE * added:
            best = parent  # a list or a quote is a part of the text, not all of it
    return best


def _with_siblings(best: int, s: _Scored) -> list[etree._Element]:
    """The container and its content-like siblings, in document order.

    Articles split over sibling blocks (a recipe's ingredient list beside its steps, a fact box
    beside the story) lose a part when one container is taken. A sibling joins when it has
    text, almost no links, and a list or table of its own (siblings with prose alone were
    tried: author boxes came in with them and precision fell as much as recall rose).
    """
    parent = s.parent_of[best]
    if parent < 0:
        return [s.elements[best]]
    chosen: list[etree._Element] = []
    for child in s.elements[parent]:
        j = s.index.get(child, -1)
        if j < 0:
            continue
        if j == best:
            chosen.append(child)
            continue
        size = s.total[j]
        if size < SIBLING_MIN_CHARS or s.total_links[j] > SIBLING_MAX_LINK_SHARE * size:
            continue
        if next(child.iterdescendants("li", "table"), None) is not None:  # find(".//li"), ...
            chosen.append(child)
    return chosen


def _with_cousins(chosen: list[etree._Element], best: int, s: _Scored) -> list[etree._Element]:
    """The chosen elements plus the article's other parts a level or two further out.

    Multi-part pages (an intro block, the body, a closing section in separate template
    columns) lose parts when one container is taken. A sibling of the container's parent or
    grandparent joins when it is almost all clustered prose (good text) with almost no links:
    furniture is pruned already, and what remains with that profile is article text.
    """
    extra: list[etree._Element] = []
    x = s.parent_of[best]
    for _ in range(COUSIN_LEVELS):
        p = s.parent_of[x] if x >= 0 else -1
        if p < 0:
            break
        for child in s.elements[p]:
            j = s.index.get(child, -1)
            if j < 0 or j == x:
                continue
            size = s.total[j]
            if (
                s.good[j] >= COUSIN_MIN_GOOD_CHARS
                and s.good[j] >= COUSIN_MIN_GOOD_SHARE * size
                and s.total_links[j] <= COUSIN_MAX_LINK_SHARE * size
            ):
                extra.append(child)
        x = p
    if not extra:
        return chosen
    # the cousins are disjoint from the chosen subtrees: only the order needs restoring
    return sorted(chosen + extra, key=lambda el: s.index[el])


def _standfirst(chosen: list[etree._Element], s: _Scored) -> list[etree._Element]:
    """The standfirst: prose right after the headline, before the container.

    Templates put the lead paragraph ("intro", "excerpt", "dek") in the article's header beside
    the headline, outside the column the body paragraphs share. Good runs (prose, few links, a
    finished sentence) that follow the last <h1> before the container, with no other text in
    between (headings aside), are that lead. Anything else in the gap (a byline, a date, a
    caption, a promo) means the header is not just headline + lead, and nothing is added.
    (Loose inline text directly inside a wrapper that opens before the headline is counted on
    that wrapper and so not seen as a gap: a known blind spot.)
    """
    elements, parent_of = s.elements, s.parent_of
    first = s.index.get(chosen[0], -1) if chosen else -1
    if first <= 0:
        return []
    head = next((i for i in range(first - 1, -1, -1) if elements[i].tag == "h1"), -1)
    if head < 0 or _is_ancestor(head, first, parent_of):
        return []  # no headline, or an <h1> wrapping the container (a template's misuse)
    leads: list[etree._Element] = []
    for i in range(head + 1, first):
        if not s.run[i] or elements[i].tag in HEADING_TAGS or _is_ancestor(head, i, parent_of):
            continue
        if not s.run_good[i] or len(leads) == STANDFIRST_MAX_BLOCKS or _has_block(elements[i]):
            return []
        leads.append(elements[i])
    return leads


def _is_ancestor(a: int, i: int, parent_of: list[int]) -> bool:
    """Is element ``a`` an ancestor of element ``i`` (indices in document order)?"""
    j = parent_of[i]
    while j >= a:  # ancestors come before their descendants in document order
        if j == a:
            return True
        j = parent_of[j]
    return False


def _direct(runs: list[int], run_good: list[float], parent_of: list[int], n: int) -> list[float]:
    """Good text directly under each element (runs of its children, half of grandchildren)."""
    direct = [0.0] * n
    for i in runs:
        p = parent_of[i]
        if p >= 0:
            direct[p] += run_good[i]
            gp = parent_of[p]
            if gp >= 0:
                direct[gp] += GRANDPARENT_SHARE * run_good[i]
    return direct


def _is_link(el: etree._Element) -> bool:
    """A real link: <a href>. Named anchors (<a name>, <a id>) around headings are not links."""
    return el.tag == "a" and el.get("href") is not None


def _classify_run(el: etree._Element, size: int, links: int) -> tuple[float, float]:
    """(good, bad) characters of one paragraph-like run of inline text."""
    if links > GOOD_MAX_LINK_SHARE * size:
        return 0.0, float(size)
    if size >= GOOD_MIN_CHARS:
        if _ends_sentence(el) or (size >= LONG_RUN_CHARS and _is_many_sentences(el)):
            return float(size), 0.0
        # teaser summaries and labels rarely end a sentence
        return 0.0, UNFINISHED_BAD_SHARE * size
    if el.tag in ("td", "th"):
        return 0.0, 0.0  # table cells are data: neutral
    # short plain text: labels, dates, bylines
    return 0.0, SHORT_BAD_SHARE * size


def _is_teaser_item(size: int, links: int) -> bool:
    """A small element whose other text is a good share links: a headline link + a summary."""
    return size < TEASER_ITEM_CHARS and links >= TEASER_LINK_SHARE * size


def _hint(el: etree._Element) -> float:
    names = (el.get("class") or "") + " " + (el.get("id") or "")
    if (
        el.tag in ("article", "main")
        or el.get("itemprop") == "articleBody"
        or (names.strip() and _may_hint(names) and _BODY_HINT.search(names))
    ):
        return BODY_HINT_BONUS
    return 1.0


def _may_hint(names: str) -> bool:
    """Can ``_BODY_HINT`` match ``names``? False only when it surely cannot."""
    if not names.isascii():
        return True
    lowered = names.lower()
    return any(word in lowered for word in _BODY_HINT_WORDS)


def _ends_sentence(el: etree._Element) -> bool:
    text = _text_of(el).rstrip()
    return bool(text) and text[-1] in _SENTENCE_END and not text.endswith(_TRUNCATED)


def _is_many_sentences(el: etree._Element) -> bool:
    """Several sentences in one run: prose, even when it closes with a fact list or a link."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == "br":
            parts.append("\n")  # "end.<br>Next" breaks a sentence without a space
        elif isinstance(child.tag, str) and child.tag in INLINE_TAGS:
            parts.append(_text_of(child))
        parts.append(child.tail or "")
    breaks = _SENTENCE_BREAK.finditer("".join(parts))
    return sum(1 for _ in islice(breaks, LONG_RUN_SENTENCES)) >= LONG_RUN_SENTENCES


# --- 3. emit ---------------------------------------------------------------------------------


def emit(container: etree._Element) -> list[Block]:
    """Cut a container into blocks in reading order."""
    out: list[Block] = []
    _emit_el(container, 0, out)
    return out


_MAX_DEPTH = 400  # recursion guard; the parser caps nesting well below Python's limit


# The emitters append to one list rather than yield: a generator per element, and every block
# handed up through one ``yield from`` per level, cost a third of emitting.
def _emit_el(el: etree._Element, depth: int, out: list[Block]) -> None:
    tag = el.tag
    if not isinstance(tag, str):
        return
    if depth > _MAX_DEPTH:
        text = _norm(_text_of(el))
        if text:
            out.append(Block("paragraph", text))
        return
    if tag in HEADING_TAGS:
        text = _norm(_text_of(el))
        if text and tag != "h1":
            out.append(Block("heading", text))
        return
    if tag == "pre":
        text = _text_of(el).strip("\n")
        if text.strip():
            out.append(Block("preformatted", text))
        return
    if tag == "table" and not _is_layout_table(el):
        text = _table_text(el)
        if text:
            out.append(Block("table", text))
        return
    if tag == "a" and len(_text_of(el)) < CARD_LINK_MAX_CHARS:
        return  # a link wrapping blocks is a teaser card (headline + summary in one <a>)
    if tag == "blockquote":
        start = len(out)
        _emit_children(el, depth, "quote", out)
        for i in range(start, len(out)):
            if out[i].kind == "paragraph":
                out[i] = Block("quote", out[i].text)
        return
    if tag == "li" or tag == "dd" or tag == "dt":
        _emit_children(el, depth, "list_item", out)
        return
    _emit_children(el, depth, "paragraph", out)


def _emit_children(el: etree._Element, depth: int, default: BlockKind, out: list[Block]) -> None:
    """Inline runs between block children become ``default`` blocks; block children recurse."""
    parts: list[str] = [el.text or ""]
    links = 0
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            parts.append(child.tail or "")
            continue
        if tag in INLINE_TAGS and not (len(child) and _has_block(child)):
            if tag == "br":
                parts.append("\n")
            else:
                text = _inline_text(child)
                parts.append(text)
                if tag == "a":
                    links += len(text.strip())
                elif len(child):
                    links += sum(len(_text_of(a).strip()) for a in child.iter("a"))
            parts.append(child.tail or "")
            continue
        if _has_text(parts):
            _flush(parts, links, default, out)
        parts, links = [], 0
        _emit_el(child, depth + 1, out)
        parts.append(child.tail or "")
    if _has_text(parts):
        _flush(parts, links, default, out)


def _has_text(parts: list[str]) -> bool:
    """Anything but whitespace in a run? Most runs between block children are one blank
    string (the indentation between tags); those need no join."""
    return len(parts) > 1 or not (parts[0].isspace() or not parts[0])


def _inline_text(el: etree._Element) -> str:
    if not len(el):
        return el.text or ""  # what _text_of gives for an element without children
    if next(el.iterdescendants("br"), None) is None:  # find(".//br"), without ElementPath
        return _text_of(el)
    out: list[str] = []

    def walk(node: etree._Element) -> None:
        out.append(node.text or "")
        for child in node:
            if child.tag == "br":
                out.append("\n")
            elif isinstance(child.tag, str):
                walk(child)
            out.append(child.tail or "")

    walk(el)
    return "".join(out)


_PARA_SPLIT = re.compile(r"\n[ \t\r\xa0]*\n")


def _flush(parts: list[str], links: int, kind: BlockKind, out: list[Block]) -> None:
    raw = "".join(parts)
    compact = len(raw.strip())
    if not compact:
        return
    if (
        links > BLOCK_MAX_LINK_SHARE * compact
        and compact - links < LINK_LIST_PROSE_CHARS
        and not _is_linked_sentence(raw, compact - links)
    ):
        return  # a link list or a teaser, not prose
    # two or more line breaks in a row separate paragraphs in br-formatted text
    if "\n" not in raw:  # the split below needs a line break: one chunk, and it has text
        out.append(Block(kind, _norm(raw)))
        return
    for chunk in _PARA_SPLIT.split(raw):
        text = _norm(chunk)
        if text:
            out.append(Block(kind, text))


def _is_linked_sentence(raw: str, unlinked: int) -> bool:
    """A sentence whose words are mostly one link ("... was re-opened earlier this year."):
    prose, since a link list neither has a clause of its own nor ends a sentence."""
    text = raw.rstrip()
    return (
        unlinked >= GOOD_MIN_CHARS and text[-1] in _SENTENCE_END and not text.endswith(_TRUNCATED)
    )


def _has_block(el: etree._Element) -> bool:
    for d in el.iterdescendants():
        tag = d.tag
        if isinstance(tag, str) and tag not in INLINE_TAGS:
            return True
    return False


def _is_layout_table(table: etree._Element) -> bool:
    """Old sites lay whole pages out in tables: those hold blocks, data tables hold cells."""
    for d in table.iterdescendants():
        tag = d.tag
        if tag in ("table", "p", "div", "article", "section", "h1", "h2", "h3", "ul", "ol",
                   "blockquote", "pre"):  # fmt: skip
            return True
    return False


def _table_text(table: etree._Element) -> str:
    rows: list[str] = []
    for tr in table.iter("tr"):
        cells = [_norm(_text_of(c)) for c in tr if c.tag in ("td", "th")]
        cells = [c for c in cells if c]
        if cells:
            rows.append(" | ".join(cells))
    if not rows:
        return _norm(_text_of(table))
    return "\n".join(rows)


def _norm(text: str) -> str:
    # str.split() and the regex \s agree on what whitespace is; the split is 2.5x faster
    return " ".join(text.split())


# --- 4. filter -------------------------------------------------------------------------------


def _keep(block: Block) -> bool:
    text = block.text
    if not _ALNUM.search(text):
        return False
    if len(text) <= COOKIE_BLOCK_CHARS and "ookie" in text and _COOKIE.search(text):
        return False
    if len(text) <= CTA_BLOCK_CHARS and _CALL_TO_ACTION.match(text):
        return False
    if len(text) <= SHORT_BLOCK_CHARS and block.kind != "table":
        # the cheap tests gate the end-anchored searches (which scan every position)
        lowered = text.lower()
        if (
            _BOILERPLATE.match(text)
            or _FURNITURE_LINE.match(text)
            or _is_date_line(text)
            or (
                (text.endswith(")") or any(map(lowered.__contains__, _CREDIT_WORDS)))
                and _CREDIT_END.search(text)
            )
            or (len(text) <= CREDIT_LINE_CHARS and _is_credit_line(text))
        ):
            return False
        if block.kind == "heading" and _FURNITURE_HEADING.match(text):
            return False
    return True


def _is_credit_line(text: str) -> bool:
    """``_CREDIT_LINE.search(text)``: without a "/", "|" or "©" a match can only start the text,
    so the anchored match decides (a search tries every position)."""
    if "/" in text or "|" in text or "©" in text:
        return bool(_CREDIT_LINE.search(text))
    return bool(_CREDIT_LINE.match(text))


def _is_date_line(text: str) -> bool:
    """Only date and time words, digits and punctuation: "Updated 4:52 PM CDT, June 18, 2025"."""
    if not _DIGIT.search(text):
        return False
    # word by word: most lines fail on their first word
    return all(m.group().lower() in DATE_WORDS for m in _LETTER_WORD.finditer(text))


def _declared_body(root: etree._Element) -> str | None:
    """The longest JSON-LD ``articleBody`` of the page (a hint; it is often cut or stale)."""
    best: str | None = None
    for script in root.iter("script"):
        text = script.text
        if not text or "ld+json" not in (script.get("type") or ""):
            continue
        if "articleBody" not in text and "\\u" not in text:
            continue  # the key is not there, not even spelled with \u escapes: nothing to parse
        try:
            data = json.loads(text)
        except ValueError:
            continue
        for value in _find_key(data, "articleBody", 0):
            if best is None or len(value) > len(best):
                best = value
    return best if best and len(best) >= DECLARED_MIN_CHARS else None


def _find_key(data: object, key: str, depth: int) -> Iterator[str]:
    if depth > JSON_MAX_DEPTH:
        return
    if isinstance(data, dict):
        for k, v in data.items():
            if k == key and isinstance(v, str):
                yield v
            elif isinstance(v, dict | list):
                yield from _find_key(v, key, depth + 1)
    elif isinstance(data, list):
        for v in data:
            yield from _find_key(v, key, depth + 1)


_WORD = re.compile(r"\w+")


def _agree_with_declared(blocks: list[Block], declared: str) -> list[Block]:
    """Trim blocks at the edges of the body that share (almost) nothing with the declared
    articleBody: a share bar or "A word to our readers" box that made it into the container.

    Only the edges, and the tail only when the declared body's last words are in the body:
    declared bodies are often cut at a paywall or lack subheadings, so inner blocks and text
    after a cut are kept. Nothing is ever added from the declared text.
    """
    words = _WORD.findall(declared.lower())
    pairs = set(pairwise(words))
    tokens = [_WORD.findall(block.text.lower()) for block in blocks]
    agrees = [_agrees(own, pairs) for own in tokens]
    if not any(agrees):
        return blocks  # the hint describes another text (stale, another language): ignore it
    first = agrees.index(True)
    last = len(agrees) - 1 - agrees[::-1].index(True)
    head = [b for b in blocks[:first] if len(b.text) > DECLARED_CHECK_CHARS]
    tail = blocks[last + 1 :]
    # the body's words are its blocks' words in order (no word spans two blocks, and lower-
    # casing a text joined with spaces lower-cases each text alone)
    if tail and " ".join(words[-DECLARED_END_WORDS:]) in " ".join(w for t in tokens for w in t):
        tail = [b for b in tail if len(b.text) > DECLARED_CHECK_CHARS]  # the declared end is in
    return head + blocks[first : last + 1] + tail


def _agrees(tokens: list[str], pairs: set[tuple[str, str]]) -> bool:
    own = list(pairwise(tokens))
    if not own:
        return False
    return sum(map(pairs.__contains__, own)) >= DECLARED_MIN_SHARE * len(own)


def _page_title(root: etree._Element) -> str:
    """The page's <title> and og:title, lower-cased, for recognising the headline in the body."""
    parts: list[str] = []
    head = next(root.iterchildren("head"), None)  # as find("head"), without ElementPath
    if head is not None:
        title = next(head.iterchildren("title"), None)
        if title is not None:
            parts.append(_text_of(title))
        for meta in head.iter("meta"):
            if meta.get("property") in ("og:title", "twitter:title"):
                parts.append(meta.get("content") or "")
    return _norm(" ".join(parts)).lower()


def _finish(blocks: list[Block], title: str) -> list[Block]:
    # the headline repeated as the first heading is the title, not body
    if (
        blocks
        and title
        and len(blocks[0].text) <= SHORT_BLOCK_CHARS
        and blocks[0].text.lower() in title
    ):
        blocks = blocks[1:]
    # before the first sentence, a word or two on a line of its own is a label above the
    # article (its section, "Article", a kicker), not its start
    lead = 0
    while lead < len(blocks) and _is_leading_label(blocks[lead]):
        lead += 1
    if lead <= LEADING_MAX_LINES:
        blocks = blocks[lead:]
    # after the last sentence of prose, short unfinished lines and headings are the furniture
    # below an article ("Explore further", "Mehr Themen", a rail's heading), not its end; a long
    # run of such lines is an unmarked list (tour dates, products) and stays
    tail = 0
    while tail < len(blocks) and _is_trailing_furniture(blocks[-1 - tail]):
        tail += 1
    if tail > TRAILING_MAX_LINES:
        tail = 0
    blocks = blocks[: len(blocks) - tail]
    while blocks and blocks[-1].kind == "heading" and not _is_sentence_heading(blocks[-1]):
        blocks.pop()
    return blocks


def _is_sentence_heading(block: Block) -> bool:
    """A heading that is a long sentence is text set large (a closing line, a call in a box),
    not a rail's title."""
    text = block.text.rstrip()
    return len(text) > TRAILING_LINE_CHARS and text[-1] in _SENTENCE_END


def _is_leading_label(block: Block) -> bool:
    text = block.text.rstrip()
    return (
        block.kind == "paragraph"
        and len(text) <= LEADING_LABEL_CHARS
        and text[-1] not in _SENTENCE_END
    )


def _is_trailing_furniture(block: Block) -> bool:
    if block.kind == "heading":
        return not _is_sentence_heading(block)
    if block.kind != "paragraph" or len(block.text) > TRAILING_LINE_CHARS:
        return False
    return block.text.rstrip()[-1] not in _SENTENCE_END
