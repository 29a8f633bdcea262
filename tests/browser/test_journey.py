"""A bee's first visit, in a real browser: sign up, join a hive, buzz, see it in both feeds."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.profiles.services import bee_by_handle, follow
from tests.browser.conftest import screenshot
from tests.factories import make_bee, make_hive, make_post

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def network(live_app):
    with live_app.app_context():
        owner = make_bee(handle="hala", display_name="هالة منصور")
        hive = make_hive(owner=owner, name="Arabic Calligraphy", description="Reed pens, ink and patience.")
        make_post(owner, "الخط العربي فنّ **الصبر**. Today: thuluth with a 4 mm qalam.", hives=[hive])
        db.session.remove()
    return live_app


def test_sign_up_join_buzz_and_see_it_in_home_and_hive_feeds(network, page):
    base = network.config["LIVE_URL"]
    page.goto(base + "/")
    page.get_by_role("link", name="Join Apiary").first.click()
    page.get_by_label("Email").fill("yara@example.org")
    page.get_by_label("Handle").fill("yara")
    page.get_by_label("Display name").fill("Yara Haddad")
    page.get_by_label("Password").fill("a long enough password")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(base + "/hives/")

    page.get_by_role("link", name="Arabic Calligraphy").click()
    page.get_by_role("link", name="Join hive").click()
    assert page.get_by_role("heading", name="The rules of this hive").is_visible()  # read before joining
    page.get_by_role("button", name="Agree and join").click()
    assert page.get_by_text("Welcome to Arabic Calligraphy!").is_visible()

    page.get_by_role("link", name="Home").click()
    earlier = page.locator("article.post").first
    assert "thuluth" in earlier.inner_text()  # joining brought the hive's earlier post in
    assert earlier.locator(".post-body p").get_attribute("dir") == "auto"
    assert earlier.locator(".post-body p").evaluate("p => getComputedStyle(p).direction") == "rtl"

    page.locator("#body").fill("My first buzz: practising **naskh** tonight.")
    page.get_by_label("Arabic Calligraphy").check()
    page.get_by_role("button", name="Buzz", exact=True).click()
    first = page.locator("article.post").first
    assert "My first buzz" in first.inner_text()
    assert first.locator("strong").inner_text() == "naskh"
    assert "Delivered to 1 bee" in first.inner_text()  # the hive's owner
    assert first.locator(".post-body p").evaluate("p => getComputedStyle(p).direction") == "ltr"
    screenshot(page, "journey-home")

    page.get_by_role("link", name="Arabic Calligraphy").first.click()
    posts = page.locator("article.post")
    assert "My first buzz" in posts.nth(0).inner_text()
    assert "thuluth" in posts.nth(1).inner_text()
    screenshot(page, "journey-hive")
    assert page.errors == []  # no CSP violation, no script error


def test_pages_fit_a_phone(network, browser):
    with network.app_context():
        long_word = make_bee(handle="longword", headline="Unbreakable" * 12)
        make_post(long_word, "x" * 300, kind="honey", title="W" * 200)
        follow(long_word, bee_by_handle("hala"))
        db.session.remove()
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    base = network.config["LIVE_URL"]
    pages = ("/", "/hives/", "/hives/arabic-calligraphy", "/@hala", "/@longword", "/@longword/" + "w" * 74)
    for path in (*pages, "/@hala/followers", "/signup", "/login"):
        page.goto(base + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (path, overflow)
    screenshot(page, "phone-hive")
    context.close()
