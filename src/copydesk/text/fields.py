"""Metadata lines of a scraped page: stamps, bylines, provider lines, datelines.

These read one short line each. The HTML metadata work (issue 3) has its own readers of JSON-LD
and meta tags; these are the plain-text counterparts (a line "Mar 3, 2023, 9:12 PM | Updated: …"
has no markup to lean on). Where both need the same normalisation (agency names), it lives in
:mod:`copydesk.text.patterns` so there is one table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import dateparser

from copydesk.enrich.relative import find_age, resolve_age
from copydesk.model import Dateline
from copydesk.text.patterns import agency

# A stamp line is short: "Mar 3, 2023, 9:12 PM | Updated: Mar 4, 2023, 6:05 am" is 52 characters;
# German and French stamps with weekday names reach ~90. Longer lines are prose mentioning a date.
MAX_STAMP_CHARS = 120
# A byline names at most a handful of people and a desk; longer lines are sentences.
MAX_BYLINE_CHARS = 160
# A person's name has 2-5 words ("Ann Poe", "Jean-Pierre de la Fontaine"); 1 word is a desk or a
# brand, more than 5 is a phrase.
NAME_WORDS = (2, 5)
# Languages dateparser tries for stamps: the languages of the sites we model. Naming them keeps
# dateparser at ~1.5 ms per call instead of ~14 ms with detection.
STAMP_LANGUAGES = ["en", "de", "fr", "es", "it", "pt"]

_MONTH = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar|jänner|februar|märz|mai|juni|"
    r"juli|oktober|dezember|janv|janvier|févr|février|mars|avr|avril|juin|juil|juillet|août|"
    r"sept|septembre|octobre|novembre|décembre|ene|enero|febrero|marzo|abril|mayo|junio|julio|"
    r"agosto|septiembre|setiembre|octubre|noviembre|diciembre|gen|gennaio|febbraio|aprile|"
    r"maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|"
    r"setembro|outubro|novembro|dezembro|january|february|march|april|june|july|august|"
    r"september|october|november|december"
)
_DATE_HINT = re.compile(
    r"\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|"
    r"(?:" + _MONTH + r")\.?\s+\d{1,2}\b|\d{1,2}\.?\s+(?:de\s+)?(?:" + _MONTH + r")\b)",
    re.IGNORECASE,
)
_MODIFIED_SPLIT = re.compile(
    r"\s*(?:\||·|•|—|–|;|,)?\s*\b(?:updated|last updated|modified|aktualisiert|"
    r"zuletzt aktualisiert|"
    r"mis à jour|mise à jour|actualizado|actualización|aggiornato|atualizado|atualização)"
    r"\b\s*(?:on|am|le|el|il|em|:)?\s*:?\s*",
    re.IGNORECASE,
)
_PUBLISHED_LEAD = re.compile(
    r"^\s*(?:published|posted|first published|veröffentlicht|erschienen|stand|publié le|publié|"
    r"publicado|pubblicato|publicado em|date)\b\s*(?:on|am|le|el|il|em)?\s*:?\s*",
    re.IGNORECASE,
)
_BY_TAIL = re.compile(r"\s+(?:by|von|par|por|di)\s+[^\d]{2,60}$", re.IGNORECASE)
_CLOCK = re.compile(r"\b(\d{1,2})[:h.](\d{2})\s*([ap]\.?m\.?)?", re.IGNORECASE)
_BY_LEAD = re.compile(r"^\s*(?:by|von|par|por|di|de)\s+(?P<rest>.+)$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.\-]*|de|da|van|von|der|del|la|le|di|dos|du|bin)$")

_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’\- ]{1,40}"
    r"(?:,\s*(?!(?i:"
    + _MONTH
    + r")\.?\s+\d)[A-ZÀ-ÖØ-Þ][^\W\d_.'’\- ]*(?:[ .'’\-]+[^\W\d_]+){0,3})?)"
    r"(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\.?\s+[a-zäéû]{3,9}\.?))?\s*"
    r"(?:\((?P<agency>[A-Za-z][A-Za-z/ .\-]{0,30})\)\s*)?[—–-]{1,2}\s+\S",
)


@dataclass(frozen=True, slots=True)
class Stamps:
    published: datetime | None = None
    modified: datetime | None = None


@dataclass(frozen=True, slots=True)
class Byline:
    authors: tuple[str, ...] = ()
    credit: str | None = None


def looks_like_stamp(line: str) -> bool:
    return len(line) <= MAX_STAMP_CHARS and _DATE_HINT.search(line) is not None


def parse_date(text: str) -> datetime | None:
    """One printed date, in one of :data:`STAMP_LANGUAGES`; ``None`` when it is not one.

    Only text that names a day (a month name with a day, or a numeric date) is read: dateparser
    would otherwise read "2 hours ago" or "at 08h15" against the machine's clock, a guess.
    """
    text = _BY_TAIL.sub("", _PUBLISHED_LEAD.sub("", text)).strip(" |·•,;")
    if not text or len(text) > MAX_STAMP_CHARS or _DATE_HINT.search(text) is None:
        return None
    try:
        value = dateparser.parse(
            text,
            languages=STAMP_LANGUAGES,
            settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"},
        )
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    return value if isinstance(value, datetime) else None


def parse_stamps(line: str, *, fetched_at: datetime | None = None) -> Stamps | None:
    """ "Mar 3, 2023, 9:12 PM | Updated: Mar 4, 2023, 6:05 am" → published and modified.

    The updated part may be relative ("Updated 2 hours ago": resolved against ``fetched_at``
    only) or a bare time ("mis à jour à 08h15": the published day at that time).
    """
    if not looks_like_stamp(line):
        return None
    parts = _MODIFIED_SPLIT.split(line, maxsplit=1)
    published = parse_date(parts[0]) if parts[0].strip() else None
    modified = _modified(parts[1], published, fetched_at) if len(parts) > 1 else None
    if published is None and modified is None:
        return None
    return Stamps(published=published, modified=modified)


def _modified(
    text: str, published: datetime | None, fetched_at: datetime | None
) -> datetime | None:
    value = parse_date(text)
    if value is not None:
        return value
    age = find_age(text)
    if age is not None:
        resolved = resolve_age(age, fetched_at)
        return resolved.published if resolved is not None else None
    clock = _CLOCK.search(text)
    if clock is not None and published is not None:
        hour, minute = int(clock.group(1)), int(clock.group(2))
        if clock.group(3) and clock.group(3).lower().startswith("p") and hour < 12:
            hour += 12
        if hour < 24 and minute < 60:
            return published.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return None


def parse_byline(line: str) -> Byline | None:
    """ "By Jane Doe and John Roe", "Jane Doe, John Roe and Ann Poe, The Associated Press",
    "Associated Press" → people and the agency credit. ``None`` when the line is not a byline."""
    line = " ".join(line.split())
    if not line or len(line) > MAX_BYLINE_CHARS or line[-1] in ".!?:":
        return None
    lead = _BY_LEAD.match(line)
    rest = lead.group("rest") if lead else line
    authors: list[str] = []
    credit: str | None = None
    for part in _NAME_SPLIT.split(rest):
        part = part.strip(" .")
        if not part:
            continue
        desk = agency(part)
        if desk is not None:
            credit = credit or desk
            continue
        if not _is_name(part):
            return None
        authors.append(part)
    if not authors and credit is None:
        return None
    if not lead and credit is None and len(authors) < 2:
        # a lone "Firstname Lastname" line without "By" is as likely a heading as a byline
        return None
    return Byline(authors=tuple(authors), credit=credit)


def _is_name(text: str) -> bool:
    words = text.split()
    if not NAME_WORDS[0] <= len(words) <= NAME_WORDS[1]:
        return False
    if not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    return all(_NAME_WORD.match(word) for word in words)


def parse_dateline(paragraph: str) -> Dateline | None:
    """ "NAIROBI, Kenya (AP) — …", "LONDON, March 3 (Reuters) - …", "BERLIN (dpa) - …"."""
    match = _DATELINE.match(paragraph[:200])
    if match is None:
        return None
    place = match.group("place").strip(" ,")
    head = place.split(",")[0]
    if not head.isupper() or len(head.replace(" ", "")) < 2:
        return None
    raw_agency = match.group("agency")
    credit = agency(raw_agency) if raw_agency else None
    if raw_agency and credit is None:
        return None
    return Dateline(place=place, agency=credit)


def provider(line: str) -> str | None:
    """A line that is only a provider name ("AP", "Reuters", "dpa") → its credit."""
    return agency(line) if len(line) <= 40 else None
