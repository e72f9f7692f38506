"""fastText language identification on the real lid.176 model (shipped in a wheel): a sure
answer on the text's head is kept, an unsure one is read again on the longer prefix."""

from __future__ import annotations

from copydesk.enrich.language import QUICK_TEXT_CHARS, LanguageIdentifier

GERMAN = (
    "Die Stadtverwaltung hat am Dienstag beschlossen, die alte Hafenbrücke noch vor dem Winter "
    "zu erneuern. Die Arbeiten beginnen im März und sollen elf Monate dauern, sagte die "
    "Bürgermeisterin. Anwohner hatten sich seit Jahren über den Zustand der Brücke beschwert. "
)
ENGLISH = (
    "The council voted on Tuesday to rebuild the old harbour bridge before winter. Work starts "
    "in March and is expected to take eleven months, the mayor said on the town hall steps. "
)


def test_long_text_is_identified_from_its_head(langid: LanguageIdentifier) -> None:
    guess = langid.identify(ENGLISH * 8)
    assert guess is not None and guess.language == "en" and guess.confidence >= 0.95


def test_unsure_head_is_read_again_on_the_longer_prefix(langid: LanguageIdentifier) -> None:
    # a head of names and numbers: the model leans to English but is not sure of it
    names = ("Anna Berg 12, Max Roth 7, Tom Lind 3, Eva Nord 9, Jan Ost 4; " * 9)[:QUICK_TEXT_CHARS]
    head = langid.identify(names)
    assert head is None or head.confidence < 0.95
    guess = langid.identify(names + " " + GERMAN * 2)
    assert guess is not None and guess.language == "de"


def test_short_text_is_not_identified(langid: LanguageIdentifier) -> None:
    assert langid.identify("Hafenbrücke") is None
