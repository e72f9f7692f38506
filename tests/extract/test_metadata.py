"""Metadata extraction on pages written in real sites' shapes (tests/fixtures/metadata/)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from copydesk.enrich.language import LanguageIdentifier
from copydesk.extract.metadata import Metadata, complete_metadata, extract_metadata
from copydesk.model import Block
from copydesk.parse.html import parse_html

FIXTURES = Path(__file__).parent.parent / "fixtures" / "metadata"
FETCHED = datetime(2023, 6, 1, 12, 0, tzinfo=UTC)


def _paragraphs(html: str) -> list[Block]:
    doc = parse_html(html)
    assert doc is not None
    return [
        Block("paragraph", " ".join("".join(p.itertext()).split()))
        for p in doc.root.iter("p")
        if "".join(p.itertext()).strip()
    ]


def meta_of(
    name: str, url: str | None = None, *, fetched_at: datetime | None = FETCHED
) -> Metadata:
    html = (FIXTURES / name).read_text(encoding="utf-8")
    doc = parse_html(html, url)
    assert doc is not None
    meta = extract_metadata(doc, fetched_at=fetched_at)
    return complete_metadata(meta, _paragraphs(html), fetched_at=fetched_at)


def test_jsonld_gives_both_dates_with_zone_and_provenance() -> None:
    meta = meta_of("jsonld_both_dates.html", "https://ledger.example/local/council-budget?x=1")
    est = timezone(timedelta(hours=-5))
    assert meta.published == datetime(2023, 3, 3, 21, 12, tzinfo=est)
    assert meta.modified == datetime(2023, 3, 4, 6, 5, tzinfo=est)
    assert meta.provenance["published"] == "jsonld:datePublished=2023-03-03T21:12:00-05:00"
    assert meta.provenance["modified"].startswith("jsonld:dateModified=")


def test_jsonld_graph_authors_and_id_references() -> None:
    meta = meta_of("jsonld_both_dates.html")
    assert meta.authors == ("Jane Doe", "John Roe")
    assert meta.provenance["authors"] == "jsonld:author"
    assert meta.credit is None


def test_title_site_and_other_fields() -> None:
    meta = meta_of("jsonld_both_dates.html", "https://ledger.example/local/council-budget")
    assert meta.title == "Council approves new budget after long debate"
    assert meta.site_name == "The Springfield Ledger"
    assert meta.canonical_url == "https://ledger.example/local/council-budget"
    assert meta.description == "The city council voted 7-2 on Tuesday."
    assert meta.section == "Local"
    assert meta.tags == ("budget", "city council")
    assert meta.language == "en-US"
    assert meta.paywalled is False
    assert meta.page_type == "article"


def test_images_lead_first_with_caption_and_credit() -> None:
    meta = meta_of("jsonld_both_dates.html", "https://ledger.example/local/council-budget")
    assert meta.images, "the og:image lead image is expected"
    lead = meta.images[0]
    assert lead.url == "https://cdn.ledger.example/img/council.jpg"
    assert lead.caption == "Council members vote on Tuesday."
    assert lead.credit == "Photo: Ann Lee"
    assert lead.alt == "Council chamber"
    assert len(meta.images) == 1  # the figure is the same picture: not repeated


def test_related_rail_date_does_not_win() -> None:
    meta = meta_of("jsonld_both_dates.html")
    assert meta.published is not None and meta.published.year == 2023
    rail = meta_of("related_rail.html")
    assert rail.published == datetime(2023, 5, 8)
    assert rail.provenance["published"] == "dom:stamp=Posted May 8, 2023"


def test_only_visible_updated_line_gives_modified_not_published() -> None:
    meta = meta_of("updated_stamp_only.html")
    assert meta.modified == datetime(2023, 3, 4, 6, 5)
    assert meta.modified.tzinfo is None  # the page gives no zone: naive
    assert meta.published is None
    assert meta.dateline is not None and meta.dateline.place == "KÖLN"
    assert meta.dateline.agency == "dpa"
    assert meta.credit == "dpa"
    assert meta.title == "Hochwasser am Rhein: Pegel steigt weiter"


def test_stamp_line_gives_both_and_comment_date_is_ignored() -> None:
    meta = meta_of("stamp_both.html")
    assert meta.published == datetime(2023, 3, 3, 21, 12)
    assert meta.modified == datetime(2023, 3, 4, 6, 5)
    assert meta.authors == ("Jane Doe",)
    assert meta.credit == "AP"
    assert "troll99" not in meta.authors
    assert meta.dateline is not None
    assert (meta.dateline.place, meta.dateline.agency) == ("NAIROBI, Kenya", "AP")


def test_wire_story_published_line_with_zone() -> None:
    meta = meta_of("wire_visible_published.html")
    edt = timezone(timedelta(hours=-4))
    assert meta.published == datetime(2022, 10, 27, 10, 5, tzinfo=edt)
    assert meta.authors == ()
    assert meta.credit == "Reuters"
    assert meta.title == "Markets rally on rate hopes"
    assert meta.dateline is not None and meta.dateline.place == "LONDON"


def test_desk_byline_is_not_a_person() -> None:
    meta = meta_of("desk_byline.html")
    assert meta.authors == ()
    assert meta.credit == "Newsroom Staff"


def test_date_after_fetch_time_is_rejected() -> None:
    early = datetime(2023, 3, 1, tzinfo=UTC)
    meta = meta_of("jsonld_both_dates.html", fetched_at=early)
    assert meta.published is None or meta.published <= early


def test_listing_consent_and_paywall() -> None:
    assert meta_of("listing.html").page_type == "listing"
    consent = meta_of("consent_wall.html")
    assert consent.page_type == "other"
    paywalled = meta_of("paywall_teaser.html")
    assert paywalled.paywalled is True
    assert paywalled.provenance["paywalled"] == "jsonld:isAccessibleForFree"
    assert paywalled.authors == ("Maria Silva",)


def test_bad_jsonld_never_raises_and_gives_no_impossible_dates() -> None:
    meta = meta_of("bad_jsonld.html", fetched_at=None)
    assert meta.published is None
    assert meta.title == "Broken data page"


def test_extract_metadata_does_not_modify_the_tree() -> None:
    html = (FIXTURES / "stamp_both.html").read_text(encoding="utf-8")
    doc = parse_html(html)
    assert doc is not None
    from lxml import etree

    before = etree.tostring(doc.root)
    extract_metadata(doc, fetched_at=FETCHED)
    assert etree.tostring(doc.root) == before


def test_language_from_text_beats_wrong_declaration() -> None:
    html = (
        '<html lang="en"><body><h1>Titel</h1><p>Die Bundesregierung hat am Dienstag beschlossen, '
        "dass die Mehrwertsteuer auf Lebensmittel im kommenden Jahr gesenkt wird.</p></body></html>"
    )
    doc = parse_html(html)
    assert doc is not None
    meta = extract_metadata(doc)
    assert meta.language == "en"
    done = complete_metadata(meta, _paragraphs(html), langid=LanguageIdentifier())
    assert done.language == "de"
    assert done.provenance["language"] == "text:fasttext"


@pytest.mark.parametrize(
    "html",
    [
        "<html></html>",
        "<html><head><script type='application/ld+json'>{{{{</script></head></html>",
        "<html><head><script type='application/ld+json'>" + "[" * 5000 + "</script></head></html>",
        "<html><body><time datetime='99999-99-99'>x</time><time>0000-00-00</time></body></html>",
        "<html><head><meta property='og:image' content=''><meta name='author' content=''></head>"
        "<body><figure><img></figure><p class='byline'></p></body></html>",
    ],
)
def test_junk_never_raises(html: str) -> None:
    doc = parse_html(html)
    if doc is None:
        return
    meta = extract_metadata(doc, fetched_at=FETCHED)
    assert meta.published is None
    complete_metadata(meta, [], fetched_at=FETCHED)


def test_same_instant_keeps_the_pages_local_offset() -> None:
    html = (
        '<html><head><script type=\'application/ld+json\'>{"@type":"NewsArticle",'
        '"headline":"Neujahr","datePublished":"2018-12-31T23:11:59Z"}</script>'
        "<meta property='article:published_time' content='2019-01-01T00:11:59+01:00'>"
        "</head><body><h1>Neujahr</h1></body></html>"
    )
    doc = parse_html(html)
    assert doc is not None
    meta = extract_metadata(doc, fetched_at=FETCHED)
    assert meta.published is not None
    assert meta.published.utcoffset() == timedelta(hours=1)
    assert meta.published == datetime(2018, 12, 31, 23, 11, 59, tzinfo=UTC)  # same instant
    assert meta.provenance["published"].startswith("meta:article:published_time=")


def test_printed_date_under_headline_without_markup() -> None:
    html = (
        "<html lang='de'><body><h1>Vogel des Jahres gewählt</h1>"
        "<div><span>Donnerstag, 16. Februar 2012</span></div>"
        "<p>Der Verband hat den Vogel des Jahres gewählt, wie am Donnerstag bekannt wurde.</p>"
        "</body></html>"
    )
    doc = parse_html(html)
    assert doc is not None
    meta = extract_metadata(doc, fetched_at=FETCHED)
    assert meta.published == datetime(2012, 2, 16)
    assert meta.provenance["published"] == "dom:text=Donnerstag, 16. Februar 2012"


def test_event_dates_in_prose_are_not_publication_dates() -> None:
    sentence = (
        "Der Tunnel wird vom 24. April bis 2. Oktober 2017 gesperrt, teilte die Gesellschaft mit, "
        "und Umleitungen über die Passstraße sind ausgeschildert, solange die Arbeiten dauern; "
        "Pendler sollen mehr Zeit einplanen und auf die Bahn ausweichen, wo das möglich ist, "
        "sagte ein Sprecher am Montag in einer Mitteilung an die Presse."
    )
    html = f"<html><body><h1>Tunnel gesperrt</h1><p>{sentence}</p></body></html>"
    doc = parse_html(html)
    assert doc is not None
    assert extract_metadata(doc, fetched_at=FETCHED).published is None


def test_byline_printed_under_headline() -> None:
    html = (
        "<html><body><h1>Erinnerungskultur in der Stadt</h1>"
        "<p><b>Von:</b> <a href='/autoren/lindner'>Claudia Lindner</a></p>"
        "<p>Text messages are not bylines, and neither is this sentence.</p></body></html>"
    )
    doc = parse_html(html)
    assert doc is not None
    meta = extract_metadata(doc, fetched_at=FETCHED)
    assert meta.authors == ("Claudia Lindner",)
    assert meta.provenance["authors"] == "dom:text"
    prose = "<html><body><h1>Phones</h1><p>Text messages are cheap now.</p></body></html>"
    doc = parse_html(prose)
    assert doc is not None
    assert extract_metadata(doc, fetched_at=FETCHED).authors == ()


def _meta_from(html: str, url: str | None = None) -> Metadata:
    doc = parse_html(html, url)
    assert doc is not None
    return extract_metadata(doc, fetched_at=FETCHED)


def test_printed_byline_beats_the_cms_user_in_jsonld() -> None:
    # JSON-LD names the uploader; the page prints another person under the headline, in a
    # container whose class says "teaser" (the CMS's name for the article header)
    meta = meta_of("people_cms_user.html", "https://stadtblatt.example/radwege")
    assert meta.authors == ("Jonas Kern",)
    assert meta.provenance["authors"] == "dom:text"


def test_teaser_and_photo_bylines_are_not_the_story_s() -> None:
    html = (FIXTURES / "people_cms_user.html").read_text(encoding="utf-8")
    start, end = html.index("<script"), html.index("</script>") + len("</script>")
    meta = _meta_from(html[:start] + html[end:], "https://stadtblatt.example/radwege")
    # without JSON-LD: "Foto: Lena Hoff" (class autor-credit) is a photographer, "Von Tobias
    # Ranft" sits in a link to another story; the meta author is the site itself
    assert meta.authors == ("Jonas Kern",)


def test_cms_user_kept_when_the_printed_byline_shares_a_name() -> None:
    html = (FIXTURES / "people_cms_user.html").read_text(encoding="utf-8")
    html = html.replace("Petra Sommer", "Jonas Kern")
    html = html.replace("Jo&shy;nas Kern</a>", "Jonas Kern</a> und <a>Lea Brand</a>")
    meta = _meta_from(html, "https://stadtblatt.example/radwege")
    # JSON-LD names the first of two authors; the visible byline gives both
    assert meta.authors == ("Jonas Kern", "Lea Brand")


def test_one_word_jsonld_name_completed_from_a_bare_by_label() -> None:
    html = (
        '<html><head><script type=\'application/ld+json\'>{"@type": "NewsArticle", '
        '"headline": "Robot takes blood", "author": {"@type": "Person", "name": '
        '"Todd"}}</script></head><body><h1>Robot takes blood</h1>'
        "<div class='article-sidebar'><div class='f'><p class='label'><strong>By</strong></p>"
        "</div>\n  <div class='f'>\n  <p class='full-name'>Todd Baker</p>\n</div></div>"
        "<p>A new robot draws blood as well as a nurse does, researchers say.</p></body></html>"
    )
    assert _meta_from(html).authors == ("Todd Baker",)


def test_byline_under_an_entry_title_and_after_a_separator() -> None:
    html = (
        "<html><body><div class='hero'><h2 class='title h2'>So lernen wir Grenzen zu setzen</h2>"
        "</div><div class='meta'><span>yay!</span> <span class='sr'>| By </span> "
        "<span>Cara Stein</span></div><p>Sie sind das Fundament der Selbstfürsorge.</p>"
        "</body></html>"
    )
    assert _meta_from(html).authors == ("Cara Stein",)


def test_bare_author_label_in_a_definition_list() -> None:
    html = (
        '<html><head><script type=\'application/ld+json\'>{"@type": "Article", "headline": '
        '"Sur les migrations", "author": {"@type": "Person", "name": "Gilles Grand"}}'
        "</script></head><body><h1>Sur les migrations</h1><dl><dt>Auteur</dt><dd>"
        "<a href='/staff/uriel-garde/'>Uriel Garde</a></dd><dt>Date</dt><dd>2 mars 2020</dd></dl>"
        "<p>Entretien sur la géographie des migrations.</p></body></html>"
    )
    meta = _meta_from(html)
    assert meta.authors == ("Uriel Garde",)
    assert meta.provenance["authors"] == "dom:text"


def test_stamp_line_with_a_byline_after_the_date() -> None:
    html = (
        "<html><body><h1>Faire Lieferketten</h1><div class='news-single-timedata'>05.02.2020 "
        "<span>- Redaktion: Eberhard Fink (Pressesprecher)</span></div>"
        "<p>Das Jugendwerk fordert faire Lieferketten.</p></body></html>"
    )
    assert _meta_from(html).authors == ("Eberhard Fink",)


def test_byline_line_kept_in_the_body_names_the_authors() -> None:
    meta = meta_of("people_credit_lines.html")
    assert meta.authors == ("Hannelore Weiß",)
    body = [
        Block("paragraph", "Die Sperrfrist endet am ersten Februar für alle Betriebe."),
        Block("paragraph", "Autoren Jelko Doorn und Jutta Klee"),
    ]
    done = complete_metadata(Metadata(), body)
    assert done.authors == ("Jelko Doorn", "Jutta Klee")
    assert done.provenance["authors"] == "text:byline"
    # a login ("Gespeichert von human") gives way to the printed "Blog Beitrag von …"
    login = Metadata(authors=("human",))
    signed = [Block("paragraph", "Blog Beitrag von Margit Koren"), body[0]]
    assert complete_metadata(login, signed).authors == ("Margit Koren",)
    assert complete_metadata(login, body[:1]).authors == ("human",)
    # two byline lines are a listing's teasers; "By the numbers:" is a heading
    listing = [Block("paragraph", "Von Anna Berg"), Block("paragraph", "Von Carl Dahl")]
    assert complete_metadata(Metadata(), listing).authors == ()
    assert complete_metadata(Metadata(), [Block("paragraph", "By the numbers:")]).authors == ()


def test_citation_author_before_a_reference_list_in_author_meta() -> None:
    html = (
        "<html><head><meta name='citation_author' content='Marwan Adler'>"
        "<meta name='author' content='NH. Shear, SP. Spielberg,'>"
        "<meta name='author' content='H. Peyre,'></head>"
        "<body><h1>DRESS syndrome</h1><p>A review.</p></body></html>"
    )
    assert _meta_from(html).authors == ("Marwan Adler",)


def test_byline_inside_a_link_wrapping_the_page() -> None:
    # broken markup: one unclosed <a> wraps everything; the byline in it reads as a teaser's
    prose = "<p>" + "Ein langer Absatz über die Stadt und ihre Straßen. " * 4000 + "</p>"
    html = (
        "<html><body><a href='/x'><h1>Titel</h1><span class='author'>Von Anna Berg</span>"
        f"{prose}</a></body></html>"
    )
    meta = _meta_from(html)
    assert meta.title == "Titel"
    # found under the headline, not as the (teaser-shaped) byline element
    assert meta.authors == ("Anna Berg",)
    assert meta.provenance["authors"] == "dom:text"
