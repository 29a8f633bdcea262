"""The same pages in English, Arabic and Hebrew, on a phone and a desktop, in a real browser.

For each: the document's direction, the mirrored layout, content that keeps
its own direction (posts by ``dir="auto"``, handles and code left to right),
and nothing wider than the viewport. Screenshots are kept in test-artifacts/.
"""

from __future__ import annotations

import pytest

from app.extensions import db
from app.hives import moderation
from app.hives.services import join_hive
from app.profiles.services import follow, mute
from tests.browser.conftest import screenshot
from tests.factories import PASSWORD, make_bee, make_hive, make_post

pytestmark = pytest.mark.browser

LANGUAGES = {"en": "ltr", "ar": "rtl", "he": "rtl"}
WIDTHS = [375, 1280]
HONEY = (
    """## Ink and patience

A long line to wrap: https://example.org/calligraphy/"""
    + "reed-pen-" * 12
    + """

| pen | width | ink | paper | hours | notes |
|---|---|---|---|---|---|
| qalam | 4 mm | sumi | ahar | 3 | steady |

```python
def stroke(width_mm: int) -> str:
    return "thuluth" if width_mm > 3 else "naskh"
```
"""
)


@pytest.fixture(scope="module")
def network(live_app):
    with live_app.app_context():
        reader = make_bee(handle="noor", display_name="نور الهدى")
        hive = make_hive(owner=reader, name="خط عربي", description="أقلام القصب والحبر والصبر.")
        writer = make_bee(handle="dana", display_name="דנה לוי")
        follow(reader, writer)
        by_writer = make_post(writer, "כתבתי היום שורה שלמה בלי לעצור. " + "ארוךארוךארוך" * 8)
        join_hive(writer, hive)
        reported = make_post(writer, "إعلان: أقلام رخيصة! " + "اشترِ" * 20, hives=[hive])
        moderation.report_post(reader, reported, "spam", "إعلان تجاري متكرر " * 10)
        moderation.warn(reader, hive, reported, "لا إعلانات في هذه الخلية، من فضلك.")
        moderation.report_post(make_bee(), reported, "off_topic")
        moderation.ban(reader, hive, make_bee(handle="spammer", display_name="سبام"), "إعلانات", None)
        mute(reader, make_bee(handle="noisy", display_name="רעש"))
        make_post(reader, "Practising naskh tonight with a 2 mm qalam.", hives=[hive])
        make_post(reader, "الخط العربي فنّ **الصبر**.", hives=[hive])
        honey = make_post(reader, HONEY, kind="honey", title="حبر وصبر")
        live_app.config["DIRECTION_PAGES"] = {
            "home": "/",
            "hive": f"/hives/{hive.slug}",
            "honey": f"/@noor/{honey.slug}",
            "profile": "/@dana",
            "search": "/search?q=qalam",
            "moderation": f"/hives/{hive.slug}/moderation/",
            "log": f"/hives/{hive.slug}/log",
            "report": f"/posts/{by_writer.id}/report",
            "controls": "/settings/controls",
        }
        db.session.remove()
    return live_app


def signed_in(browser, base: str, language: str, width: int):
    """A browser whose language is ``language``, ``width`` pixels wide, signed in as @noor."""
    context = browser.new_context(locale=language, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base + "/login")
    page.fill("#login", "noor")
    page.fill("#password", PASSWORD)
    page.locator("main form [type=submit]").first.click()
    page.wait_for_url(base + "/")
    return context, page


def widest_overflow(page) -> int:
    """How many pixels the page is wider than the viewport (0 when it fits)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def direction_of(page, selector: str) -> str:
    return page.locator(selector).first.evaluate("el => getComputedStyle(el).direction")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_pages_mirror_for_right_to_left_languages_and_fit_the_screen(network, browser, language, width):
    base, expected = network.config["LIVE_URL"], LANGUAGES[language]
    context, page = signed_in(browser, base, language, width)
    try:
        for name, path in network.config["DIRECTION_PAGES"].items():
            page.goto(base + path)
            assert page.evaluate("document.documentElement.lang") == language, name
            assert page.evaluate("document.documentElement.dir") == expected, name
            assert direction_of(page, "body") == expected, name
            handles = page.locator(".handle").evaluate_all(
                "els => els.map(e => getComputedStyle(e).direction)"
            )
            assert set(handles) == {"ltr"}, name  # @handles read left to right
            assert widest_overflow(page) <= 0, (name, language, width)
            screenshot(page, f"direction-{language}-{width}-{name}")

        page.goto(base + "/")
        # Each post keeps its own direction, whatever the interface's.
        posts = page.locator("article.post .post-body p")
        directions = {
            posts.nth(n).inner_text()[:12]: posts.nth(n).evaluate("p => getComputedStyle(p).direction")
            for n in range(posts.count())
        }
        assert directions["Practising n"] == "ltr"
        assert directions["الخط العربي "] == "rtl"
        assert directions["כתבתי היום ש"] == "rtl"
        # Form labels start where their fields start: on the right when mirrored.
        label, field = page.locator("label[for=body]").bounding_box(), page.locator("#body").bounding_box()
        if expected == "rtl":
            assert abs((label["x"] + label["width"]) - (field["x"] + field["width"])) < 2
        else:
            assert abs(label["x"] - field["x"]) < 2
        if width >= 992:
            # The brand sits at the start of the navigation bar: left, or right when mirrored.
            brand = page.locator(".navbar-brand").bounding_box()
            start_side = brand["x"] < width / 2
            assert start_side == (expected == "ltr")

        page.goto(base + network.config["DIRECTION_PAGES"]["honey"])
        assert direction_of(page, ".post-body pre") == "ltr"  # code stays left to right
    finally:
        context.close()


def test_the_picker_switches_language_and_direction_in_place(network, browser):
    base = network.config["LIVE_URL"]
    context = browser.new_context(locale="en-US", viewport={"width": 375, "height": 800})
    page = context.new_page()
    try:
        page.goto(base + "/hives/")
        page.select_option("#language-picker", "he")
        page.locator(".language-picker [type=submit]").click()
        page.wait_for_url(base + "/hives/")
        assert page.evaluate("document.documentElement.dir") == "rtl"
        assert page.locator("#language-picker").input_value() == "he"
        assert widest_overflow(page) <= 0
        screenshot(page, "direction-picker-he-375")
    finally:
        context.close()
