"""copydesk.extract: the public entry point."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import copydesk

PAGE = (
    "<html><head><title>Ferry service resumes</title></head><body><nav><a href='/'>Home</a></nav>"
    "<article><h1>Ferry service resumes</h1><p>The island ferry resumed service on Monday after "
    "a three-week repair, the operator said, with the first boat leaving at 6 a.m.</p>"
    "<p>Passengers had used a smaller charter vessel in the meantime, which carried no cars and "
    "ran only twice a day.</p></article></body></html>"
)


def test_str_and_bytes_give_the_same_body() -> None:
    from_str = copydesk.extract(PAGE)
    from_bytes = copydesk.extract(PAGE.encode("utf-8"))
    assert from_str.body == from_bytes.body
    assert [b.kind for b in from_str.body] == ["paragraph", "paragraph"]
    assert from_str.text.startswith("The island ferry resumed service on Monday")


def test_url_is_kept() -> None:
    assert copydesk.extract(PAGE, url="https://x.example/a").url == "https://x.example/a"


def test_fetched_at_is_accepted() -> None:
    article = copydesk.extract(PAGE, fetched_at=datetime(2025, 1, 1, tzinfo=UTC))
    assert article.body


def test_bytes_in_a_legacy_charset_are_decoded() -> None:
    page = (
        '<html><head><meta charset="windows-1252"></head><body><article><p>Der Bürgermeister '
        "eröffnete am Montag die neue Brücke über die Saale, die größte der Region.</p>"
        "</article></body></html>"
    ).encode("cp1252")
    assert "Bürgermeister eröffnete" in copydesk.extract(page).text


def test_input_text_treats_markup_as_text() -> None:
    prose = (
        "The harbour master said the <b> tag in this sentence is just text, not markup, and that "
        "the new pier would open in the spring once the inspectors had signed off on the work. "
        "Fishermen welcomed the news, though several said the delay had already cost them most "
        "of a season and that compensation talks with the council were still going nowhere."
    )
    article = copydesk.extract(prose + "\n\n" + prose, input="text")
    assert "the <b> tag in this sentence" in article.text


def test_input_html_forces_html() -> None:
    article = copydesk.extract(
        "no markup sniffed here but <p>a paragraph that is long enough to be the body of "
        "this little page, with a full stop.</p>",
        input="html",
    )
    assert "a paragraph that is long enough" in article.text


def test_bad_input_argument_raises() -> None:
    with pytest.raises(ValueError):
        copydesk.extract(PAGE, input="pdf")
    with pytest.raises(TypeError):
        copydesk.extract(123)  # type: ignore[arg-type]


def test_plain_text_language_says_which_reader_named_it() -> None:
    # plain text declares nothing: plain English prose is named by its function words, a text
    # in a language without a word list by the model; provenance says which
    english = (
        "The council said on Tuesday that the new bridge over the river would open in the spring, "
        "and that the road to the harbour would be closed for two weeks while the work was done. "
        "Residents who live near the site were told that the noise would stop by the evening."
    )
    finnish = (
        "Kaupunginvaltuusto päätti tiistaina, että uusi silta avataan keväällä. Sataman tie "
        "suljetaan kahdeksi viikoksi töiden ajaksi, ja lähistön asukkaille kerrottiin, että melu "
        "loppuu iltaisin. Hanke on ollut suunnitteilla jo vuosia, ja sen kustannukset nousivat."
    )
    finnish = f"{finnish}\n\n{finnish}"  # Finnish runs long words: one paragraph is < 45 words
    article = copydesk.extract(english, input="text")
    assert (article.language, article.provenance.get("language")) == ("en", "text:function-words")
    article = copydesk.extract(finnish, input="text")
    assert (article.language, article.provenance.get("language")) == ("fi", "text:fasttext")
