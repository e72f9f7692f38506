"""A test resolver shared by the crawler and service tests: made-up names resolve from a table,
IP literals to themselves, and nothing ever goes to DNS, so no test can reach a public address."""

from __future__ import annotations

import ipaddress
import socket

from aiohttp.abc import AbstractResolver, ResolveResult


class MapResolver(AbstractResolver):
    """Resolves made-up names from a table; IP literals resolve to themselves; no DNS at all.
    ``asked`` lists every host it was asked about, in order."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names
        self.asked: list[str] = []

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        self.asked.append(host)
        address = self.names.get(host, host)
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            raise OSError(f"no such host in the test table: {host}") from None
        family = socket.AF_INET6 if ip.version == 6 else socket.AF_INET
        return [
            {
                "hostname": host,
                "host": address,
                "port": port,
                "family": family,
                "proto": 0,
                "flags": socket.AI_NUMERICHOST,
            }
        ]

    async def close(self) -> None:
        return None
