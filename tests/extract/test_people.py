"""Bylines into people and credits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.extract.people import merge_people, parse_byline


@pytest.mark.parametrize(
    ("byline", "authors", "credit"),
    [
        ("By Jane Doe, Associated Press", ("Jane Doe",), "AP"),
        ("Jane Doe, The Associated Press", ("Jane Doe",), "AP"),
        ("By Jane Doe and John Roe, Staff Writers", ("Jane Doe", "John Roe"), None),
        ("Anna Berg, Carl Dahl and Eva Fors", ("Anna Berg", "Carl Dahl", "Eva Fors"), None),
        ("the Newsroom Staff with wire reports", (), "Newsroom Staff"),
        ("Reuters", (), "Reuters"),
        ("AFP", (), "AFP"),
        ("Von Peter Müller, dpa", ("Peter Müller",), "dpa"),
        ("By JANE DOE (jane.doe@example.com) @janedoe", ("JANE DOE",), None),
        ("Jane Doe and agencies", ("Jane Doe",), "agencies"),
        ("Par Marie Dupont, envoyée spéciale", ("Marie Dupont",), None),
        ("Agence France-Presse", (), "AFP"),
        ("Christoph Hein Chefredakteur", ("Christoph Hein",), None),
        ("Von R. R. am 3. März 2020", ("R. R.",), None),
        ("Posted by Konstantin @ 12:00 am", ("Konstantin",), None),
        ("Veröffentlicht am 8. Februar 2022 von Anna Berg", ("Anna Berg",), None),
        ("Artikel von: Anna Berg", ("Anna Berg",), None),
    ],
)
def test_parse_byline(byline: str, authors: tuple[str, ...], credit: str | None) -> None:
    people = parse_byline(byline)
    assert people.authors == authors
    assert people.credit == credit


def test_merge_dedups_and_prefers_agency_credit() -> None:
    people = merge_people(["Jane Doe", "jane doe", "The Associated Press", "Staff"])
    assert people.authors == ("Jane Doe",)
    assert people.credit == "AP"


@given(st.text(max_size=400))
def test_never_raises(text: str) -> None:
    people = parse_byline(text)
    assert all(name.strip() == name and name for name in people.authors)
