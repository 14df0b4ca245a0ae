"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

The live server runs in a thread of this process and the tests touch the ORM from Playwright's event
loop thread, hence DJANGO_ALLOW_ASYNC_UNSAFE.
"""

import os
from pathlib import Path

import pytest

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(autouse=True)
def _chromium_installed():
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture
def site(live_server, archive, settings):
    """The small archive, served; live_server's host must be allowed when debug is off."""
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
    archive.url = live_server.url
    return archive
