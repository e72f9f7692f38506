"""Bylines into people and credits."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.extract import people
from copydesk.extract.people import merge_people, parse_byline
from tests.regexes import top_level_branches


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


@pytest.mark.parametrize(
    ("byline", "authors", "credit"),
    [
        # a radio interview: both people, not "X im Gespräch"
        (
            "Richard Roe im Gespräch mit Karin Dahl",
            ("Richard Roe", "Karin Dahl"),
            None,
        ),
        ("Text und Interview: Harald Berg", ("Harald Berg",), None),
        ("Text und Fotos: Anna Berg", ("Anna Berg",), None),
        # hyphenating CSS leaves soft hyphens in the markup
        ("Von Mat\xadthi\xadas Lau\xaderer", ("Matthias Lauerer",), None),
        # an author box: name, dash, biography
        ("Stefan Stahl - Maschinenbauer, Abenteurer und Projektleiter", ("Stefan Stahl",), None),
        ("Von Peter Müller - dpa", ("Peter Müller",), "dpa"),
        ("Text von Christian Sauer Illustration von Markus Roth", ("Christian Sauer",), None),
        ("Text: Anna Berg, Fotos: Carl Dahl", ("Anna Berg",), None),
        ("Glen Owen and Brendan Carr For The Sunday Paper", ("Glen Owen", "Brendan Carr"), None),
        ("Auteur : Kofi Mensah", ("Kofi Mensah",), None),
        ("Redaktion: Eberhard Fink (Pressesprecher)", ("Eberhard Fink",), None),
        ("Autoren Jelko Doorn und Jutta Klee", ("Jelko Doorn", "Jutta Klee"), None),
        ("Pressemitteilung von Katja Kern", ("Katja Kern",), None),
        ("By Rob Picard, CNN", ("Rob Picard",), None),
        ("by Bob Yates, Phys.org", ("Bob Yates",), None),
        ("Marco Kranz, GIGA-Experte für Windows", ("Marco Kranz",), None),
        # a desk without a colon stays a desk; a picture credit is nobody's byline
        ("Redaktion", (), "Redaktion"),
        ("Foto: Ingo Schneider", (), None),
        ("Quelle: dpa", (), "dpa"),
        # organisations and publications named as the author
        ("Bund der Energieverbraucher e.V.", (), None),
        ("Web Commerce GmbH", (), None),
        ("Die FURCHE", (), None),
        ("The Local", (), None),
        # a blogger's lower-case nickname is a name, a sentence is not
        ("der Michel", ("der Michel",), None),
        ("Von Atemschutzmaske über Exit-Strategie bis Zoonose", (), None),
        ("e. barreneche / J. I. da silva", ("e. barreneche", "J. I. da silva"), None),
    ],
)
def test_parse_byline_shapes(byline: str, authors: tuple[str, ...], credit: str | None) -> None:
    people = parse_byline(byline)
    assert people.authors == authors
    assert people.credit == credit


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["the", "ap", "dpa", "afx", "-", " ", "press", "news", "agency", "pa"]),
        max_size=6,
    )
)
def test_agency_is_the_first_agency_pattern_that_matches(parts: list[str]) -> None:
    # the one-regex lookup names the same agency as trying the patterns one by one, in order
    key = " ".join("".join(parts).split()).strip(" .,:;-")  # agency() reads keys this way
    expected = next((name for pattern, name in people._AGENCIES if pattern.match(key)), None)
    assert people.agency(key) == expected


@pytest.mark.parametrize(
    ("regex", "initials"),
    [(people._DESK, people._DESK_INITIALS), (people._ROLE, people._ROLE_INITIALS)],
)
def test_every_desk_and_role_word_starts_with_a_listed_initial(
    regex: re.Pattern[str], initials: str
) -> None:
    # the look-ahead skips word starts no listed initial begins: a word added with a new
    # initial must add it, or it would never be found
    body = regex.pattern.split("(?:", 1)[1]
    depth = 1
    for end, char in enumerate(body):  # noqa: B007 - the group's end is wanted after the loop
        depth += (char == "(") - (char == ")")
        if depth == 0:
            break
    firsts = set()
    for branch in top_level_branches(body[:end]):
        if branch.startswith("(?:"):  # an optional lead: "(?:chef)?redakteur"
            firsts.add(branch[3])
            branch = branch[branch.index(")?") + 2 :]
        firsts.add(branch[0])
    assert len(firsts) > 5
    assert firsts <= set(initials)
    assert people.parse_byline("Anna Berg, Staff Writer").authors == ("Anna Berg",)
