"""Relative ages ("40 minutes ago", "vor 2 Stunden", "il y a 3 jours", "ieri") as dates.

A teaser rail prints ages relative to the moment the page was rendered. We only know that moment
approximately: it is the fetch time. So an age resolves only when ``fetched_at`` is given, and never
by guessing "now". Sub-day ages (seconds, minutes, hours) resolve to an exact instant; day-level
ages ("2 days ago", "yesterday", "vor 3 Tagen") resolve to the calendar day only (midnight of that
day in the fetch time's zone) and say so through :attr:`ResolvedAge.precision`. Months and years
are too vague to be dates ("3 months ago" spans ~30 days) and stay unresolved.

Pure functions; no global state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

Unit = Literal["second", "minute", "hour", "day", "week", "month", "year"]
Precision = Literal["minute", "hour", "day"]

# Ages longer than this are treated as not-an-age: a "vor 400 Jahren" in a history teaser is prose
# about the past, not a publication stamp. Real rails print at most a few weeks before switching
# to absolute dates; 400 days keeps "11 months ago" style stamps while rejecting history prose.
MAX_AGE_DAYS = 400
# The longest text we try to read as an age. Rails print ages as short lines ("9 hours ago",
# "Updated 2 days ago"); a long sentence that merely contains "2 hours ago" is prose, not a stamp.
MAX_AGE_TEXT_CHARS = 48

# Number words per language (only the ones rails print: "an hour ago", "vor einer Stunde").
_NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eine": 1,
    "einer": 1,
    "einem": 1,
    "eins": 1,
    "ein": 1,
    "zwei": 2,
    "drei": 3,
    "une": 1,
    "un": 1,
    "deux": 2,
    "trois": 3,
    "una": 1,
    "uno": 1,
    "dos": 2,
    "tres": 3,
    "due": 2,
    "tre": 3,
    "um": 1,
    "uma": 1,
    "dois": 2,
    "duas": 2,
    "três": 3,
}

# Unit spellings by language, each mapped to a unit. Abbreviations are those rails print
# ("40 min ago", "9h ago", "vor 2 Std.", "il y a 3 h", "hace 2 h").
_UNITS: dict[str, Unit] = {}
for _unit, _words in {
    "second": "s sec secs second seconds sekunde sekunden seconde secondes segundo segundos "
    "secondo secondi",
    "minute": "m min mins minute minutes minuten minuto minutos minuti",
    "hour": "h hr hrs hour hours std stunde stunden heure heures hora horas ora ore",
    "day": "d day days tag tagen tage jour jours día días dia dias giorno giorni",
    "week": "w wk wks week weeks woche wochen semaine semaines semana semanas settimana settimane",
    "month": "mo month months monat monaten monate mois mes meses mese mesi mês",
    "year": "y yr yrs year years jahr jahren jahre an ans année années año años anno anni ano anos",
}.items():
    for _word in _words.split():
        _UNITS[_word] = _unit  # type: ignore[assignment]

_NUM = r"(?P<num>\d{1,4}|[^\W\d_]{1,6})"
_UNIT = r"(?P<unit>[^\W\d_]{1,9})\.?"
# One pattern per word order; each must match the whole (trimmed) age text, after an optional
# "Updated"/"Published" lead-in, so that a sentence containing an age is not taken for one.
_LEAD = (
    r"(?:(?:updated|published|posted|aktualisiert|veröffentlicht|mis à jour|publié|"
    r"actualizado|publicado|aggiornato|pubblicato|atualizado)\s*:?\s*)?"
)
_BODIES = (
    _NUM + r"\s*" + _UNIT + r"\s+ago",  # en: 40 minutes ago, 9h ago
    r"vor\s+" + _NUM + r"\s*" + _UNIT,  # de: vor 2 Stunden
    r"il\s+y\s+a\s+" + _NUM + r"\s*" + _UNIT,  # fr: il y a 3 jours
    r"hace\s+" + _NUM + r"\s*" + _UNIT,  # es: hace 2 horas
    _NUM + r"\s*" + _UNIT + r"\s+fa",  # it: 2 ore fa
    r"h[áa]\s+" + _NUM + r"\s*" + _UNIT,  # pt: há 2 horas
    _NUM + r"\s*" + _UNIT + r"\s+atr[áa]s",  # pt: 2 horas atrás
)
_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(r"^\s*" + _LEAD + body + r"\s*[.)]?\s*$", re.IGNORECASE) for body in _BODIES
)
# The same ages found inside a labelled stamp line ("Erstellt: vor 4 Stunden 4 Min. Lesedauer"),
# starting and ending on word boundaries (see search_age).
_SEARCH: tuple[re.Pattern[str], ...] = tuple(
    re.compile(r"(?<![^\W_])" + body + r"(?![^\W_])", re.IGNORECASE) for body in _BODIES
)
# The longest stamp line searched for an age; longer texts are prose.
MAX_STAMP_TEXT_CHARS = 400
# Words for "yesterday" / "today" / "just now" by language: the day offset they mean.
_DAY_WORDS: dict[str, int] = {
    "yesterday": 1,
    "gestern": 1,
    "hier": 1,
    "ayer": 1,
    "ieri": 1,
    "ontem": 1,
    "today": 0,
    "heute": 0,
    "aujourd'hui": 0,
    "hoy": 0,
    "oggi": 0,
    "hoje": 0,
}
_NOW_WORDS = frozenset(
    {
        "just now",
        "now",
        "gerade eben",
        "soeben",
        "jetzt",
        "à l'instant",
        "ahora",
        "ahora mismo",
        "adesso",
        "poco fa",
        "agora",
        "agora mesmo",
    }
)
_DAY_SEARCH = re.compile(
    r"(?<![^\W_])(?P<word>" + "|".join(re.escape(w) for w in _DAY_WORDS) + r")(?![^\W_])",
    re.IGNORECASE,
)
_DAY_WORD = re.compile(
    r"^\s*" + _LEAD + r"(?P<word>[^\W\d_]+(?:'[^\W\d_]+)?)"
    r"(?:\s*(?:,|at|um|à|a las|alle|às)?\s*(?P<h>\d{1,2})[:.h](?P<m>\d{2})\s*(?P<ap>[ap]\.?m\.?)?)?"
    r"\s*(?:uhr)?\s*\.?\s*$",
    re.IGNORECASE,
)

# What rails put between an age and its neighbours on one line ("AP · 9 hours ago").
_SEPARATORS = re.compile(r"\s+[·•|—–-]\s+|\s*[·•|]\s*|\s*\n\s*")

_UNIT_SECONDS: dict[Unit, int] = {
    "second": 1,
    "minute": 60,
    "hour": 3600,
    "day": 86400,
    "week": 7 * 86400,
    "month": 30 * 86400,
    "year": 365 * 86400,
}


@dataclass(frozen=True, slots=True)
class RelativeAge:
    """An age as printed: ``amount`` units before the page was rendered."""

    amount: int
    unit: Unit
    text: str
    # wall-clock time printed with a day word ("yesterday at 9:30"), as (hour, minute)
    clock: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class ResolvedAge:
    published: datetime
    precision: Precision


def parse_age(text: str) -> RelativeAge | None:
    """Read a relative age in English, German, French, Spanish, Italian or Portuguese.

    ``None`` when ``text`` is not (only) an age.
    """
    if not text or len(text) > MAX_AGE_TEXT_CHARS:
        return None
    clean = " ".join(text.split())
    lowered = clean.lower().rstrip(".")
    if lowered in _NOW_WORDS:
        return RelativeAge(0, "second", clean)
    day = _DAY_WORD.match(clean)
    if day is not None and day.group("word").lower() in _DAY_WORDS:
        clock = _clock(day)
        return RelativeAge(_DAY_WORDS[day.group("word").lower()], "day", clean, clock)
    for pattern in _PATTERNS:
        match = pattern.match(clean)
        if match is None:
            continue
        age = _age_from(match, clean)
        if age is not None:
            return age
    return None


def _clock(match: re.Match[str]) -> tuple[int, int] | None:
    if match.group("h") is None:
        return None
    hour, minute = int(match.group("h")), int(match.group("m"))
    ampm = (match.group("ap") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return (hour, minute)


def _age_from(match: re.Match[str], text: str) -> RelativeAge | None:
    raw_num = match.group("num").lower()
    amount = int(raw_num) if raw_num.isdigit() else _NUMBER_WORDS.get(raw_num)
    unit = _UNITS.get(match.group("unit").lower())
    if amount is None or unit is None:
        return None
    if amount * _UNIT_SECONDS[unit] > MAX_AGE_DAYS * 86400:
        return None
    return RelativeAge(amount, unit, text)


def resolve_age(age: RelativeAge, fetched_at: datetime | None) -> ResolvedAge | None:
    """The publication time an age means, given when the page was fetched.

    ``None`` without ``fetched_at`` (never guessed from the clock) and for month/year ages.
    """
    if fetched_at is None or age.unit in ("month", "year"):
        return None
    if age.unit in ("second", "minute", "hour"):
        instant = fetched_at - timedelta(seconds=age.amount * _UNIT_SECONDS[age.unit])
        precision: Precision = "hour" if age.unit == "hour" else "minute"
        return ResolvedAge(instant, precision)
    days = age.amount * (7 if age.unit == "week" else 1)
    day = fetched_at - timedelta(days=days)
    if age.clock is not None:
        # "yesterday at 9:30" is wall-clock time in the site's zone, which the age does not give:
        # the result is naive (DESIGN.md: naive where the page gives no zone).
        hour, minute = age.clock
        clocked = day.replace(hour=hour, minute=minute, second=0, microsecond=0, tzinfo=None)
        return ResolvedAge(clocked, "minute")
    return ResolvedAge(day.replace(hour=0, minute=0, second=0, microsecond=0), "day")


def find_age(text: str) -> RelativeAge | None:
    """An age standing as its own part of a short line: "Jane Doe · 9 hours ago | World"."""
    if len(text) > MAX_AGE_TEXT_CHARS * 3:
        return None
    for part in _SEPARATORS.split(text):
        age = parse_age(part)
        if age is not None:
            return age
    return None


def search_age(text: str) -> RelativeAge | None:
    """An age inside a stamp line: one standing as its own part (:func:`find_age`), else the
    first one printed after other words ("Erstellt: vor 4 Stunden", "Updated 2 days ago by
    AP"), else a day word ("Aktualisiert gestern"). ``None`` for texts longer than a stamp."""
    if not text or len(text) > MAX_STAMP_TEXT_CHARS:
        return None
    age = find_age(text) if len(text) <= MAX_AGE_TEXT_CHARS * 3 else None
    if age is not None:
        return age
    for pattern in _SEARCH:
        for match in pattern.finditer(text):
            age = _age_from(match, match.group(0))
            if age is not None:
                return age
    day = _DAY_SEARCH.search(text)
    if day is not None:
        return RelativeAge(_DAY_WORDS[day.group("word").lower()], "day", day.group(0))
    return None


def resolve_age_text(text: str, fetched_at: datetime | None) -> ResolvedAge | None:
    """:func:`parse_age` then :func:`resolve_age`."""
    age = parse_age(text)
    return resolve_age(age, fetched_at) if age is not None else None
