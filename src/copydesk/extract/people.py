"""Bylines into people and credits.

"By Jane Doe and John Roe, Staff Writers" gives two authors; "Jane Doe, The Associated Press"
gives author Jane Doe with credit "AP"; "the Newsroom Staff with wire reports" gives no author and
the desk as credit. Agencies and desks are never people. Pure functions over strings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# Longest string read as one person's name. Longer "names" are sentences a byline selector caught.
MAX_NAME_CHARS = 60
# Most words in a name ("Maria da Conceição Tavares Lima" has 5); more is prose.
MAX_NAME_WORDS = 5
# Longest byline text we read at all; a byline container holding a paragraph is not a byline.
MAX_BYLINE_CHARS = 300

# Wire and provider agencies: pattern over a lowercased segment -> the credit as agencies print it.
_AGENCIES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (
        re.compile(rf"^(?:the\s+)?(?:{pattern})(?:\s+(?:news(?:\s+agency)?|photos?|wire|staff))?$"),
        name,
    )
    for pattern, name in (
        (r"associated\s+press|ap|a\.p\.|ap\s+news", "AP"),
        (r"(?:thomson\s+)?reuters", "Reuters"),
        (r"agence\s+france[- ]presse|afp", "AFP"),
        (r"deutsche\s+presse[- ]agentur|dpa", "dpa"),
        (r"dpa[- ]afx", "dpa-AFX"),
        (r"efe|agencia\s+efe", "EFE"),
        (r"ansa", "ANSA"),
        (r"apa|austria\s+presse\s+agentur", "APA"),
        (r"kna|katholische\s+nachrichten-agentur", "KNA"),
        (r"epd|evangelischer\s+pressedienst", "epd"),
        (r"(?:keystone[- ])?sda|schweizerische\s+depeschenagentur", "Keystone-SDA"),
        (r"bloomberg(?:\s+news)?", "Bloomberg"),
        (r"pa(?:\s+media)?|press\s+association", "PA"),
        (r"upi|united\s+press\s+international", "UPI"),
        (r"xinhua", "Xinhua"),
        (r"kyodo", "Kyodo"),
        (r"anp", "ANP"),
        (r"belga", "Belga"),
        (r"tass", "TASS"),
        (r"aap|australian\s+associated\s+press", "AAP"),
        (r"pti|press\s+trust\s+of\s+india", "PTI"),
        (r"canadian\s+press|cp", "The Canadian Press"),
        (r"sid", "SID"),
        (r"europa\s+press", "Europa Press"),
        (r"lusa", "Lusa"),
        (r"adnkronos", "Adnkronos"),
        (r"cnn\s+wire", "CNN Wire"),
    )
)
# All agencies in one regex, one named group each, in the order above: alternatives are tried in
# order and each one whole (with its optional prefix and suffix) before the next, so the group
# that matches is the first pattern that matches alone; one search instead of up to 27.
_ANY_AGENCY = re.compile(
    "^(?:"
    + "|".join(f"(?P<a{i}>{pattern.pattern[1:-1]})" for i, (pattern, _) in enumerate(_AGENCIES))
    + ")$"
)
# The first letters of the _DESK and _ROLE words, either case: a look-ahead of them lets re
# pass the word starts where none of the ~30 words can begin without trying each (about 2x faster
# on AEB's bylines). A word with another initial adds it here (tests/extract/test_people.py).
_DESK_INITIALS = "acdegnorstuw"
_ROLE_INITIALS = "abcdegjkmprsw"
# Desk and collective bylines: not people. Trades rare surnames like "Staff" for clean author lists.
_DESK = re.compile(
    rf"\b(?=[{_DESK_INITIALS}])"
    r"(?:staff|desk|newsroom|redaktion|red\.?|rédaction|redacción|redazione|redação|editors?|"
    r"editorial|team|agencies|agencias|agenturen|agences|agenzie|wire\s+reports?|news\s+service|"
    r"correspondents|reporters|contributors|newsdesk|web\s?desk|online|admin(?:istrator)?|"
    r"guest|anonymous|unknown)\b",
    re.IGNORECASE,
)
# Job titles that follow a name after a comma or stand alone ("Staff Writer", "Senior Reporter").
_ROLE = re.compile(
    rf"\b(?=[{_ROLE_INITIALS}])"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|producer|"
    r"photographer|analyst|critic|chief|senior|deputy|managing|bureau|special\s+to|expert(?:in)?|"
    r"(?:chef)?redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|journaliste|periodista|giornalista|"
    r"jornalista|envoyé|correspondant|corresponsal|corrispondente)(?:s|es|e|en|innen|a)?\b",
    re.IGNORECASE,
)
# Publication names after a comma ("Jane Doe, New York Times") are not people either.
_ORG = re.compile(
    r"\b(?:times|post|news|journal|herald|tribune|gazette|magazine|media|press|daily|zeitung|"
    r"allgemeine|rundschau|nachrichten|tv|radio|com|network|group|inc|ltd|gmbh|le\s+monde)\b",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^\s*(?:(?:written|posted|reported|story|words|text|photos?)\s+by|by|von|par|por|door|"
    r"(?-i:di)|authors?|autor(?:in|en)?|auteur|autore|text|texto|texte|posted|geschrieben\s+von|"
    r"(?:interview|redaktion|rédaction|redacción)\s*:)\s*[:\-]?\s+",
    re.IGNORECASE,
)
# Words that label a byline rather than name someone ("Published by", "Veröffentlicht am",
# "Artikel von"); a segment made only of these is not a person, and a prefix of them is cut.
_LABEL_WORDS = frozenset(
    {
        "by", "on", "at", "am", "um", "le", "el", "il", "em", "von", "vom", "posted", "published",
        "publiziert", "veröffentlicht", "erstellt", "geschrieben", "written", "author", "authors",
        "autor", "autoren", "auteur", "autore", "article", "artikel", "beitrag", "blog", "text",
        "texte", "texto", "story", "words", "reported", "updated", "aktualisiert", "from",
        "written_by", "par", "por", "di", "da", "door", "de", "du", "posté", "publié", "publicado",
        "pubblicato", "gespeichert", "eingestellt", "verfasst", "alle", "beiträge", "all",
        "posts", "view", "more", "articles", "mehr", "pressemitteilung", "gastbeitrag",
        "kommentar", "interview", "ein", "eine",
    }
)  # fmt: skip
_LABEL_PREFIX = re.compile(
    r"^(?:.*?\s)?(?:by|von|vom|par|por|door|written by|posted by|published by|submitted by):?"
    r"\s+(?=\S)",
    re.IGNORECASE,
)
_NOISE = re.compile(r"\([^)]*\)|\[[^\]]*\]|\S+@\S+\.\w+|https?://\S+|www\.\S+|(?<!\w)@\w+")
# What each _NOISE branch holds (most bylines hold none: the search is skipped).
_NOISE_HINTS = ("(", "[", "@", "://", "www.")
# Where a byline's name part ends and its date part begins: "Von R. R. am 3. März 2020",
# "Posted by Konstantin @ 12:00 am", "Jane Doe | March 3", "Jane Doe - Senior Editor", "Jane Doe
# for The Sunday Paper", "Text von A Illustration von B" (a picture credit ends the name part).
# Every branch starts with a space or a list separator: the look-ahead says so to re at once.
_TAIL = re.compile(
    r"(?=[\s,;/])(?:"
    r"\s+(?:am|on|at|le|el|il|em|um|@|-|–|mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)"
    r"\.?,?\s+(?=[^\s]*\d)|\s[|•·]\s|,?\s+(?:updated|aktualisiert)\b|\s[-–—]\s|"
    r"\s(?:for|für|pour|para|per)\s+(?=(?:the\s+)?(?-i:[A-Z]))|"
    r"[\s,;/]+(?:illustrations?|fotos?|photos?|photography|bilder?|grafiken?|karikatur|"
    r"zeichnungen?|images?)\s*(?:von|by|de|:))",
    re.IGNORECASE,
)
_SPLIT = re.compile(
    r"\s*(?:[,;|/·•]|\s(?:im\s+gespräch\s+mit|in\s+conversation\s+with|and|und|et|y|e|en|&|"
    r"with|mit|avec|con|com)\s)\s*",
    re.IGNORECASE,
)
# "Text und Fotos: Anna Berg" credits one person for both; read it as "Text: Anna Berg" before
# a picture credit ("…, Fotos: Carl Dahl") is cut off as the end of the byline's name part.
_TEXT_AND = re.compile(
    r"\b(text|texte|texto|words)\s+(?:und|and|&|et|y|e)\s+"
    r"(?:fotos?|photos?|bilder|interviews?|illustrations?)\b",
    re.IGNORECASE,
)
# Characters that are not part of a printed name: soft hyphens ("Mat\xadthi\xadas" from
# hyphenating CSS), zero-width spaces and joiners.
_INVISIBLE = str.maketrans("", "", "\xad\u200b\u200c\u200d\u2060\ufeff")
# Legal forms and collective nouns of organisations: "Bund der Energieverbraucher e.V.",
# "Web Commerce GmbH", "Pamela Anderson Foundation". No person's name holds these words; they
# are checked in every position (unlike _ORG, whose "Post" or "Times" can be a surname).
_LEGAL = re.compile(
    r"(?:^|\s)(?:e\.\s?v\.?|g?gmbh|ag|kg|inc\.?|ltd\.?|llc|plc|corp\.?|s\.a\.|verband|verein|"
    r"stiftung|foundation|association|institut|institute|university|universität|ministerium|"
    r"ministry)(?=$|[\s,.])",
    re.IGNORECASE,
)
# A leading capitalised article makes a title, not a name: "Die FURCHE", "The Local", "Der
# Spiegel". Lower case it is a blogger's nickname ("der Michel"), which the annotators keep.
_ARTICLE_LEAD = frozenset({"the", "die", "der", "das"})
# A picture or source credit names a photographer or an outlet, never the story's author:
# "Foto: Ingo Schneider", "Bild © hr", "Quelle: dpa" (the agency in it still credits).
_PICTURE_CREDIT = re.compile(
    r"^\s*(?:©|\(c\)|(?:fotos?|photos?|bild(?:er)?|images?|illustrations?|grafik|credits?|"
    r"quelle|source)\s*(?:©|:))",
    re.IGNORECASE,
)
# Prepositions that put a byline candidate in a sentence ("Tricks für zu Hause", "Von
# Atemschutzmaske über Exit-Strategie bis Zoonose"); no name holds them. Lower-case words as such
# are not judged: "Mobasir hassan" and usernames ("Catch more fish") are printed that way.
_PROSE_WORDS = frozenset(
    {"für", "über", "bis", "ohne", "gegen", "durch", "unter", "nach", "from", "about", "sur",
     "avec", "pour", "sobre", "para", "sulla"}
)  # fmt: skip
# A web address after a name is the outlet: "Bob Yirka, Phys.org", "wien.ORF.at" (a lower-case
# ending after the last dot; "C.Habermueller" and "J.R.R." are names). Alone, a domain is kept
# as the byline the page gives (blogs sign as "uncut-news.ch").
_DOMAIN = re.compile(r"\w\.[a-z]{2,6}$")
# After a first name, one upper-case word of 2-5 letters is an outlet: "Rob Picheta, CNN".
_OUTLET_ACRONYM = re.compile(r"^[A-Z]{2,5}$")
_DIGIT = re.compile(r"\d")
_INITIAL_END = re.compile(r"(?:^|\s)[^\W\d_]\.$")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class People:
    authors: tuple[str, ...] = ()
    credit: str | None = None


def agency(segment: str) -> str | None:
    """The normalised agency name when ``segment`` names a wire agency, else ``None``."""
    key = " ".join(segment.lower().replace("’", "'").split()).strip(" .,:;-")
    match = _ANY_AGENCY.match(key)
    if match is None or match.lastgroup is None:
        return None
    return _AGENCIES[int(match.lastgroup[1:])][1]


def _clean(segment: str) -> str:
    segment = _LEAD.sub("", segment)
    segment = " ".join(segment.split()).strip(" ,:;-–—|\"'«»“”~*•·/")
    words = segment.split()
    if words and all(w.lower().strip(".:") in _LABEL_WORDS for w in words):
        return ""
    # "Veröffentlicht am 8. Februar 2022 von PETA-Team": cut the label (and its date) before
    # the last "von"/"by" when what precedes it is a label or a date
    match = _LABEL_PREFIX.match(segment)
    if match is not None:
        head = segment[: match.end()].split()
        if _DIGIT.search(segment[: match.end()]) or all(
            w.lower().strip(".:,") in _LABEL_WORDS for w in head
        ):
            segment = segment[match.end() :]
    segment = segment.strip(" ,:;-–—|\"'«»“”~*•·/")
    if segment.endswith(".") and not _INITIAL_END.search(segment):
        segment = segment.rstrip(".").rstrip()
    return segment


def _is_person(name: str) -> bool:
    return _plain_name(name) and not (_DESK.search(name) or _ROLE.search(name))


def _plain_name(name: str) -> bool:
    """:func:`_is_person` but for the desk and role words (which parse_byline tests first)."""
    if not name or len(name) > MAX_NAME_CHARS or _DIGIT.search(name):
        return False
    words = name.split()
    if len(words) > MAX_NAME_WORDS or not _LETTER.search(name):
        return False
    if (words[0].lower() in _ARTICLE_LEAD and not words[0].islower()) or _LEGAL.search(name):
        return False
    return not any(w in _PROSE_WORDS for w in words)


def _outlet(segment: str) -> bool:
    return bool(_ORG.search(segment) or _OUTLET_ACRONYM.match(segment) or _DOMAIN.search(segment))


def parse_byline(text: str) -> People:
    """Split one byline string into people and a credit. Never raises."""
    text = " ".join(text.translate(_INVISIBLE).split())[:MAX_BYLINE_CHARS]
    if any(hint in text for hint in _NOISE_HINTS):
        text = _NOISE.sub(" ", text)
    text = _TEXT_AND.sub(r"\1", text)
    agencies: list[str] = []
    parts = _TAIL.split(text, maxsplit=1)
    if not all(w.lower().strip(".:,") in _LABEL_WORDS for w in parts[0].split()):
        # "R. R. am 3. März": the name, then its date; a bare label keeps all. An agency after
        # the cut ("Peter Müller - dpa") still credits the story.
        text = parts[0]
        tail = _SPLIT.split(parts[1]) if len(parts) > 1 and parts[1] else []
        agencies.extend(a for a in (agency(_clean(t)) for t in tail) if a is not None)
    authors: list[str] = []
    desk: str | None = None
    for position, raw in enumerate(_SPLIT.split(_LEAD.sub("", text))):
        segment = _clean(raw)
        if not segment:
            continue
        if _PICTURE_CREDIT.match(segment):
            found = agency(_PICTURE_CREDIT.sub("", segment))
            agencies.extend([found] if found else [])
            continue
        found = agency(segment)
        if found is not None:
            agencies.append(found)
            continue
        role = _ROLE.search(segment)
        if role is not None:
            # "Christoph Hein Chefredakteur": the name before the title; "Staff Writer": none
            segment = segment[: role.start()].strip(" ,-–|")
            if len(segment.split()) < 2 or not _is_person(segment):
                continue
            person = True  # and so no desk word either
        elif _DESK.search(segment):
            if len(segment) <= MAX_NAME_CHARS:
                desk = desk or re.sub(r"^(?:the|die|der|la|le|el)\s+", "", segment, flags=re.I)
            continue  # longer, it is no person's name either
        else:
            person = _plain_name(segment)  # no role and no desk word: _is_person's last tests
        if position > 0 and authors and _outlet(segment):
            continue  # "Jane Doe, Washington Post": the outlet, not a co-author
        if person:
            authors.append(segment)
    credit = ", ".join(dict.fromkeys(agencies)) if agencies else desk
    return People(tuple(dict.fromkeys(authors)), credit)


def looks_like_handle(name: str) -> bool:
    """A login rather than a name: "christian.stadtfeld", "wordpressadmin", "user_123"."""
    return " " not in name and (name.islower() or any(c in name for c in "._@")) and len(name) > 2


def merge_people(bylines: Iterable[str], parse: Callable[[str], People] = parse_byline) -> People:
    """Read several byline strings (e.g. one per JSON-LD author) into one result; ``parse`` is
    :func:`parse_byline` or a memo of it (the metadata pass reads bylines more than once)."""
    authors: list[str] = []
    credits: list[str] = []
    for line in bylines:
        people = parse(line)
        authors.extend(people.authors)
        if people.credit:
            credits.append(people.credit)
    seen: dict[str, str] = {}
    for name in authors:
        seen.setdefault(name.casefold(), name)
    agencies = [c for c in credits if agency(c) is not None or c in _AGENCY_NAMES]
    credit = ", ".join(dict.fromkeys(agencies)) if agencies else (credits[0] if credits else None)
    return People(tuple(seen.values()), credit)


_AGENCY_NAMES = frozenset(name for _, name in _AGENCIES)
