"""Page furniture as data: related-story rails and notices (issue 4).

STUB written by the lead to fix the interface; the furniture work replaces the insides.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from copydesk.model import Teaser
from copydesk.parse.html import Document


@dataclass(frozen=True, slots=True)
class Furniture:
    related: tuple[Teaser, ...] = ()
    notices: tuple[str, ...] = ()


def extract_furniture(doc: Document, *, fetched_at: datetime | None = None) -> Furniture:
    """Find related rails and notices in the untouched tree. Must not modify ``doc.root``."""
    del doc, fetched_at
    return Furniture()
