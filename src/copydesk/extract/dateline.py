"""Datelines: the place and agency a story leads with ("NAIROBI, Kenya (AP) —").

The body keeps its text; this reads what the lead means. Forms covered:
"WASHINGTON —", "NAIROBI, Kenya (AP) —", "LONDON, March 3 (Reuters) -", "PARIS (AFP) -",
"Berlin (dpa) -", "MADRID, 3 mar (EFE).-", "ROME, Jan. 5 (ANSA) –". A mixed-case place counts only
with an agency in parentheses, since "Yesterday —" or "Meanwhile —" are not places.
"""

from __future__ import annotations

import re

from copydesk.extract.people import agency as normalise_agency
from copydesk.model import Dateline

# Upper-case lead words that are kickers, not places ("BREAKING —", "UPDATE —").
_KICKERS = frozenset(
    {
        "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "ANALYSIS", "OPINION",
        "EDITOR'S NOTE", "CORRECTION", "LIVE", "VIDEO", "PHOTOS", "NOTE", "FILE",
        "ADVERTISEMENT", "EILMELDUNG",
        "URGENT", "ALERT", "REVIEW", "COMMENT", "SPONSORED", "EXKLUSIV", "INTERVIEW", "FAQ", "Q&A",
    }
)  # fmt: skip
# Longest dateline lead we consider, in characters up to the dash.
MAX_LEAD_CHARS = 90

_UP = r"A-ZÀ-ÖØ-ÞĀ-ŽŁ"
_DATE = r"(?:[A-Za-zäéû]{3,9}\.?\s+\d{1,2}|\d{1,2}\.?\s+[A-Za-zäéû]{3,9}\.?)"
_DASH = r"(?:\s*\.?\s*(?:[-—–]{1,2}|:)\s*)"
_CAPS_PLACE = rf"[{_UP}][{_UP}'’.\- ]{{1,40}}"
_ANY_PLACE = rf"[{_UP}][^\W\d_][\w'’./\- ]{{0,30}}?"
_REGION = r"[A-Z][^\W\d_'’.\- ]*(?:[ '’.\-]+[^\W\d_]+)*\.?"

_CAPS = re.compile(
    rf"^(?P<place>{_CAPS_PLACE}?)(?:,\s*(?P<region>{_REGION}))?(?:,\s*{_DATE})?"
    rf"\s*(?:\((?P<agency>[^()]{{1,30}})\))?{_DASH}(?=\S)"
)
_MIXED = re.compile(
    rf"^(?P<place>{_ANY_PLACE})(?:,\s*(?P<region>{_REGION}))?(?:,\s*{_DATE})?"
    rf"\s*\((?P<agency>[^()]{{1,30}})\){_DASH}(?=\S)"
)


def _agency(text: str | None) -> str | None:
    if not text:
        return None
    text = " ".join(text.split())
    if not any(c.isalpha() for c in text):
        return None
    return normalise_agency(text) or text


def find_dateline(first_paragraph: str) -> Dateline | None:
    """The dateline of a story's first paragraph, or ``None`` when it has none."""
    lead = " ".join(first_paragraph[: MAX_LEAD_CHARS + 40].split())
    for regex, caps in ((_CAPS, True), (_MIXED, False)):
        match = regex.match(lead)
        if match is None or match.end() > MAX_LEAD_CHARS + 3:
            continue
        place = match.group("place").strip(" ,.")
        if caps and (len(place) < 2 or place in _KICKERS or not place.replace(" ", "").isupper()):
            continue
        if caps and len(place.replace(".", "")) <= 2 and not match.group("agency"):
            continue  # "U.S. — ..." openers and initials are not datelines without an agency
        region = match.group("region")
        if region:
            place = f"{place}, {region.strip(' ,')}"
        return Dateline(place=place, agency=_agency(match.group("agency")))
    return None
