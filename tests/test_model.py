"""The Article record: frozen, JSON round trip, the DESIGN.md §2 keys."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from copydesk.model import Article, Block, Dateline, Image, Quote, Teaser

CONTRACT_KEYS = {
    "url", "canonical_url", "page_type", "title", "authors", "credit", "dateline", "published",
    "modified", "language", "site_name", "description", "section", "tags", "images", "body",
    "text", "related", "notices", "paywalled", "provenance",
}  # fmt: skip


def sample() -> Article:
    return Article(
        url="https://news.example/a",
        canonical_url="https://news.example/a",
        page_type="article",
        title="A headline",
        authors=("Ann Lee", "Bo Chan"),
        credit="AP",
        dateline=Dateline(place="NAIROBI, Kenya", agency="AP"),
        published=datetime(2024, 3, 3, 21, 12, tzinfo=timezone(timedelta(hours=-5))),
        modified=datetime(2024, 3, 4, 6, 5),
        language="en",
        tags=("politics",),
        images=(Image(url="https://img.example/1.jpg", caption="A caption", credit="AP"),),
        body=(Block("paragraph", "One."), Block("heading", "Two"), Block("list_item", "Three")),
        related=(
            Teaser(
                title="Other story",
                url="https://news.example/b",
                authors=("X",),
                published=datetime(2024, 3, 1, tzinfo=UTC),
            ),
        ),
        notices=("Copyright 2024",),
        paywalled=False,
        provenance={"title": "jsonld"},
        quotes=(Quote(text="We will.", speaker="Ann Lee", cue="said"),),
    )


def test_to_dict_has_the_contract_keys_and_is_json() -> None:
    data = sample().to_dict()
    assert set(data) >= CONTRACT_KEYS
    assert json.loads(json.dumps(data)) == data
    assert data["published"] == "2024-03-03T21:12:00-05:00"
    assert data["modified"] == "2024-03-04T06:05:00"


def test_text_joins_blocks_with_a_blank_line() -> None:
    assert sample().text == "One.\n\nTwo\n\nThree"
    assert Article().text == ""


def test_round_trip() -> None:
    article = sample()
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article


def test_records_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample().title = "changed"  # type: ignore[misc]


def test_from_dict_rejects_unknown_kinds() -> None:
    with pytest.raises(ValueError):
        Block.from_dict({"kind": "sidebar", "text": "x"})
    with pytest.raises(ValueError):
        Article.from_dict({"page_type": "homepage"})


def test_default_article_is_other_and_empty() -> None:
    article = Article()
    assert article.page_type == "other"
    assert article.body == ()
