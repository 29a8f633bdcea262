"""A live Apiary server in a thread and headless Chromium driven by Playwright.

Browser tests run wherever Chromium is installed; with ``CI=true`` a missing
browser fails the run instead of skipping it (``.ci/run`` installs it).
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.conftest import ON_CI, make_app, migrate_to_head
from tests.factories import PASSWORD

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="module")
def live_app(tmp_path_factory):
    """An app with its own SQLite database, served on a free local port."""
    tmp = tmp_path_factory.mktemp("browser")
    app = make_app(f"sqlite:///{tmp / 'browser.db'}", tmp, WTF_CSRF_ENABLED=True)
    migrate_to_head(app)
    server = make_server("127.0.0.1", 0, _whole_responses(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    app.config["LIVE_URL"] = f"http://127.0.0.1:{server.server_port}"
    yield app
    server.shutdown()
    thread.join(timeout=5)


def _whole_responses(app):
    """The app, with every response but Socket.IO's read whole and closed before it is sent.

    Werkzeug's development server closes a response only after a clean-up that raises when
    the browser has already hung up (Chromium drops a favicon or image download when it
    navigates on): a static file's response then stays open, and its ``ResourceWarning``
    fails whichever test is running when it is collected. Bodies here are small pages and
    files, so reading them whole costs nothing.
    """

    def serve(environ, start_response):
        body = app(environ, start_response)
        if environ.get("PATH_INFO", "").startswith("/socket.io"):
            return body  # long polling: left to stream as it does in production
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()

    return serve


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium; required on CI."""
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        if ON_CI:
            pytest.fail(f"Chromium not found at {CHROMIUM}: CI must run the browser tests.")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser context and page; console errors are collected in ``page.errors``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def log_in(page, base: str, handle: str) -> None:
    """Log ``handle`` in through the login form (the factories' password) and land home."""
    page.goto(base + "/login")
    page.get_by_label("Email or handle").fill(handle)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(base + "/")


def screenshot(page, name: str) -> Path:
    """Keep a screenshot under test-artifacts/ for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
