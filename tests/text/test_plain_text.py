"""Plain-text input: the typical scraped shape, other scrapes, and bad input."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import copydesk
from copydesk.model import Article

FETCHED = datetime(2025, 1, 10, 9, 0, tzinfo=UTC)
TITLE = "Kenya's president signs contested finance bill into law"
BODY = [
    "NAIROBI, Kenya (AP) — Kenya's president on Friday signed into law a finance bill that "
    "critics say will raise the cost of living, despite weeks of protests in the capital.",
    "The bill raises taxes on fuel and mobile money transfers, and introduces a housing levy that "
    "workers and employers will share, according to the presidency.",
    "\u201cWe cannot keep borrowing to pay salaries,\u201d the president told a gathering in "
    "Nairobi. Opposition leaders said they would challenge the law in court.",
]
COPYRIGHT = (
    "Copyright © The Associated Press. All rights reserved. This material may not be published, "
    "broadcast, rewritten or redistributed."
)
AP_PAGE = "\n\n".join(
    [
        "AP",
        TITLE,
        "Mar 3, 2023, 9:12 PM | Updated: Mar 4, 2023, 6:05 am",
        *BODY,
        COPYRIGHT,
        "Photo: Protesters gather outside the state capitol in Austin on Monday....",
        "Jane Doe, John Roe and Ann Poe, The Associated Press",
        "Texas lawmakers pass abortion restrictions after long debate",
        "The state Senate approved the measure late Monday after a 14-hour session.",
        "9 hours ago",
        "Image: A firefighter sprays water on a burning house in Maui....",
        "Associated Press",
        "Wildfire destroys hundreds of homes on Maui island",
        "Officials said the death toll is expected to rise as search teams reach burned areas.",
        "2 days ago",
        TITLE,
    ]
)


def extract(text: str | bytes, **kw: object) -> Article:
    return copydesk.extract(text, input="text", **kw)  # type: ignore[arg-type]


def test_typical_ap_scrape_gives_every_field() -> None:
    a = extract(AP_PAGE, fetched_at=FETCHED, url="https://apnews.example/a")
    assert a.page_type == "article"
    assert a.title == TITLE
    assert a.published == datetime(2023, 3, 3, 21, 12)
    assert a.modified == datetime(2023, 3, 4, 6, 5)
    assert a.credit == "AP"
    assert a.dateline is not None and a.dateline.place == "NAIROBI, Kenya"
    assert a.dateline.agency == "AP"
    assert [b.text for b in a.body] == BODY
    assert a.notices == (COPYRIGHT,)
    assert [t.title for t in a.related] == [
        "Texas lawmakers pass abortion restrictions after long debate",
        "Wildfire destroys hundreds of homes on Maui island",
    ]
    first, second = a.related
    assert first.authors == ("Jane Doe", "John Roe", "Ann Poe")
    assert (
        first.image_caption == "Protesters gather outside the state capitol in Austin on Monday...."
    )
    assert (
        first.summary
        == "The state Senate approved the measure late Monday after a 14-hour session."
    )
    assert first.age_text == "9 hours ago"
    assert first.published == datetime(2025, 1, 10, 0, 0, tzinfo=UTC)
    assert second.authors == ()
    assert second.published == datetime(2025, 1, 8, tzinfo=UTC)
    assert a.provenance["related[1].published"] == "text:age/day"
    assert a.provenance["related[0].published"] == "text:age/hour"


def test_auto_detects_text_and_gives_the_same_article() -> None:
    assert copydesk.extract(AP_PAGE, fetched_at=FETCHED) == extract(AP_PAGE, fetched_at=FETCHED)


def test_without_fetch_time_ages_stay_unresolved() -> None:
    a = extract(AP_PAGE)
    assert [t.age_text for t in a.related] == ["9 hours ago", "2 days ago"]
    assert all(t.published is None for t in a.related)


def test_windows_line_endings_give_the_same_article() -> None:
    assert extract(AP_PAGE.replace("\n", "\r\n"), fetched_at=FETCHED) == extract(
        AP_PAGE, fetched_at=FETCHED
    )


def test_no_blank_lines_splits_per_line() -> None:
    a = extract(AP_PAGE.replace("\n\n", "\n"), fetched_at=FETCHED)
    assert a.page_type == "article"
    assert [b.text for b in a.body] == BODY
    assert len(a.related) == 2


def test_menus_cookies_share_rows_and_footers_are_not_body() -> None:
    page = "\n\n".join(
        [
            "Skip to content",
            "Home",
            "World",
            "Politics",
            "Business",
            "Sport",
            "Search",
            "We use cookies to improve your experience. By continuing you accept our cookies.",
            "Accept all",
            TITLE,
            "By Jane Doe",
            "12 comments",
            *BODY,
            "Share this article",
            "Facebook",
            "Twitter",
            "Email",
            "Sign up for our newsletter",
            "About us",
            "Contact us",
            "Privacy Policy",
            "© 2025 Example Media Ltd",
        ]
    )
    a = extract(page)
    assert a.text == "\n\n".join(BODY)
    assert a.title == TITLE
    assert a.authors == ("Jane Doe",)
    assert a.notices == ("© 2025 Example Media Ltd",)


def test_subheads_and_list_items_inside_the_body() -> None:
    page = "\n\n".join(
        [
            TITLE,
            BODY[0],
            "What the law changes",
            BODY[1],
            "• Fuel taxes rise by 8 percent.",
            "• Mobile transfers pay a new levy.",
            BODY[2],
        ]
    )
    kinds = [b.kind for b in extract(page).body]
    assert kinds == ["paragraph", "heading", "paragraph", "list_item", "list_item", "paragraph"]


def test_only_a_rail_is_a_listing() -> None:
    page = "\n\n".join(
        [
            "World news",
            "Latest news",
            "Kenya signs finance bill despite protests",
            "The president signed it on Friday.",
            "2 hours ago",
            "Floods displace thousands in southern Brazil",
            "Rescue teams worked through the night.",
            "5 hours ago",
        ]
    )
    a = extract(page, fetched_at=FETCHED)
    assert a.page_type == "listing"
    assert a.body == ()
    assert [t.title for t in a.related] == [
        "Kenya signs finance bill despite protests",
        "Floods displace thousands in southern Brazil",
    ]


def test_correction_and_update_notes_are_notices_not_body() -> None:
    notes = [
        "Correction: An earlier version of this story misstated the date of the vote.",
        "This story has been updated to include comments from the opposition.",
    ]
    a = extract("\n\n".join([TITLE, *BODY, *notes]))
    assert list(a.notices) == notes
    assert a.text == "\n\n".join(BODY)


@pytest.mark.parametrize(
    "page",
    [
        "",
        "   \n\n \t ",
        "\x00\x01\x02",
        "one line without any break " * 20_000,
        "a\nb\nc\n" * 1000,
        "\ud800 lone surrogate",
        "Photo:\n\n9 hours ago\n\nAssociated Press",
    ],
)
def test_bad_input_gives_an_article(page: str) -> None:
    a = extract(page)
    assert isinstance(a, Article)
    assert a.page_type in ("article", "listing", "other")


def test_binary_and_mixed_encodings_give_an_article() -> None:
    mixed = AP_PAGE.encode("utf-8") + "\n\nCafé crème à la française".encode("latin-1")
    a = extract(mixed, fetched_at=FETCHED)
    assert a.title == TITLE and len(a.body) == 3
    assert isinstance(extract(bytes(range(256)) * 100), Article)


def test_five_megabytes_of_text_is_bounded() -> None:
    a = extract(AP_PAGE * (5_000_000 // len(AP_PAGE)), fetched_at=FETCHED)
    assert a.page_type == "article"
    assert len(a.related) <= 200


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=120), max_size=30), st.sampled_from(["\n\n", "\n", "\r\n\r\n"]))
def test_never_raises(parts: list[str], sep: str) -> None:
    a = extract(sep.join(parts), fetched_at=FETCHED)
    assert isinstance(a, Article)
    a.to_dict()
    for block in a.body:
        assert block.text.strip()


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_never_raises_on_bytes(data: bytes) -> None:
    assert isinstance(extract(data), Article)


def test_photo_credit_between_paragraphs_is_not_a_notice() -> None:
    page = "\n\n".join([TITLE, BODY[0], "© REUTERS / POOL", *BODY[1:], "© Example Media"])
    a = extract(page)
    assert a.notices == ("© Example Media",)
    assert a.text == "\n\n".join(BODY)


def test_inline_read_more_line_is_a_teaser_not_body() -> None:
    page = "\n\n".join([TITLE, BODY[0], "Read more: Kenya's debt crisis explained", *BODY[1:]])
    a = extract(page)
    assert [t.title for t in a.related] == ["Kenya's debt crisis explained"]
    assert a.text == "\n\n".join(BODY)


_WORDS = st.text(alphabet=st.sampled_from("abcdefgh ABC.,;:!?\n•-1"), max_size=200)


@settings(max_examples=100, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=20))
def test_every_body_block_occurs_in_the_input(parts: list[str]) -> None:
    page = "\n\n".join(parts)
    flat = " ".join(page.split())
    for block in extract(page).body:
        # list items lose their marker, everything keeps its words in order
        assert " ".join(block.text.split()) in flat


def test_every_body_block_of_the_ap_page_occurs_in_it() -> None:
    flat = " ".join(AP_PAGE.split())
    assert all(block.text in flat for block in extract(AP_PAGE).body)


def test_results_lines_of_capitalised_sentences_are_body() -> None:
    # box scores: names and numbers, mostly capitalised, but several sentences per line
    results = [
        "Viera (4-0): K. Hupfer 1 goal. L. Patikas 1 goal. Z. Nielsen 1 goal. A. Sanger 2 saves.",
        "Melbourne (3-0): Osas Osaro 3 goals, 1 assist. Aden O'Hara 2 goals. Mekhi Ross 1 goal.",
        "Palm Bay (1-0): Noah Jackson 1 goal, 1 assist. Sheldon Bryan 1 goal. Javier Diaz 1 goal.",
        "Rockledge (3-1): C. Martinez 1 goal. D. Robbins 1 save. T. Owens 4 saves. J. Lee 1 goal.",
    ]
    page = "\n\n".join(["Home", "Sports", "High school roundup for Tuesday night", *results])
    article = extract(page)
    assert [b.text for b in article.body] == results
    # one capitalised line with a single stop is a headline-like label, not sentences
    assert extract("\n\n".join(["Home", "Palm Bay beats Rockledge 70-44."])).body == ()


def test_short_line_between_paragraphs_is_a_paragraph() -> None:
    answer = "Not yet."  # too short for a sentence: on its own, a label
    page = "\n\n".join([TITLE, BODY[0], BODY[1], answer, BODY[2], "Home", "Contact us"])
    texts = [b.text for b in extract(page).body]
    assert texts == [BODY[0], BODY[1], answer, BODY[2]]


@pytest.mark.parametrize(
    "label",
    ["Story continues below advertisement", "Weiterlesen nach der Anzeige", "Advertisement"],
)
def test_ad_label_between_paragraphs_is_not_body(label: str) -> None:
    page = "\n\n".join([TITLE, BODY[0], BODY[1], label, BODY[2]])
    assert [b.text for b in extract(page).body] == BODY
