"""The furniture predicates' prefilters (a lower-cased word test before a case-blind search)
never change an answer: texts that only a case-blind match reads as a phrase still count."""

from __future__ import annotations

import pytest

from copydesk.text.patterns import is_boilerplate, is_copyright, is_notice


@pytest.mark.parametrize(
    "text",
    [
        "© 2024 Example Media. All rights reserved.",
        "Example Media — ALL RIGHTS RESERVED",
        "ALL R\u0130GHTS RESERVED",  # "İ": lower() gives "i" + U+0307, a case-blind match "i"
        "all r\u0131ghts reserved",  # dotless "ı"
        "Dieser Inhalt darf nicht veröffentlicht werden.",
        "Copyright Example Media",
        "Correction: An earlier version misspelled the mayor's name.",
    ],
)
def test_notices(text: str) -> None:
    assert is_notice(text)


@pytest.mark.parametrize(
    "text",
    [
        "We use Cookies to improve this site.",
        "Sign up for our newsletter",
        "\u017fubscribe now to keep reading",  # long "ſ" is an "s" to a case-blind match
        "Get the app: DOWNLOAD OUR APP today",
        "Read more",
        "Share this article",
        "12 comments",
        "Facebook | Twitter | Email",
    ],
)
def test_boilerplate(text: str) -> None:
    assert is_boilerplate(text)


@pytest.mark.parametrize(
    "text",
    [
        "The council approved the rights of way for the new bridge on Tuesday.",
        "She read the report twice before the vote.",
        "An update on the harbour works is expected in March.",
    ],
)
def test_prose_is_neither(text: str) -> None:
    assert not is_boilerplate(text)
    assert not is_copyright(text)
    assert not is_notice(text)
