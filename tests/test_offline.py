"""The test suite must not reach the network: prove that an attempt fails loudly."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request

import pytest
import pytest_socket


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_connection_to_remote_host_is_blocked() -> None:
    with pytest.raises(pytest_socket.SocketConnectBlockedError):
        socket.create_connection(("93.184.215.14", 80), timeout=1)


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_http_request_is_blocked() -> None:
    with pytest.raises((pytest_socket.SocketConnectBlockedError, urllib.error.URLError)):
        urllib.request.urlopen("http://example.org/", timeout=1)


def test_loopback_is_allowed() -> None:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    client = socket.create_connection(("127.0.0.1", port), timeout=1)
    client.close()
    server.close()
