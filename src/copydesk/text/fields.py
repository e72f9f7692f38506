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

from copydesk.extract import dates
from copydesk.extract.dateline import find_dateline
from copydesk.extract.people import agency
from copydesk.model import Dateline

# A stamp line is short: "Mar 3, 2023, 9:12 PM | Updated: Mar 4, 2023, 6:05 am" is 52 characters;
# German and French stamps with weekday names reach ~90. Longer lines are prose mentioning a date.
MAX_STAMP_CHARS = 120
# A byline names at most a handful of people and a desk; longer lines are sentences.
MAX_BYLINE_CHARS = 160
# A person's name has 2-5 words ("Ann Poe", "Jean-Pierre de la Fontaine"); 1 word is a desk or a
# brand, more than 5 is a phrase.
NAME_WORDS = (2, 5)

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
_CLOCK = re.compile(
    r"(?:à|at|um|a las|alle|às)?\s*(\d{1,2})[:h.](\d{2})\s*([ap]\.?m\.?)?", re.IGNORECASE
)
_BY_LEAD = re.compile(r"^\s*(?:by|von|par|por|di|de)\s+(?P<rest>.+)$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.\-]*|de|da|van|von|der|del|la|le|di|dos|du|bin)$")


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
    """One printed date ("Jan. 9, 2025", "10.01.2025, 08.15 Uhr"); ``None`` when it is not one.

    Read by the metadata stage's date parser (:func:`copydesk.extract.dates.parse_date`), so a
    stamp means the same in HTML and in text. Ages ("2 hours ago") are not dates here.
    """
    if not text or len(text) > MAX_STAMP_CHARS or _DATE_HINT.search(text) is None:
        return None
    found = dates.parse_date(text)
    return found.value if found is not None else None


def parse_stamps(line: str, *, fetched_at: datetime | None = None) -> Stamps | None:
    """ "Mar 3, 2023, 9:12 PM | Updated: Mar 4, 2023, 6:05 am" → published and modified.

    :func:`copydesk.extract.dates.parse_stamp` reads the labels and dates (a relative "Updated 2
    hours ago" only against ``fetched_at``); an updated part that is a bare time ("mis à jour à
    08h15") is taken on the published day.
    """
    if not looks_like_stamp(line):
        return None
    stamp = dates.parse_stamp(line, fetched_at=fetched_at)
    published = stamp.published.value if stamp.published is not None else None
    modified = stamp.modified.value if stamp.modified is not None else None
    if modified is None and published is not None:
        parts = _MODIFIED_SPLIT.split(line, maxsplit=1)
        if len(parts) > 1:
            modified = _bare_time(parts[1], published)
    if published is None and modified is None:
        return None
    return Stamps(published=published, modified=modified)


def _bare_time(text: str, published: datetime) -> datetime | None:
    clock = _CLOCK.fullmatch(text.strip(" .,;|à"))
    if clock is None:
        return None
    hour, minute = int(clock.group(1)), int(clock.group(2))
    if clock.group(3) and clock.group(3).lower().startswith("p") and hour < 12:
        hour += 12
    if hour > 23 or minute > 59:
        return None
    return published.replace(hour=hour, minute=minute, second=0, microsecond=0)


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
    """ "NAIROBI, Kenya (AP) — …" → place and agency.

    The HTML metadata stage's reader (:func:`copydesk.extract.dateline.find_dateline`): one
    dateline grammar for both inputs."""
    return find_dateline(paragraph)


def provider(line: str) -> str | None:
    """A line that is only a provider name ("AP", "Reuters", "dpa") → its credit."""
    return agency(line) if len(line) <= 40 else None
