"""Real services the scale-out tests talk to (Redis, varnishd, moto's S3 server, PostgreSQL).

A test that needs one calls :func:`need`: on a developer's machine without the service the test is
skipped with the reason; in CI (``REQUIRE_SERVICES=1``, set by .ci/run, which installs and starts them)
a missing service fails the test instead, so CI never passes by skipping.
"""

import os
import socket

import pytest


def port_answers(host, port, timeout=0.5):
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def need(available, what):
    if available:
        return
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(f"{what} is required here (REQUIRE_SERVICES=1) but is not available")
    pytest.skip(f"{what} is not available on this machine (CI installs and starts it)")


def closed_port():
    """A loopback port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
