"""The declared language confirmed by the body's function words: plain texts in a listed language
confirm their declaration; wrong declarations, close neighbours, short, mixed and junk texts never
do, and go to fastText as before (results and provenance asserted on the real lid.176 model)."""

from __future__ import annotations

import random

import pytest
from helpers_languages import STORY, WORDLESS
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import extract
from copydesk.enrich.function_words import CONFIRMABLE, LANGUAGES, WORD_LANGUAGES
from copydesk.enrich.language import (
    _LATIN_WORD,
    CHECK_CHARS,
    SOURCE_MODEL,
    SOURCE_SCRIPT,
    SOURCE_WORDS,
    LanguageIdentifier,
    confirmation,
    confirms_declared,
    identify_body,
)

UNLISTED = sorted(set(STORY) - CONFIRMABLE)  # as competitors or not at all


def test_every_confirmable_language_has_a_list_and_a_story() -> None:
    assert set(LANGUAGES) >= CONFIRMABLE and set(STORY) >= CONFIRMABLE
    for language in CONFIRMABLE:
        size = sum(1 for langs in WORD_LANGUAGES.values() if LANGUAGES.index(language) in langs)
        assert 40 <= size <= 120, language


def test_every_listed_word_is_one_lowercase_token() -> None:
    # a word with a capital, a digit or punctuation could never match a token of the text
    for word in WORD_LANGUAGES:
        assert _LATIN_WORD.fullmatch(word) and word == word.lower(), word


@pytest.mark.parametrize("language", sorted(CONFIRMABLE))
def test_a_plain_story_confirms_its_declaration(language: str) -> None:
    assert confirms_declared(STORY[language], language)
    assert confirms_declared(STORY[language], f"{language}-XX")  # a region does not matter


@pytest.mark.parametrize("declared", sorted(CONFIRMABLE))
@pytest.mark.parametrize("written", sorted(STORY))
def test_no_story_confirms_another_language(written: str, declared: str) -> None:
    if written != declared:
        assert not confirms_declared(STORY[written], declared)


@pytest.mark.parametrize("declared", sorted(CONFIRMABLE))
@pytest.mark.parametrize("written", sorted(STORY))
def test_no_head_of_a_story_confirms_another_language(written: str, declared: str) -> None:
    # the window may end anywhere: no prefix of a text in one language confirms another
    text = STORY[written]
    if written != declared:
        assert not any(confirms_declared(text[:cut], declared) for cut in range(60, len(text), 23))


@pytest.mark.parametrize("language", UNLISTED)
def test_languages_without_a_list_of_their_own_are_never_confirmed(language: str) -> None:
    assert not confirms_declared(STORY[language], language)


@pytest.mark.parametrize(
    ("written", "declared"),
    [
        ("de", "en"),
        ("pt", "es"),
        ("ca", "es"),
        ("es", "pt"),
        ("af", "nl"),
        ("da", "de"),
        ("no", "de"),
        ("sv", "de"),
        ("en", "fr"),
        ("it", "es"),
        ("ro", "it"),
        ("nl", "de"),
    ],
)
def test_a_wrong_declaration_goes_to_fasttext(
    langid: LanguageIdentifier, written: str, declared: str
) -> None:
    found = identify_body(langid, STORY[written], declared)
    assert found is not None and found.source == SOURCE_MODEL
    assert found.language == written  # the model's answer, as before


@pytest.mark.parametrize(("written", "declared"), [("gl", "pt"), ("gl", "es"), ("lb", "de")])
def test_a_close_neighbour_goes_to_fasttext(
    langid: LanguageIdentifier, written: str, declared: str
) -> None:
    found = identify_body(langid, STORY[written], declared)
    assert found is None or found.source == SOURCE_MODEL


def test_a_confirmed_declaration_keeps_its_region(langid: LanguageIdentifier) -> None:
    found = identify_body(langid, STORY["pt"], "pt-BR")
    assert found is not None and (found.language, found.source) == ("pt-BR", SOURCE_WORDS)


def test_the_confirmed_tag_is_the_one_fasttext_agreement_gives(langid: LanguageIdentifier) -> None:
    for language in sorted(CONFIRMABLE):
        guess = langid.identify(STORY[language])
        assert guess is not None and guess.language == language
        found = identify_body(langid, STORY[language], f"{language}-XX")
        assert found is not None and found.language == f"{language}-XX"
        assert found.source == SOURCE_WORDS


def test_no_declaration_and_no_list_goes_to_fasttext(langid: LanguageIdentifier) -> None:
    # (a plain text in a listed language is answered by its words: test_undeclared_language.py)
    found = identify_body(langid, STORY["sv"], None)
    assert found is not None and (found.language, found.source) == ("sv", SOURCE_MODEL)


@pytest.mark.parametrize("text", WORDLESS)
def test_short_or_wordless_text_is_not_confirmed(text: str) -> None:
    assert not confirms_declared(text, "en")


def test_mixed_text_is_not_confirmed() -> None:
    half = CHECK_CHARS // 2
    for first, second in (("en", "de"), ("de", "en"), ("es", "ca"), ("nl", "af"), ("pt", "gl")):
        mixed = STORY[first][:half] + " " + STORY[second]
        assert not confirms_declared(mixed, first), (first, second)


def test_a_window_with_another_script_is_not_confirmed() -> None:
    # English player boilerplate, then the story in Georgian: the model must read it
    georgian = "ახლა კი სტატისტიკას გაგაცნობთ. ვირუსს სამი ადამიანი ემსხვერპლა. "
    assert not confirms_declared(STORY["en"][:380] + " " + georgian * 4, "en")
    assert confirms_declared(STORY["en"] + " " + georgian * 4, "en")  # beyond the window


def test_huge_text_reads_only_its_head() -> None:
    assert confirms_declared(STORY["fr"] * 20_000, "fr")
    assert not confirms_declared(STORY["fr"] * 20_000, "es")
    assert not confirms_declared("x" * 5_000_000, "en")


def test_binary_junk_is_not_confirmed() -> None:
    junk = random.Random(7).randbytes(4000).decode("latin-1")
    for language in sorted(CONFIRMABLE):
        assert not confirms_declared(junk, language)


@pytest.mark.parametrize("declared", ["", "x", "zz-ZZ", "sv", "ja", "-", "-en"])
def test_odd_or_unlisted_declarations_are_not_confirmed(declared: str) -> None:
    text = STORY["sv"] if declared == "sv" else STORY["en"]
    assert not confirms_declared(text, declared)


def test_the_primary_subtag_is_read_as_body_language_reads_it() -> None:
    # fastText's agreement compares the part before the first "-"; so does the check
    assert confirms_declared(STORY["en"], "EN") and confirms_declared(STORY["en"], "en-")


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=800), declared=st.sampled_from([*sorted(LANGUAGES), "en-US", ""]))
def test_never_raises(text: str, declared: str) -> None:
    assert isinstance(confirms_declared(text, declared), bool)


@pytest.mark.parametrize("language", ["ko", "ja", "el"])
def test_a_script_only_one_language_writes_confirms_it(
    langid: LanguageIdentifier, language: str
) -> None:
    guess = langid.identify(STORY[language])
    assert guess is not None and guess.language == language  # the same answer as the model's
    found = identify_body(langid, STORY[language], f"{language}-XX")
    assert found is not None and (found.language, found.source) == (f"{language}-XX", SOURCE_SCRIPT)


@pytest.mark.parametrize(
    ("written", "declared"),
    [("zh", "ja"), ("ko", "ja"), ("ja", "ko"), ("el", "ko"), ("ru", "el"), ("en", "ja")],
)
def test_another_script_does_not_confirm(
    langid: LanguageIdentifier, written: str, declared: str
) -> None:
    assert confirmation(STORY[written], declared) is None
    found = identify_body(langid, STORY[written], declared)
    assert found is not None and (found.language, found.source) == (written, SOURCE_MODEL)


def test_a_script_confirms_only_a_plain_window() -> None:
    assert confirmation(STORY["ko"][:40], "ko") is None  # too few letters
    # a Japanese page whose head is mostly English names: too little kana, too much Latin
    names = "Kindle for PC Amazon Kindle Desktop App KeePass Ctrl Alt K Windows "
    assert confirmation(names * 5 + STORY["ja"][:60], "ja") is None
    assert confirmation(STORY["en"][:300] + STORY["el"], "el") is None
    assert confirmation(STORY["ru"], "ru") is None  # Cyrillic is written by many languages


def _page(lang: str, text: str) -> str:
    paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in text.split(". ") if sentence)
    return (
        f'<html lang="{lang}"><head><title>Libraries to close</title></head><body><article>'
        f"<h1>Libraries to close</h1>{paragraphs}</article></body></html>"
    )


def test_extract_confirms_a_plain_declaration() -> None:
    article = extract(_page("nl-BE", STORY["nl"]))
    assert article.language == "nl-BE"
    assert article.provenance["language"] == SOURCE_WORDS


def test_extract_still_corrects_a_wrong_declaration(langid: LanguageIdentifier) -> None:
    article = extract(_page("nl", STORY["af"]))
    assert article.language == "af"
    assert article.provenance["language"] == SOURCE_MODEL
