"""The factored month-name alternation matches what the plain one did (speed work only)."""

from __future__ import annotations

import re

import pytest

from copydesk.extract import dates as D

_PLAIN = "|".join(sorted((re.escape(m) for m in D._MONTHS), key=len, reverse=True))


def _plain(pattern: re.Pattern[str]) -> re.Pattern[str]:
    assert D._MONTH_RE in pattern.pattern
    return re.compile(pattern.pattern.replace(D._MONTH_RE, _PLAIN), pattern.flags)


def test_trie_pattern_matches_exactly_its_words() -> None:
    words = ["mar", "march", "marzo", "mai", "may", "maggio", "m"]
    pattern = re.compile(f"(?:{D.trie_pattern(words)})")
    for word in words:
        assert pattern.fullmatch(word)
    for other in ["ma", "marc", "marchx", "maiy", "", "x"]:
        assert pattern.fullmatch(other) is None


def test_every_month_name_is_matched_whole() -> None:
    pattern = re.compile(f"(?:{D._MONTH_RE})", re.IGNORECASE)
    for name in D._MONTHS:
        assert pattern.fullmatch(name)
        assert pattern.fullmatch(name.upper()) or not name.upper().isalpha()


@pytest.mark.parametrize(
    "text",
    [
        "Published March 3, 2023 at 9:12 PM",
        "5. MÄRZ 2020, 10:00 Uhr",
        "Mar. 3 2020 | Updated Mar 4, 2020",
        "1er mai 2021",
        "1stmarch 2020 and 3 marzo, 2020",
        "3-ene-2020",
        "12 de septiembre de 2019",
        "Marchand 3, 2020; marzo3 2020",
        "15 января 2021 года",
        "٣ مارس 2020 / 3 مارس 2020",
        "Sept. 30, 2019 Sep 30 2019 sept 30 2019",
    ],
)
def test_month_date_patterns_match_as_the_plain_alternation(text: str) -> None:
    for pattern in (D._DMY_TEXT, D._MDY_TEXT):
        plain = [(m.span(), m.groups()) for m in _plain(pattern).finditer(text)]
        assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == plain
