"""Description, section, tags and site name: the shapes real sites use, on pages we wrote."""

from __future__ import annotations

from pathlib import Path

import copydesk
from copydesk.model import Article

FIXTURES = Path(__file__).parent.parent / "fixtures" / "metadata"


def _extract(name: str, url: str = "https://example.org/2021/10/17/post/") -> Article:
    return copydesk.extract((FIXTURES / name).read_bytes(), url=url)


def test_wordpress_category_and_tag_links_outside_rails() -> None:
    article = _extract("blog_taxonomy.html")
    # the post's own rel="category tag" links, not the related post's nor the menu's
    assert article.section == "Spaziergänge"
    assert article.provenance["section"] == "dom:category"
    # rel="tag" links of the post win over the site-wide keywords meta; the tag cloud in the
    # sidebar and the related post's tags are not the post's; "#Kraniche" is the tag "Kraniche"
    assert article.tags == ("Kanal", "Kraniche", "Nebel")
    assert article.provenance["tags"] == "dom:tag"
    assert article.site_name == "Notizen aus Lindenau"


def test_description_markup_and_double_escapes_are_resolved_templates_skipped() -> None:
    article = _extract("blog_taxonomy.html")
    assert article.description == (
        "Ein kalter Morgen, Nebel über dem Wasser und die ersten Kraniche. "
        "Ein Rundgang & ein paar Fotos."
    )
    assert article.provenance["description"] == "meta:og:description"


def test_jsonld_breadcrumb_gives_the_section_between_home_and_page() -> None:
    article = _extract("news_breadcrumb.html", "https://courier.example/local-politics/tram/")
    assert article.section == "Local Politics"
    assert article.provenance["section"] == "jsonld:BreadcrumbList"
    assert article.tags == ("Transport", "City council", "Trams")


def test_site_tagline_is_not_the_description() -> None:
    article = _extract("news_breadcrumb.html")
    assert article.description is not None
    assert article.description.startswith("The city council voted 31 to 12")
    assert article.provenance["description"] == "meta:description"


def test_microdata_breadcrumb_and_headline_in_section_tag() -> None:
    article = _extract("microdata_breadcrumb.html")
    # article:section holds the headline: not a section; the microdata trail gives "Lokales",
    # not the "Sport" item of a teaser ItemList
    assert article.section == "Lokales"
    assert article.provenance["section"] == "dom:itemprop"
    assert article.page_type == "article"


def test_joined_article_section_list_gives_its_first_item() -> None:
    page = (
        '<html><head><script type="application/ld+json">{"@type": "BlogPosting", '
        '"headline": "Netzwerk langsam", "articleSection": "Netzwerk, Windows, Cmd"}</script>'
        "</head><body><h1>Netzwerk langsam</h1><p>Text.</p></body></html>"
    )
    assert copydesk.extract(page).section == "Netzwerk"
    two = page.replace("Netzwerk, Windows, Cmd", "Food, Drink")
    assert copydesk.extract(two).section == "Food, Drink"  # one name with a comma stays whole


def test_breadcrumb_without_a_middle_crumb_gives_no_section() -> None:
    page = (
        '<html><head><script type="application/ld+json">{"@type": "BreadcrumbList", '
        '"itemListElement": [{"position": 1, "name": "Home", "item": "https://a.example/"}, '
        '{"position": 2, "name": "Some headline"}]}</script></head>'
        "<body><h1>Some headline</h1></body></html>"
    )
    assert copydesk.extract(page).section is None


def test_taxonomy_on_junk_never_raises() -> None:
    junk = (
        '<a rel="tag"></a><a rel="category tag">' + "x" * 500 + "</a>"
        '<ol itemtype="BreadcrumbList"><li itemprop="itemListElement"></li></ol>'
        '<script type="application/ld+json">{"@type": "BreadcrumbList", "itemListElement": '
        '[{"position": "x"}, 3, {"item": {"name": 5}}]}</script>'
        '<meta name="description" content="<p>&amp;amp;{{ x }}">'
    )
    article = copydesk.extract(junk)
    assert article.tags == ()
    assert article.section is None
    assert article.description is None


def test_tags_box_by_class_and_wordpress_menu_category() -> None:
    article = _extract("tag_box.html", "https://ortsblatt.example/umwelt/baeume")
    # links of a class="...field-tags" box, quotes around a name dropped; not the site footer's
    # box, not the site-wide keywords meta
    assert article.tags == ("Stadtgrün", "Marktplatz", "Gemeinderat")
    assert article.provenance["tags"] == "dom:tags"
    # no declared section, no category links: the menu item WordPress marks as the post's
    assert article.section == "Umwelt"
    assert article.provenance["section"] == "dom:menu"


def test_post_footer_outside_article_holds_the_posts_taxonomy() -> None:
    article = _extract("entry_footer_tags.html")
    assert article.section == "Repairs"
    assert article.tags == ("radio", "capacitors")  # not the site footer's "everything"


def test_site_name_from_title_part_that_names_the_host() -> None:
    page = (
        "<html><head><title>Council approves tram line - The Harbour Herald</title></head>"
        "<body><h1>Council approves tram line</h1><p>Text.</p></body></html>"
    )
    article = copydesk.extract(page, url="https://www.harbourherald.example/news/tram")
    assert article.site_name == "The Harbour Herald"
    assert article.provenance["site_name"] == "html:title"
    # a section name beside the headline is not the site's name
    section = page.replace("The Harbour Herald", "Local News")
    assert copydesk.extract(section, url="https://www.harbourherald.example/x").site_name is None


def test_site_name_from_jsonld_website_node() -> None:
    page = (
        '<html><head><script type="application/ld+json">{"@graph": [{"@type": "WebSite", '
        '"name": "Valley Gazette", "url": "https://gazette.example/"}, {"@type": "NewsArticle", '
        '"headline": "Flood wall funding confirmed"}]}</script></head>'
        "<body><h1>Flood wall funding confirmed</h1></body></html>"
    )
    article = copydesk.extract(page)
    assert article.site_name == "Valley Gazette"
    assert article.provenance["site_name"] == "jsonld:name"


def test_image_renditions_are_one_image_and_share_the_figure_caption() -> None:
    page = (
        '<html><head><meta property="og:image" content="https://cdn.example/2024/03/harbour.jpg">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H", "image": ['
        '"https://img.example/resize/1200x630/?url=https%3A%2F%2Fs3.example%2Fa%2Fpier.jpg", '
        '"https://img.example/resize/800x800/?url=https%3A%2F%2Fs3.example%2Fa%2Fpier.jpg"]}'
        "</script></head><body><article><h1>H</h1><figure>"
        '<img src="https://cdn.example/2024/03/harbour-1024x683.jpg" alt="The harbour at dawn">'
        "<figcaption>Boats leave the harbour at dawn. Photo: J. Ortiz</figcaption></figure>"
        "</article></body></html>"
    )
    images = copydesk.extract(page).images
    assert [i.url for i in images] == [
        "https://cdn.example/2024/03/harbour.jpg",
        "https://img.example/resize/1200x630/?url=https%3A%2F%2Fs3.example%2Fa%2Fpier.jpg",
    ]
    lead = images[0]
    assert (lead.caption, lead.credit, lead.alt) == (
        "Boats leave the harbour at dawn.",
        "Photo: J. Ortiz",
        "The harbour at dawn",
    )


def test_hostile_section_and_taxonomy_markup_stay_linear() -> None:
    # 100,000 commas: a lookahead split took ~10 s here; the one-pass split takes milliseconds
    commas = "," * 100_000
    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        f'"articleSection": "a{commas}b"}}</script></head><body>'
        + '<div class="tags">' * 2000
        + '<a href="/t">t</a>'
        + "</div>" * 2000
        + "</body></html>"
    )
    article = copydesk.extract(page)
    assert article.section is not None and article.section.startswith("a,")
    assert (
        copydesk.extract(
            '<script type="application/ld+json">{"@type": "NewsArticle", "articleSection": '
            '"Unfälle (heute, Todesfolge), Verkehr, Bern"}</script>'
        ).section
        == "Unfälle (heute, Todesfolge)"
    )


def test_share_description_before_the_jsonld_nodes_own_summary() -> None:
    page = (
        '<html><head><meta property="og:description" content="Crisp almond biscuits in 20 '
        'minutes: the recipe our readers bake most.">'
        '<script type="application/ld+json">{"@type": "Recipe", "name": "Almond biscuits", '
        '"description": "Almond biscuits - 200 g flour, 100 g butter, 80 g ground almonds"}'
        "</script></head><body><h1>Almond biscuits</h1></body></html>"
    )
    article = copydesk.extract(page)
    assert article.description is not None and article.description.startswith("Crisp almond")
    assert article.provenance["description"] == "meta:og:description"
    alone = page.replace('<meta property="og:description"', '<meta property="og:nothing"')
    assert copydesk.extract(alone).provenance["description"] == "jsonld:description"


def test_category_box_by_class_not_menus_labels_or_bylines() -> None:
    page = (
        "<html><head><title>Bäume - Ortsblatt</title></head><body>"
        '<div><ul><li class="menu-item menu-item-object-category"><a href="/sport/">Sport</a>'
        "</li></ul></div><h1>Neue Bäume</h1>"
        '<span class="category">Kategorie:</span><span class="post-cat">Posted by Ann Lee</span>'
        '<div class="post-categories"><a href="/kategorie/umwelt/">Umwelt</a></div>'
        "<p>Text.</p></body></html>"
    )
    article = copydesk.extract(page, url="https://ortsblatt.example/baeume")
    assert article.section == "Umwelt"
    assert article.provenance["section"] == "dom:category-box"
    plain = page.replace('<a href="/kategorie/umwelt/">Umwelt</a>', "")
    assert copydesk.extract(plain, url="https://ortsblatt.example/baeume").section is None
