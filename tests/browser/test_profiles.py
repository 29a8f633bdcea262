"""A whole-person profile in a real browser: fill it in, add a photo, export it as JSON Resume,
import the file into a new account, and see the same profile there; print it cleanly."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def sign_up(page, base: str, handle: str, name: str) -> None:
    page.goto(base + "/signup")
    page.get_by_label("Email").fill(f"{handle}@example.org")
    page.get_by_label("Handle").fill(handle)
    page.get_by_label("Display name").fill(name)
    page.get_by_label("Password").fill("a long enough password")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(base + "/hives/")


def photo_file(tmp_path) -> str:
    """A camera-sized JPEG with location data, as a phone would send it."""
    image = Image.new("RGB", (1600, 1200), "#2a9d8f")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (31.0, 57.0, 0.0)}  # GPS: a latitude
    path = tmp_path / "me.jpg"
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    path.write_bytes(buffer.getvalue())
    return str(path)


def whole_person(page) -> dict[str, str]:
    """What the profile page says about the person, section by section (not their handle)."""
    card = page.locator(".profile-card")
    sections = page.locator(".whole-person .col-lg-8 > section")
    return {
        "name": card.locator(".p-name").inner_text(),
        "headline": card.locator(".p-job-title").inner_text(),
        "location": card.locator(".p-locality").inner_text(),
        "links": card.locator(".profile-links").inner_text(),
        **{
            sections.nth(n).locator("h2").inner_text(): sections.nth(n).inner_text()
            for n in range(sections.count())
        },
    }


def test_fill_in_a_profile_export_it_and_import_it_into_a_new_account(live_app, page, tmp_path):
    base = live_app.config["LIVE_URL"]
    sign_up(page, base, "yasmin", "Yasmin Aziz")

    page.goto(base + "/settings/profile")
    page.get_by_label("Headline").fill("Cartographer · رسامة خرائط")
    page.get_by_label("Brand statement").fill(
        "I draw **maps** that people can read.\n\nأرسم خرائط يفهمها الناس."
    )
    page.get_by_label("Location").fill("Haifa")
    page.get_by_label("Interests").fill("Maps, خط عربي, Open data")
    page.get_by_label("Hobbies").fill("Trail running")
    page.get_by_label("Languages").fill("Arabic (native), Hebrew (fluent), English (C1)")
    page.get_by_label("I am open to work").check()
    page.get_by_role("button", name="Save profile").click()
    assert page.get_by_text("Your profile is saved.").is_visible()

    page.goto(base + "/settings/record")
    page.locator("#positions").get_by_role("link", name="Add").click()
    page.get_by_label("Job title").fill("Cartographer")
    page.get_by_label("Organization").fill("Survey of the North")
    page.get_by_label("Started").fill("2019-04")
    page.get_by_label("Ended").fill("2018-01")
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("The end month is before the start month.").is_visible()
    page.get_by_label("Ended").fill("")
    page.get_by_label("What you did").fill("Maps for hikers.\nTwo atlases.")
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("Added to your profile.").is_visible()
    for skill, years in (("QGIS", "6"), ("Illustration", "")):
        page.locator("#skills").get_by_role("link", name="Add").click()
        page.get_by_label("Skill", exact=True).fill(skill)
        page.get_by_label("Years of practice").fill(years)
        page.get_by_role("button", name="Save").click()
    page.locator("#skills li").nth(1).get_by_role("button", name="Move up").click()
    assert page.locator("#skills li").first.inner_text().startswith("Illustration")
    page.locator("#links").get_by_role("link", name="Add").click()
    page.get_by_label("Label").fill("Atlas")
    page.get_by_label("Address").fill("https://atlas.example.org")
    page.get_by_role("button", name="Save").click()

    page.goto(base + "/settings/photo")
    page.get_by_label("Photo", exact=True).set_input_files(photo_file(tmp_path))
    page.get_by_role("button", name="Upload photo").click()
    assert page.get_by_text("Your new photo is saved.").is_visible()

    page.goto(base + "/@yasmin")
    photo = page.locator("img.u-photo")
    assert photo.evaluate("img => img.complete && img.naturalWidth") == 400
    assert page.get_by_text("Only recruiters and editors see this.").is_visible()
    first = whole_person(page)
    assert "Cartographer" in first["Work history"]
    assert "Illustration" in first["Skills"]
    screenshot(page, "profile-filled-in")

    page.goto(base + "/settings/data")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download my profile as JSON Resume").click()
    resume = tmp_path / "resume.json"
    download.value.save_as(resume)

    page.get_by_role("button", name="Log out").click()
    sign_up(page, base, "yasmin_two", "Someone Else")
    page.goto(base + "/settings/data")
    page.get_by_role("link", name="Import a JSON Resume file").click()
    page.get_by_label("JSON Resume file").set_input_files(str(resume))
    page.get_by_role("button", name="Preview the import").click()
    assert "Survey of the North" in page.locator("main").inner_text()
    page.get_by_role("button", name="Apply the import").click()
    page.wait_for_url(base + "/@yasmin_two")
    assert whole_person(page) == first
    screenshot(page, "profile-imported")


def test_a_profile_prints_without_navigation_buttons_or_feed(live_app, page):
    base = live_app.config["LIVE_URL"]
    sign_up(page, base, "printer", "Print Me")
    page.goto(base + "/@printer")
    page.emulate_media(media="print")
    assert not page.locator("nav.navbar").is_visible()
    assert not page.locator("footer").is_visible()
    assert not page.get_by_role("link", name="Edit profile").is_visible()
    assert not page.get_by_role("heading", name="Posts").is_visible()
    assert page.locator(".profile-card .p-name").is_visible()
