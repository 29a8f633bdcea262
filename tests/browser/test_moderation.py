"""A hive kept civil, in a real browser: a member reports a buzz, a moderator removes it with a
reason, the buzz leaves the hive's feed, the log shows the action, the author reads the notice."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from app.extensions import db
from app.hives import roles
from tests.browser.conftest import log_in, screenshot
from tests.factories import make_bee, make_hive, make_post

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def civil_hive(live_app):
    with live_app.app_context():
        owner = make_bee(handle="noa", display_name="נועה לוי")
        author = make_bee(handle="troll", display_name="Trolling Tom")
        reporter = make_bee(handle="rami", display_name="رامي")
        mod = make_bee(handle="mira", display_name="Mira")
        hive = make_hive(owner=owner, name="Trail Running", members=[author, reporter, mod])
        roles.appoint_moderator(owner, hive, mod)
        roles.update_rules(owner, hive, "1. **No insults.**\n2. Stay on the trail.")
        make_post(owner, "Long run on Saturday, 30 km along the ridge.", hives=[hive])
        make_post(author, "Everyone in this hive runs like a tortoise, idiots.", hives=[hive])
        db.session.remove()
    return live_app


def test_report_remove_log_and_notice(civil_hive, browser):
    base = civil_hive.config["LIVE_URL"]
    member, moderator, author = (
        browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(3)
    )
    errors = []
    for context in (member, moderator, author):
        context.on("page", lambda page: page.on("pageerror", lambda error: errors.append(str(error))))

    page = member.new_page()
    log_in(page, base, "rami")
    page.goto(base + "/hives/trail-running")
    insult = page.locator("article.post", has_text="tortoise")
    insult.get_by_role("link", name="Report").click()
    assert page.get_by_text("No insults.").is_visible()  # the hive's rules sit beside the form
    page.get_by_label("Insult or harassment").check()
    page.get_by_label("Anything the moderators should know (optional)").fill("Calls us all idiots.")
    page.get_by_role("button", name="Send report").click()
    assert page.get_by_text("the author is not told who reported").is_visible()

    page = moderator.new_page()
    log_in(page, base, "mira")
    page.goto(base + "/hives/trail-running")
    page.get_by_role("link", name="Moderation 1", exact=True).click()  # one report waiting
    item = page.locator(".queue-item", has_text="tortoise")
    assert "Reported by 1 bee" in item.inner_text()
    assert "Insult or harassment" in item.inner_text()
    assert "Calls us all idiots." in item.inner_text()
    screenshot(page, "moderation-queue")
    item.get_by_role("link", name="Act on this post").click()
    page.get_by_label("Remove the post from this hive").check()
    page.get_by_label("Reason").fill("Insults break rule 1.")
    page.get_by_role("button", name="Confirm").click()
    assert page.get_by_text("The post is removed from this hive").is_visible()
    assert "tortoise" not in page.locator("main").inner_text()  # the open queue is empty again
    page.goto(base + "/hives/trail-running")
    feed = page.locator("section.feed").inner_text()
    assert "tortoise" not in feed
    assert "30 km" in feed
    page.get_by_role("link", name="Moderation log").click()
    entry = page.locator(".moderation-log li").first
    assert "Mira" in entry.inner_text()
    assert "removed a post by" in entry.inner_text()
    assert "Trolling Tom" in entry.inner_text()
    assert "Insults break rule 1." in entry.inner_text()
    assert "rami" not in page.locator("main").inner_text()  # reporters are never named
    screenshot(page, "moderation-log")

    page = author.new_page()
    log_in(page, base, "troll")
    badge = page.locator(".notice-badge")
    assert badge.inner_text() == "1"
    page.get_by_role("link", name="Notices").click()
    notice = page.locator(".notice").first
    assert "The moderators of Trail Running removed your post from the hive." in notice.inner_text()
    assert "Insults break rule 1." in notice.inner_text()
    screenshot(page, "moderation-notice")
    page.get_by_role("button", name="Mark all read").click()
    expect(page.locator(".notice-badge")).to_be_hidden()  # no unread notice: no number shown
    for context in (member, moderator, author):
        context.close()
    assert errors == []
