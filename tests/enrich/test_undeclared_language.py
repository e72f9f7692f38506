"""With no declaration, the body's function words answer for a confirmable language when the text
is plainly written in it: the test a declaration would pass, there and again on all the text the
model may read, each half holding its share. Anything else goes to fastText as before (results and
provenance asserted on the real lid.176 model)."""

from __future__ import annotations

import random

import pytest
from helpers_languages import STORY, WORDLESS
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk import extract
from copydesk.enrich.function_words import CONFIRMABLE, LANGUAGES
from copydesk.enrich.language import (
    SOURCE_MODEL,
    SOURCE_WORDS,
    BodyLanguage,
    LanguageIdentifier,
    confirms_declared,
    identify_body,
    plain_language,
)

LISTED = sorted(CONFIRMABLE)
OTHERS = sorted(set(STORY) - CONFIRMABLE)
# Latin-script languages with no word list at all, not even as a competitor.
NO_LIST = ["cy", "et", "eu", "fi", "hr", "hu", "is", "lt", "lv", "mt", "nds", "sk", "sl", "sq"]
NO_LIST += ["sw", "vi"]
ENGLISH_FURNITURE = (
    "Share this article on Facebook, Twitter or by email. Sign up for our newsletter and get the "
    "top stories of the day in your inbox. Read more about this topic in our archive. "
)


def test_the_languages_without_a_list_have_none() -> None:
    assert set(NO_LIST) <= set(STORY) and not set(NO_LIST) & set(LANGUAGES)


@pytest.mark.parametrize("language", LISTED)
def test_a_plain_story_is_answered_as_its_language(
    langid: LanguageIdentifier, language: str
) -> None:
    assert plain_language(STORY[language]) == language
    found = identify_body(langid, STORY[language], None)
    assert found == BodyLanguage(language, SOURCE_WORDS)
    guess = langid.identify(STORY[language])  # the tag is the one the model gives: no region
    assert guess is not None and guess.language == found.language


@pytest.mark.parametrize("written", OTHERS)
def test_no_other_story_is_answered_by_the_words(langid: LanguageIdentifier, written: str) -> None:
    assert plain_language(STORY[written]) is None
    found = identify_body(langid, STORY[written], None)
    guess = langid.identify(STORY[written])
    expected = BodyLanguage(guess.language, SOURCE_MODEL) if guess is not None else None
    assert found == expected  # exactly the model's answer, as before


@pytest.mark.parametrize("written", NO_LIST)
def test_a_language_without_a_list_confirms_no_declaration(
    langid: LanguageIdentifier, written: str
) -> None:
    # the most-hit listed language is the declaration most likely to be confirmed wrongly
    for declared in LISTED:
        assert not confirms_declared(STORY[written], declared), declared
        found = identify_body(langid, STORY[written], declared)
        assert found is None or found.source == SOURCE_MODEL


@pytest.mark.parametrize("written", sorted(STORY))
def test_no_head_of_a_story_is_answered_as_another_language(written: str) -> None:
    text = STORY[written]
    own = {None, written} if written in CONFIRMABLE else {None}
    for cut in range(60, len(text), 23):
        assert plain_language(text[:cut]) in own, cut


def test_where_the_words_answer_a_mix_the_model_agrees(langid: LanguageIdentifier) -> None:
    # a head of one story, then another whole: the words answer only where the text is plainly
    # one language, so only where fastText gives the same answer (on these mixes, it is sure)
    answered = 0
    for first in sorted(STORY):
        for second in sorted(STORY):
            for cut in range(40, 500, 40) if first != second else ():
                text = STORY[first][:cut] + " " + STORY[second]
                found = plain_language(text)
                if found is not None:
                    answered += 1
                    guess = langid.identify(text)
                    assert guess is not None and guess.language == found, (first, second, cut)
    assert answered > 300  # the plain ones are still answered: a listed story after a short head


@pytest.mark.parametrize("written", NO_LIST)
def test_furniture_in_a_listed_language_around_a_story_without_a_list_is_not_answered(
    written: str,
) -> None:
    assert plain_language(ENGLISH_FURNITURE + STORY[written]) is None
    assert plain_language(STORY[written][:250] + " " + ENGLISH_FURNITURE * 3) is None


def test_a_listed_story_after_short_furniture_is_answered() -> None:
    assert plain_language(ENGLISH_FURNITURE[:80] + STORY["de"]) is None  # a third is English
    assert plain_language("Home News Sport. " + STORY["de"]) == "de"


@pytest.mark.parametrize(
    "text",
    [
        *WORDLESS,
        "Emma Smith, John Brown, Anna Müller, Pedro Gómez, Marie Dubois and Luca Rossi " * 5,
    ],
)
def test_short_or_wordless_text_is_not_answered(text: str) -> None:
    assert plain_language(text) is None


def test_mixed_halves_are_not_answered() -> None:
    for first, second in (("en", "de"), ("de", "en"), ("es", "ca"), ("nl", "af"), ("fr", "it")):
        assert plain_language(STORY[first][:250] + " " + STORY[second]) is None, (first, second)


def test_another_script_anywhere_the_model_reads_is_not_answered() -> None:
    # English, then Georgian after the first window: a declaration of English is confirmed (the
    # model's first window is English), but with no declaration the model reads on and decides
    georgian = "ახლა კი სტატისტიკას გაგაცნობთ. ვირუსს სამი ადამიანი ემსხვერპლა. "
    text = STORY["en"] + " " + georgian * 4
    assert confirms_declared(text, "en")
    assert plain_language(text) is None
    assert plain_language(STORY["en"][:380] + " " + georgian * 4) is None
    assert plain_language(STORY["en"] + " " * 600 + georgian) == "en"  # beyond what it reads


def test_huge_text_reads_only_its_head() -> None:
    assert plain_language(STORY["fr"] * 20_000) == "fr"
    assert plain_language("x" * 5_000_000) is None
    assert plain_language(STORY["hu"] * 20_000) is None


def test_binary_junk_is_not_answered() -> None:
    junk = random.Random(7).randbytes(4000).decode("latin-1")
    assert plain_language(junk) is None
    assert plain_language(junk.encode("latin-1").decode("utf-8", "replace")) is None


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=1500))
def test_never_raises(text: str) -> None:
    assert plain_language(text) in {None, *CONFIRMABLE}


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(sorted({word for story in STORY.values() for word in story.split()})),
        min_size=0,
        max_size=250,
    )
)
def test_shuffled_words_of_all_stories_never_raise(words: list[str]) -> None:
    assert plain_language(" ".join(words)) in {None, *CONFIRMABLE}


def _undeclared_page(text: str) -> str:
    paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in text.split(". ") if sentence)
    return (
        "<html><head><title>Libraries to close</title></head><body><article>"
        f"<h1>Libraries to close</h1>{paragraphs}</article></body></html>"
    )


def test_extract_answers_an_undeclared_page_by_its_words() -> None:
    article = extract(_undeclared_page(STORY["it"]))
    assert article.language == "it"
    assert article.provenance["language"] == SOURCE_WORDS


def test_extract_leaves_an_undeclared_page_without_a_list_to_the_model(
    langid: LanguageIdentifier,
) -> None:
    article = extract(_undeclared_page(STORY["fi"]))
    assert article.language == "fi"
    assert article.provenance["language"] == SOURCE_MODEL
