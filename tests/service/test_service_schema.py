"""Schema-driven tests: schemathesis generates requests from the app's own OpenAPI document and
checks every response against it (no server errors, documented status codes and shapes)."""

from __future__ import annotations

import atexit
import shutil
import socket
import tempfile
from pathlib import Path

import pytest
import schemathesis
from aiohttp.abc import AbstractResolver, ResolveResult
from helpers_service import make_store
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from copydesk.fetch.http import AddressRefused
from copydesk.service import Settings, create_app

# Examples per operation: enough to hit validation edges on every parameter, bounded so the whole
# file runs in well under a minute on CI's 2 cores.
MAX_EXAMPLES = 25

_TMP = Path(tempfile.mkdtemp(prefix="copydesk-schema-"))
atexit.register(shutil.rmtree, _TMP, ignore_errors=True)
_STORE = make_store(_TMP / "store.db", 30)


class RefuseAll(AbstractResolver):
    """The crawl jobs' resolver here: every host is refused without a lookup, so generated seeds
    (names or public IP literals) can start jobs but never reach the network."""

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        raise AddressRefused(f"refused: {host} (no address is allowed in the schema tests)")

    async def close(self) -> None:
        return None


APP = create_app(
    Settings(store=_STORE, rate_per_s=1e6, rate_burst=10**6, fetch_timeout_s=2.0, crawl_delay=0.0),
    crawl_resolver=RefuseAll,
)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)
def test_api_conforms_to_its_schema(case: schemathesis.Case) -> None:
    # Every check but "schema-valid data is accepted": the schema cannot say which dates exist
    # (since=2024-02-31 matches the pattern and is rightly refused with 422).
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
