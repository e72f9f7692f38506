"""Search, articles and stories over a real SQLite store built through the Store API."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from lxml import html as lxml_html

from copydesk.store import Store


def test_search_with_highlighted_snippets(store_client: TestClient) -> None:
    r = store_client.get("/articles", params={"q": "tidal mill"})
    assert r.status_code == 200
    data = r.json()
    assert data["results"], data
    first = data["results"][0]
    assert "mill" in (first["title"] or "").lower() or "mill" in first["snippet"].lower()
    assert "**" in first["snippet"]
    assert "<mark>" in first["snippet_html"]
    for hit in data["results"]:
        assert {"id", "url", "title", "site", "published", "language", "score"} <= hit.keys()


def test_search_filters(store_client: TestClient) -> None:
    by_site = store_client.get("/articles", params={"site": "northern-post.example"}).json()
    assert by_site["results"] and all(
        h["site"] == "northern-post.example" for h in by_site["results"]
    )
    german = store_client.get("/articles", params={"lang": "de"}).json()
    assert german["results"] and all(h["language"] == "de" for h in german["results"])
    window = store_client.get(
        "/articles", params={"since": "2024-01-10", "until": "2024-01-20"}
    ).json()
    assert window["results"]
    assert all("2024-01-10" <= h["published"][:10] <= "2024-01-20" for h in window["results"])
    none = store_client.get("/articles", params={"q": "zeppelin"}).json()
    assert none["results"] == [] and none["has_more"] is False


def test_search_pages(store_client: TestClient) -> None:
    one = store_client.get("/articles", params={"page": 1}).json()
    two = store_client.get("/articles", params={"page": 2}).json()
    assert one["has_more"] is True and len(one["results"]) == one["page_size"]
    ids_one = {h["id"] for h in one["results"]}
    ids_two = {h["id"] for h in two["results"]}
    assert ids_two and not ids_one & ids_two


def test_search_rejects_bad_parameters(store_client: TestClient) -> None:
    assert store_client.get("/articles", params={"since": "last week"}).status_code == 422
    assert store_client.get("/articles", params={"page": 0}).status_code == 422
    assert store_client.get("/articles", params={"q": "x" * 600}).status_code == 422
    # query syntax never raises, whatever the user types
    for q in ('"unclosed', "NEAR(", "title:x", "*", "-", "OR OR", "a AND", "(((", "\x00"):
        assert store_client.get("/articles", params={"q": q}).status_code == 200, q


def test_search_without_a_store_is_503(client: TestClient) -> None:
    r = client.get("/articles", params={"q": "x"})
    assert r.status_code == 503 and "--store" in r.json()["detail"]


def test_get_article(store_client: TestClient, store_path: Path) -> None:
    with Store(store_path, readonly=True) as store:
        hit = store.search("rail strike", limit=1)[0]
        expected = store.get(hit.id)
    assert expected is not None
    r = store_client.get(f"/articles/{hit.id}")
    assert r.status_code == 200
    data = r.json()
    assert data["id"] == hit.id and data["version"] == 1
    assert data["title"] == expected.article.title
    assert data["body"] == [b.to_dict() for b in expected.article.body]
    assert store_client.get("/articles/999999").status_code == 404
    assert store_client.get("/articles/0").status_code == 422
    assert store_client.get("/articles/abc").status_code == 422
    assert store_client.get(f"/articles/{2**70}").status_code == 422


def test_cluster_and_story(store_client: TestClient, store_path: Path) -> None:
    with Store(store_path, readonly=True) as store:
        copy = store.get_by_url("https://other-paper.example/mill")
    assert copy is not None and copy.cluster_id is not None
    r = store_client.get(f"/clusters/{copy.cluster_id}")
    assert r.status_code == 200
    cluster = r.json()
    assert cluster["size"] == 2
    assert {m["url"] for m in cluster["members"]} == {
        "https://wire-copy.example/tidal-mill",
        "https://other-paper.example/mill",
    }
    assert {m["relation"] for m in cluster["members"]} >= {"original"}
    assert store_client.get("/clusters/987654").status_code == 404
    page = store_client.get(f"/story/{copy.cluster_id}")
    assert page.status_code == 200
    doc = lxml_html.fromstring(page.text)
    links = [a.get("href") for a in doc.cssselect("ol.story a.title")]
    assert f"/article/{copy.id}" in links and len(links) == 2
    reader = store_client.get(f"/article/{copy.id}")
    assert f'href="/story/{copy.cluster_id}"' in reader.text


def test_clusters_on_a_store_never_deduplicated(
    make_client: Callable[..., TestClient], tmp_path: Path
) -> None:
    from helpers_service import make_store

    client = make_client(store=make_store(tmp_path / "plain.db", 5, cluster=False))
    r = client.get("/clusters/1")
    assert r.status_code == 404 and "deduplication" in r.json()["detail"]


def test_search_page_and_reader(store_client: TestClient, store_path: Path) -> None:
    page = store_client.get("/", params={"q": "wind farm", "lang": "en"})
    assert page.status_code == 200
    doc = lxml_html.fromstring(page.text)
    results = doc.cssselect("li.result")
    assert results
    assert doc.cssselect("p.snippet mark")
    assert doc.cssselect('input[name="q"]')[0].get("value") == "wind farm"
    href = results[0].cssselect("a.title")[0].get("href")
    reader = store_client.get(href)
    assert reader.status_code == 200
    rdoc = lxml_html.fromstring(reader.text)
    assert rdoc.cssselect("h1.headline")[0].text_content()
    assert rdoc.cssselect("dd.byline")[0].text_content().startswith("Reporter")
    assert rdoc.cssselect("figure.image figcaption")
    assert rdoc.cssselect("section.related a")[0].get("href").startswith("https://")
    assert rdoc.cssselect("section.notices li")
    provenance = {
        tr.cssselect("td")[0].text_content(): tr.cssselect("td")[1].text_content()
        for tr in rdoc.cssselect("section.provenance tbody tr")
    }
    assert provenance["title"] == "jsonld"
    assert rdoc.cssselect("section.body ul li")  # list items grouped in a list
    nxt = store_client.get("/", params={"q": ""})
    assert 'rel="next"' in nxt.text
    assert store_client.get("/article/999999").status_code == 404
    assert store_client.get("/", params={"since": "soon"}).status_code == 200  # shown as error
