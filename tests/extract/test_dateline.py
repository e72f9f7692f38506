"""Datelines in several languages and agencies."""

from __future__ import annotations

import pytest

from copydesk.extract.dateline import find_dateline


@pytest.mark.parametrize(
    ("lead", "place", "agency"),
    [
        ("NAIROBI, Kenya (AP) — Kenyan police said on Tuesday", "NAIROBI, Kenya", "AP"),
        ("LONDON, March 3 (Reuters) - Britain's economy grew", "LONDON", "Reuters"),
        ("PARIS (AFP) - Le gouvernement a annoncé mardi", "PARIS", "AFP"),
        ("Berlin (dpa) - Die Bundesregierung will", "Berlin", "dpa"),
        ("WASHINGTON — The Senate voted on Tuesday", "WASHINGTON", None),
        ("MADRID, 3 mar (EFE).- El Gobierno aprobó", "MADRID", "EFE"),
        ("ROMA, 3 gen (ANSA) - Il governo ha approvato", "ROMA", "ANSA"),
        ("Frankfurt/Main (dpa) - Die Börse", "Frankfurt/Main", "dpa"),
        ("SÃO PAULO (Reuters) - A bolsa subiu", "SÃO PAULO", "Reuters"),
    ],
)
def test_datelines(lead: str, place: str, agency: str | None) -> None:
    found = find_dateline(lead)
    assert found is not None
    assert (found.place, found.agency) == (place, agency)


@pytest.mark.parametrize(
    "lead",
    [
        "Yesterday — the council met again.",
        "BREAKING — Something happened.",
        "The Senate voted on Tuesday - a big day.",
        "U.S. — stocks fell.",
        "",
    ],
)
def test_not_datelines(lead: str) -> None:
    assert find_dateline(lead) is None
