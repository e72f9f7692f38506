from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).parent))

from helpers_service import LocalSite, make_store

from copydesk.service import Settings, create_app


@pytest.fixture(scope="session")
def local_site() -> Iterator[LocalSite]:
    with LocalSite() as site:
        yield site


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("store") / "copydesk.db")


@pytest.fixture
def make_client() -> Iterator[Callable[..., TestClient]]:
    opened: list[TestClient] = []

    def make(**kwargs: object) -> TestClient:
        client = TestClient(create_app(Settings(**kwargs)))  # type: ignore[arg-type]
        client.__enter__()
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


@pytest.fixture
def store_client(make_client: Callable[..., TestClient], store_path: Path) -> TestClient:
    return make_client(store=store_path)
