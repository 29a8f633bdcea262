"""Opportunities in a real browser: an editor posts a story call to a hive, a member finds it
in their feed and pitches, the editor accepts, and the member is told."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from app.extensions import db
from app.profiles import record
from app.profiles.data import ProfileData, SkillData
from app.profiles.services import set_account_kind
from tests.browser.conftest import log_in, screenshot
from tests.factories import make_bee, make_hive

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def newsroom(live_app):
    with live_app.app_context():
        editor = set_account_kind(make_bee(handle="julia", display_name="Julia Fenwick"), "editor")
        member = make_bee(handle="layla", display_name="ليلى حداد")
        record.replace_profile(
            member,
            ProfileData("ليلى حداد", interests=("Trail running",), skills=(SkillData("Photography"),)),
        )
        make_hive(owner=editor, name="Trail Running", members=[member, make_bee()])
        db.session.remove()
    return live_app


def test_a_story_call_is_pitched_accepted_and_the_member_told(newsroom, browser):
    base = newsroom.config["LIVE_URL"]
    editor_side, member_side = (
        browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(2)
    )
    errors = []
    for context in (editor_side, member_side):
        context.on("page", lambda page: page.on("pageerror", lambda error: errors.append(str(error))))

    editor = editor_side.new_page()
    log_in(editor, base, "julia")
    editor.get_by_role("link", name="Opportunities").first.click()
    editor.get_by_role("link", name="Post an opportunity").click()
    editor.get_by_label("Story call — bees pitch ideas").check()
    editor.get_by_label("Title").fill("Night races on the ridge")
    editor.get_by_label("Description").fill("First-hand stories of **night** trail races.")
    editor.get_by_label("Skills it needs").fill("Photography, Writing")
    editor.get_by_label("Topics").fill("Trail running")
    editor.get_by_label("Trail Running").check()
    editor.get_by_role("button", name="Post the opportunity").click()
    expect(editor.get_by_text("Your opportunity is posted.")).to_be_visible()
    expect(editor.get_by_text("Delivered to 2 bees")).to_be_visible()  # every member of the hive

    member = member_side.new_page()
    log_in(member, base, "layla")
    announcement = member.locator("article.post", has_text="Night races on the ridge")
    expect(announcement).to_be_visible()  # in the home feed, like any post to the hive
    announcement.get_by_role("link", name="See the opportunity and answer").click()
    expect(member.get_by_role("heading", name="Why it suits you")).to_be_visible()
    expect(member.locator(".opportunity-reasons mark", has_text="Photography")).to_be_visible()
    member.get_by_role("link", name="Pitch an idea").click()
    member.get_by_label("Your idea, in a line").fill("Headlamps at 3 a.m.: the last ten kilometres")
    member.get_by_label("Summary of the story").fill("ليلة كاملة مع العدّائين على القمة.")
    member.get_by_role("button", name="Send the pitch").click()
    expect(member.get_by_text("Sent. You will be told when it moves.")).to_be_visible()
    expect(member.locator(".pitch-state")).to_have_text("New")
    assert member.locator(".post-body p").evaluate("p => getComputedStyle(p).direction") == "rtl"

    editor.goto(base + "/notices")
    editor.get_by_role("link", name="See the answer").click()
    expect(editor.get_by_text("Headlamps at 3 a.m.")).to_be_visible()
    member.goto(base + "/opportunities/mine")
    editor.get_by_role("button", name="Accept").click()
    expect(editor.get_by_text("is told.")).to_be_visible()
    expect(member.locator(".notice-badge")).to_have_text("1")  # live, without reloading
    member.get_by_role("link", name="Notices").click()
    expect(member.get_by_text("Your answer to Night races on the ridge was accepted.")).to_be_visible()
    member.goto(base + "/opportunities/mine")
    expect(member.locator(".pitch-state")).to_have_text("Accepted")
    screenshot(member, "opportunity-accepted")
    assert errors == []
    editor_side.close()
    member_side.close()
