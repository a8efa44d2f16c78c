"""Shared pytest configuration: the whole suite runs with the network blocked.

pytest-socket blocks every connection except to loopback, so a test (or the code
under test) that tries to reach another host fails loudly instead of passing on a
machine that happens to be online.
"""

from __future__ import annotations

import pytest
import pytest_socket


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Allow loopback only (kernels and local servers), for every test."""
    pytest_socket.socket_allow_hosts(["127.0.0.1", "::1", "localhost"], allow_unix_socket=True)
