"""Shared pytest configuration.

The whole suite (tests, doctests and nbval) runs with pytest-socket's
``--allow-hosts=127.0.0.1,::1,localhost`` (set in ``pyproject.toml``): any
connection to another host raises instead of quietly reaching the network.
``tests/test_offline.py`` proves it.
"""
