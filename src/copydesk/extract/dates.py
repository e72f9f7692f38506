"""Date strings as they appear on news pages, read into ``datetime`` values.

Covers ISO 8601 (meta, JSON-LD, ``<time datetime>``), numeric day/month/year orders, CJK
year/month/day ("2020年7月12日"), month names in English, German, French, Spanish, Italian,
Portuguese, Dutch, Russian, Ukrainian and Arabic,
clock times with am/pm and zone abbreviations, "Published … | Updated …" stamp lines, URL paths
and relative ages ("5 mins ago", "vor 2 Stunden"). Everything is precompiled regular
expressions; dateparser is not needed on the hot path. A value keeps its zone (as a UTC offset)
when the string gives one and is naive when it does not.

Pure functions, no module state besides constant tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, Literal

from copydesk.enrich.relative import resolve_age, search_age

Precision = Literal["day", "minute", "second"]

# Earliest year accepted as a publication date. The web's news archives start in the mid-1990s;
# older years on a page are nearly always history in the text, not a stamp. 1990 trades a few
# digitised-archive pages (which carry a real old date) for far fewer false dates.
MIN_YEAR = 1990
# Naive stamps are compared to an aware fetch time in wall-clock terms; this slack (hours) covers
# the largest real zone offsets so that a correct naive stamp is never rejected as "in the future".
NAIVE_FUTURE_SLACK_HOURS = 14
# How far after a date we look for its clock time ("March 3, 2023 at 9:12 PM EST"): long enough
# for "um", "at", "|" and a weekday, short enough not to borrow a time from the next stamp.
TIME_WINDOW_CHARS = 24
# A press release opens its first paragraph with its date: "01.02.2022 – Der Arbeitsmarkt …",
# "Karlsruhe, (12.11.2021). Traditionell …". Only this many leading characters are read for it:
# a place name and the date fit; a date further into the sentence is an event, not the issue.
LEAD_DATE_CHARS = 48

_MONTHS: dict[str, int] = {}
# Latin-script names first; then Russian and Ukrainian (nominative, genitive, abbreviation) and
# Arabic (Egyptian and Levantine) names of the same month, joined into one string per month.
for _num, _names in enumerate(
    (
        "january jan januar jänner jän janvier janv enero ene gennaio gen janeiro januari "
        "января январь янв січня січень січ يناير",
        "february feb februar février fevrier févr fevr febrero febbraio fevereiro fev februari "
        "февраля февраль фев лютого лютий лют فبراير شباط",
        "march mar märz mär maerz mrz mars marzo março marco maart mrt "
        "марта март мар березня березень бер مارس آذار",
        "april apr avril avr abril abr aprile "
        "апреля апрель апр квітня квітень кві أبريل إبريل نيسان",
        "may mai mayo maggio mag maio mei мая май травня травень тра مايو أيار",
        "june jun juni juin junio giugno giu junho "
        "июня июнь июн червня червень чер يونيو يونيه حزيران",
        "july jul juli juillet juil julio luglio lug julho "
        "июля июль июл липня липень лип يوليو يوليه تموز",
        "august aug août aout agosto ago augustus августа август авг серпня серпень сер أغسطس آب",
        "september sep sept septembre septiembre setiembre settembre set setembro "
        "сентября сентябрь сен вересня вересень вер سبتمبر أيلول",
        "october oct oktober okt octobre octubre ottobre ott outubro out "
        "октября октябрь окт жовтня жовтень жов أكتوبر",
        "november nov novembre noviembre novembro ноября ноябрь ноя листопада листопад лис نوفمبر",
        "december dec dezember dez décembre decembre déc diciembre dic dicembre dezembro "
        "декабря декабрь дек грудня грудень гру ديسمبر",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _num


def trie_pattern(words: list[str]) -> str:
    """One regex alternation matching exactly ``words``, factored by common prefixes ("ma(?:y|
    r(?:ch|zo)?|...)"): re tries an alternation's branches one by one at every position, so
    the ~300 month names cost 5x the time of the factored form (measured on AEB's stamp lines,
    where the two month-name date patterns were most of the time spent reading dates). Every
    name is letters only and the date patterns require a non-letter after it, so at most one
    name can match at a place: the order of the branches never changes what matches."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict[str, Any]) -> str:
        alternatives = [re.escape(c) + branch(rest) for c, rest in sorted(node.items()) if c]
        if not alternatives:
            return ""
        if "" in node:  # a word ends here: the longer words first, as re is greedy
            return "(?:" + "|".join(alternatives) + ")?"
        if len(alternatives) == 1:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")"

    return branch(trie)


_MONTH_RE = trie_pattern(list(_MONTHS))
# The first letters of the month names: a look-ahead of them lets re pass the positions where no
# month name starts without entering the trie (month-first dates 2x faster on AEB's stamps).
_MONTH_INITIALS = "".join(sorted({name[0] for name in _MONTHS}))

# Zone abbreviations news sites print after clock times. Ambiguous ones (IST, CST in Asia) take
# the reading most common on English-language news pages.
_ZONES: dict[str, int] = {
    "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 60, "ist": 60, "cet": 60, "mez": 60,
    "cest": 120, "mesz": 120, "eet": 120, "eest": 180, "msk": 180,
    "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
    "pst": -480, "pdt": -420, "akst": -540, "akdt": -480, "hst": -600,
    "aest": 600, "aedt": 660, "jst": 540, "kst": 540, "hkt": 480, "sgt": 480,
}  # fmt: skip
_ZONE_RE = "|".join(sorted(_ZONES, key=len, reverse=True))

_ISO = re.compile(
    r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?(?!\d)",
)
_YMD = re.compile(r"(?<!\d)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)")
# Chinese, Japanese and Korean dates: "2020年07月12日", "2020年7月12日", "2020년 7월 12일".
_CJK = re.compile(r"(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d])")
_DMY_TEXT = re.compile(
    r"(?<![\w])(\d{1,2})(?:st|nd|rd|th|er|º|°|\.)?\s*(?:de\s+|of\s+|-)?"
    rf"({_MONTH_RE})\.?(?![^\W\d_]),?\s*(?:de\s+|-)?(\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_MDY_TEXT = re.compile(
    rf"(?=[{_MONTH_INITIALS}])"
    rf"(?<![^\W\d_])({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(?=\d)(?<![\d:])(\d{1,2})(?::|\.|h)(\d{2})(?::(\d{2}))?(?!\d)\s*"
    r"(?:(a\.?m\.?|p\.?m\.?)(?![a-z]))?\s*(?:uhr\b)?\s*"
    rf"(?:\(?\b({_ZONE_RE})\b(?!\s*[+-]\d)\)?|(?:utc|gmt)?\s*([+-]\d{{1,2}}(?::?\d{{2}})?))?",
    re.IGNORECASE,
)
_URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})([/_-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)",
)
# Day-first paths ("/meldungen/29-10-2021", "/detail/~02-01-2022-land-zahlte"): separators are
# required and the whole number stands between path punctuation, so "/1-2-2021abc" or a
# product number does not qualify; a US-English page reads it month first.
_URL_DMY = re.compile(
    r"(?<![\w.])(0?[1-9]|[12]\d|3[01])([-_.])(0?[1-9]|[12]\d|3[01])\2((?:19|20)\d{2})(?![^\W_])",
)

# What may precede a lead date: nothing, or a place name (up to four words) with a comma or an
# opening parenthesis ("BERLIN, ", "Frankfurt am Main (", "Karlsruhe, ("). A bare word without
# punctuation ("Am 27.1.2022 wurde …", "Seit 1. Oktober …") is prose and does not qualify.
_LEAD_PREFIX = re.compile(r"\s*(?:[^\W\d_]+(?:[ .'-]+[^\W\d_]+){0,3}\s*[,(]\s*)?[(\[]?\s*")
# What must follow it: a closing bracket and a separator, a clock time, or an opening quote.
_LEAD_SUFFIX = re.compile(r"\s*[)\]]?\s*(?:[-–—:|.,/„“\"«]|\d{1,2}[:.h]\d{2})")
# A date in brackets is set apart by the brackets themselves: "(21. November 2022) Die …".
_LEAD_CLOSING = re.compile(r"\s*[)\]]")
_LEAD_DATES = (_ISO, _DMY_TEXT, _MDY_TEXT, _YMD, _NUMERIC)

# "Updated" and "Published" labels of stamp lines, in the languages above. A stamp line is cut at
# these labels so that each part is read on its own.
_UPDATED_LABEL = (
    r"(?:last\s+)?(?:updated|modified|edited|revised)(?:\s+(?:on|at))?|zuletzt aktualisiert|"
    r"aktualisiert(?:\s+am)?|geändert(?:\s+am)?|bearbeitet(?:\s+am)?|\bstand\b|"
    r"mis à jour(?:\s+le)?|\bmàj\b|"
    r"modifié(?:\s+le)?|actualizad[oa](?:\s+el)?|última actualización|\bactualización\b|"
    r"aggiornat[oa](?:\s+il)?|ultimo aggiornamento|atualizad[oa](?:\s+em)?|"
    r"última atualização|bijgewerkt"
)
_PUBLISHED_LABEL = (
    r"(?:first\s+)?published(?:\s+(?:on|at))?|posted(?:\s+(?:on|at))?|\bcreated\b|"
    r"veröffentlicht(?:\s+am)?|erschienen(?:\s+am)?|publié(?:\s+le)?|publicad[oa](?:\s+(?:el|em))?|"
    r"pubblicat[oa](?:\s+il)?|gepubliceerd|\bdatum\b|\bfecha\b"
)
# The letters a label above starts with (either case). re tries all ~40 branches at every
# character of a line; this look-ahead first lets it pass the characters no label starts with
# (2.6x faster on AEB's stamp lines). A new label with another initial adds it here
# (tests/extract/test_dates.py checks every label's initial against this set).
_LABEL_INITIALS = "abcdefglmprsuvzú"
_LABEL = re.compile(
    rf"(?=[{_LABEL_INITIALS}])(?:({_UPDATED_LABEL})|({_PUBLISHED_LABEL}))", re.IGNORECASE
)
# Labels of the clock a page prints for "now" (forum and portal headers: "It is currently …",
# "Aktuelle Zeit: 14.10.2020, 12:18"): the date after them is the render time, never a stamp.
_NOW_LABEL = re.compile(
    r"\b(?:it is currently|current time|today is|aktuelle zeit|es ist jetzt|heute ist|"
    r"nous sommes le|date du jour|hoy es|fecha actual|oggi è|data di oggi|hoje é|data de hoje)\b",
    re.IGNORECASE,
)

# Labels of the date a forum member joined, printed in each post's author box ("Registriert:
# 18.09.2008, 05:56", "Join Date: Mar 2008", "Mitglied seit …"): the poster's date, never the
# post's, however near the thread's title it is printed.
_MEMBER_LABEL = re.compile(
    r"\b(?:registriert(?:\s+seit)?|mitglied seit|dabei seit|angemeldet seit|joined|join date|"
    r"registered(?:\s+since)?|member since|inscrit(?:\s+le)?|inscription|membre depuis|"
    r"registrad[oa](?:\s+(?:el|desde))?|miembro desde|iscritto(?:\s+il)?|lid sinds)\b",
    re.IGNORECASE,
)

# Labels of the day a source was read, printed in reference lists ("Abgerufen am 09.11.2022",
# "Retrieved March 3, 2023", "consulté le …"): the author's reading of another text.
_ACCESSED_LABEL = re.compile(
    r"\b(?:abgerufen(?:\s+am)?|zugriff\s+am|retrieved(?:\s+on)?|(?:last\s+)?accessed(?:\s+on)?|"
    r"consulté(?:\s+le)?|consultad[oa](?:\s+(?:el|em))?|geraadpleegd(?:\s+op)?)\b",
    re.IGNORECASE,
)
# German and Dutch print the "updated" participle after its date ("zuletzt am 02.12.2022
# aktualisiert", "… am 29. Januar 2020 um 19:37 Uhr bearbeitet"): such a label with nothing
# dated after it claims the date (and clock) right before it.
_TRAILING_UPDATED = re.compile(r"aktualisiert|geändert|bearbeitet|bijgewerkt", re.IGNORECASE)
_ENDS_WITH_DATE = re.compile(r"\d(?:\s*uhr)?\s*$", re.IGNORECASE)
_HAS_DIGIT_RE = re.compile(r"\d")
_HAS_LETTER = re.compile(r"[^\W\d_]")
# The three kinds of line whose date is never a stamp, searched at once (one pass per line).
_NOT_A_STAMP = re.compile(
    "|".join(f"(?:{p.pattern})" for p in (_NOW_LABEL, _MEMBER_LABEL, _ACCESSED_LABEL)),
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date read from a string: the value, how precise it is, and the text it came from."""

    value: datetime
    precision: Precision
    raw: str

    @property
    def day(self) -> tuple[int, int, int]:
        return (self.value.year, self.value.month, self.value.day)


@dataclass(frozen=True, slots=True)
class Stamp:
    """A visible stamp line read into its published and updated parts."""

    published: ParsedDate | None
    modified: ParsedDate | None


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _zone(abbr: str | None, offset: str | None) -> timezone | None:
    if abbr:
        minutes = _ZONES.get(abbr.lower())
        return None if minutes is None else timezone(timedelta(minutes=minutes))
    if offset:
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        hours = int(digits[:2]) if len(digits) >= 2 else int(digits)
        mins = int(digits[2:4]) if len(digits) >= 4 else 0
        if hours > 14 or mins > 59:
            return None
        return timezone(sign * timedelta(hours=hours, minutes=mins))
    return None


def _build(
    y: int, mo: int, d: int, hh: int = 0, mi: int = 0, ss: int = 0, tz: timezone | None = None
) -> datetime | None:
    if y < MIN_YEAR or y > 2100:
        return None
    try:
        return datetime(y, mo, d, hh, mi, ss, tzinfo=tz)
    except ValueError:
        return None


def _time_after(text: str, start: int) -> tuple[int, int, int, timezone | None, bool] | None:
    """The clock time printed right after (or, failing that, right before) a date."""
    window = text[start : start + TIME_WINDOW_CHARS + 16]
    match = _TIME.search(window)
    if match is None or match.start() > TIME_WINDOW_CHARS:
        return None
    return _read_time(match)


def _read_time(match: re.Match[str]) -> tuple[int, int, int, timezone | None, bool] | None:
    hh, mi = int(match.group(1)), int(match.group(2))
    ss = int(match.group(3)) if match.group(3) else 0
    ampm = (match.group(4) or "").lower().replace(".", "")
    if ampm:
        if not 1 <= hh <= 12:
            return None
        hh = hh % 12 + (12 if ampm == "pm" else 0)
    if hh > 23 or mi > 59 or ss > 59:
        return None
    tz = _zone(match.group(5), match.group(6))
    return hh, mi, ss, tz, bool(match.group(3))


def _with_time(
    text: str, date: tuple[int, int, int], end: int, before: str, raw: str
) -> ParsedDate | None:
    clock = _time_after(text, end)
    if clock is None and before:
        # "Published 10:05 AM EDT, Thu October 27, 2022": the time precedes the date
        matches = list(_TIME.finditer(before[-TIME_WINDOW_CHARS - 12 :]))
        clock = _read_time(matches[-1]) if matches else None
    if clock is None:
        value = _build(*date)
        return None if value is None else ParsedDate(value, "day", raw)
    hh, mi, ss, tz, has_seconds = clock
    value = _build(*date, hh, mi, ss, tz)
    if value is None:
        return None
    return ParsedDate(value, "second" if has_seconds else "minute", raw)


def parse_date(text: str, *, prefer_mdy: bool = False) -> ParsedDate | None:
    """Read the first date in ``text``; ``None`` when there is none or it is impossible.

    ``prefer_mdy`` decides ambiguous numeric dates (03/04/2023): month first on US-English
    pages, day first everywhere else.
    """
    text = text.strip()
    if not text or len(text) > 400:
        text = text[:400]
    raw = text[:120]
    best: tuple[int, ParsedDate] | None = None
    if _HAS_DIGIT_RE.search(text) is None:
        return None  # every form below has digits; the checks before each one are as cheap

    match = _ISO.search(text) if "-" in text else None
    if match is not None:
        y, mo, d = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if match.group(4):
            tz = _zone(None, match.group(7)) if match.group(7) not in (None, "Z") else None
            if match.group(7) == "Z":
                tz = UTC
            value = _build(
                y, mo, d, int(match.group(4)), int(match.group(5)), int(match.group(6) or 0), tz
            )
            prec: Precision = "second" if match.group(6) else "minute"
            if value is not None:
                return ParsedDate(value, prec, raw)
        found = _with_time(text, (y, mo, d), match.end(), text[: match.start()], raw)
        if found is not None:
            return found
    named = _HAS_LETTER.search(text) is not None  # month names are letters
    for regex, order in ((_MDY_TEXT, "mdy"), (_DMY_TEXT, "dmy")):
        match = regex.search(text) if named else None
        if match is None:
            continue
        if order == "mdy":
            mon, day, year = match.group(1), match.group(2), match.group(3)
        else:
            day, mon, year = match.group(1), match.group(2), match.group(3)
        month = _MONTHS.get(mon.lower())
        if month is None:
            continue
        found = _with_time(
            text, (int(year), month, int(day)), match.end(), text[: match.start()], raw
        )
        if found is not None and (best is None or match.start() < best[0]):
            best = (match.start(), found)
    if best is not None:
        return best[1]
    match = (_YMD.search(text) if "/" in text or "." in text else None) or (
        _CJK.search(text) if "年" in text or "년" in text else None
    )
    if match is not None:
        date = (int(match.group(1)), int(match.group(2)), int(match.group(3)))
        found = _with_time(text, date, match.end(), text[: match.start()], raw)
        if found is not None:
            return found
    match = _NUMERIC.search(text) if "." in text or "/" in text or "-" in text else None
    if match is not None:
        a, b, year = int(match.group(1)), int(match.group(3)), _year(match.group(4))
        if a > 12 or (not prefer_mdy and b <= 12) or match.group(2) == ".":
            day, month = a, b
        else:
            month, day = a, b
        found = _with_time(text, (year, month, day), match.end(), text[: match.start()], raw)
        if found is not None:
            return found
    return None


def lead_date(text: str, *, prefer_mdy: bool = False) -> ParsedDate | None:
    """The date a paragraph opens with, press-release style ("27.1.2022 - Bei der …",
    "Karlsruhe, (12.11.2021). …"); ``None`` when the paragraph does not start with one."""
    head = text.lstrip()[:LEAD_DATE_CHARS]
    for regex in _LEAD_DATES:
        match = regex.search(head)
        if match is None or _LEAD_PREFIX.fullmatch(head, 0, match.start()) is None:
            continue
        after = _LEAD_SUFFIX.match(head, match.end())
        if after is None and head[: match.start()].rstrip().endswith(("(", "[")):
            after = _LEAD_CLOSING.match(head, match.end())
        if after is None:
            continue
        found = parse_date(head[match.start() :], prefer_mdy=prefer_mdy)
        # the provenance shows the opening as printed: "Karlsruhe, (12.11.2021)."
        return None if found is None else replace(found, raw=head[: after.end()].strip())
    return None


def parse_relative(text: str, fetched_at: datetime | None) -> ParsedDate | None:
    """Resolve "5 mins ago", "vor 2 Stunden", "gestern" against the fetch time.

    Without a fetch time an age is not a date, so the result is ``None``. Sub-day ages give an
    instant; day-level ages give the calendar day (precision "day"). The reading of ages is
    :mod:`copydesk.enrich.relative`'s, shared with the teaser rails.
    """
    if fetched_at is None:
        return None
    age = search_age(text)
    resolved = resolve_age(age, fetched_at) if age is not None else None
    if resolved is None:
        return None
    precision: Precision = "day" if resolved.precision == "day" else "minute"
    return ParsedDate(resolved.published.replace(microsecond=0), precision, text.strip()[:120])


def parse_any(
    text: str, *, fetched_at: datetime | None, prefer_mdy: bool = False
) -> ParsedDate | None:
    """An absolute date if the text has one, else a relative age resolved against the fetch time."""
    return parse_date(text, prefer_mdy=prefer_mdy) or parse_relative(text, fetched_at)


def parse_stamp(text: str, *, fetched_at: datetime | None, prefer_mdy: bool = False) -> Stamp:
    """Read a visible stamp line into its published and updated parts.

    "Mar 3, 2023, 9:12 PM | Updated: Mar 4, 2023, 6:05 am" gives both; a line with only an
    "Updated" label gives only ``modified``; an unlabelled date is the publication date.
    """
    text = " ".join(text.split())[:400]
    if fetched_at is None and _HAS_DIGIT_RE.search(text) is None:
        return Stamp(None, None)  # no date without a digit, and no age without a fetch time
    stamp = _read_stamp(text, fetched_at=fetched_at, prefer_mdy=prefer_mdy)
    if (stamp.published or stamp.modified) and _NOT_A_STAMP.search(text):
        return Stamp(None, None)  # searched only for a dated line: most stamp texts have none
    return stamp


def _read_stamp(text: str, *, fetched_at: datetime | None, prefer_mdy: bool) -> Stamp:
    """:func:`parse_stamp` of a normalised line, not asking whether it is a stamp at all."""
    labels = list(_LABEL.finditer(text))
    published: ParsedDate | None = None
    modified: ParsedDate | None = None
    if not labels or labels[0].start() > 0:
        head = text[: labels[0].start()] if labels else text
        published = parse_any(head, fetched_at=fetched_at, prefer_mdy=prefer_mdy)
        if published is not None and labels and _trailing_updated(text, labels[0], head):
            # the provenance keeps the participle: "Zuletzt am 02.12.2022 aktualisiert"
            return Stamp(None, replace(published, raw=text[: labels[0].end()].strip()[:120]))
    for i, label in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        part = text[label.end() : end]
        found = parse_any(part, fetched_at=fetched_at, prefer_mdy=prefer_mdy)
        if found is None:
            continue
        # the provenance keeps the label with the date: "Updated: Mar 4, 2023, 6:05 am"
        found = replace(found, raw=text[label.start() : end].strip(" |,;")[:120])
        if label.group(1):
            modified = modified or found
        else:
            published = published or found
    return Stamp(published, modified)


def _trailing_updated(text: str, label: re.Match[str], head: str) -> bool:
    """ "… am 02.12.2022 aktualisiert": an updated participle right after the head's date (only
    spaces between) with no date of its own after it."""
    if _TRAILING_UPDATED.fullmatch(label.group(0)) is None or _ENDS_WITH_DATE.search(head) is None:
        return False
    return _HAS_DIGIT_RE.search(text, label.end()) is None


def member_since(text: str) -> bool:
    """Whether ``text`` labels the date a forum member joined ("Registriert:", "Joined")."""
    return _MEMBER_LABEL.search(text) is not None


def label_kind(text: str) -> str | None:
    """ "p" when the text carries a published label first, "m" for an updated label, else None."""
    match = _LABEL.search(text)
    if match is None:
        return None
    return "m" if match.group(1) else "p"


def url_date(url: str | None, *, prefer_mdy: bool = False) -> ParsedDate | None:
    """The date in a URL path ("/2023/03/03/", "/2023-03-03-", "/20230303/", "/29-10-2021"),
    if any."""
    if not url:
        return None
    path = url.split("?", 1)[0]
    scheme_end = path.find("//")
    if scheme_end >= 0:
        slash = path.find("/", scheme_end + 2)
        path = path[slash:] if slash >= 0 else ""
    match = _URL_DATE.search(path)
    if match is None:
        return _url_dmy(path, prefer_mdy=prefer_mdy)
    value = _build(int(match.group(1)), int(match.group(3)), int(match.group(4)))
    return None if value is None else ParsedDate(value, "day", match.group(0))


def _url_dmy(path: str, *, prefer_mdy: bool) -> ParsedDate | None:
    match = _URL_DMY.search(path)
    if match is None:
        return None
    a, b, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
    month_first = b > 12 or (prefer_mdy and a <= 12)
    day, month = (b, a) if month_first else (a, b)
    value = _build(year, month, day)
    return None if value is None else ParsedDate(value, "day", match.group(0))


def not_after(value: datetime, limit: datetime) -> bool:
    """Whether ``value`` is not later than ``limit``; naive values get the zone slack."""
    if (value.tzinfo is None) == (limit.tzinfo is None):
        return value <= limit
    slack = timedelta(hours=NAIVE_FUTURE_SLACK_HOURS)
    if value.tzinfo is None:
        return value <= limit.replace(tzinfo=None) + slack
    return value.replace(tzinfo=None) <= limit + slack


def plausible(value: datetime, fetched_at: datetime | None, *, now: datetime) -> bool:
    """A publication date must not lie after the fetch (or, unknown, after now) nor be ancient."""
    if value.year < MIN_YEAR:
        return False
    return not_after(value, fetched_at if fetched_at is not None else now)
