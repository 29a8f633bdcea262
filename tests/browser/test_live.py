"""Live pages in real browsers: two bees, each in a browser context of their own, and what one
does shows on the other's open page without a reload.

Each test logs both bees in through the login form (CSRF is on), marks the watching page with
``window.__marker`` once it is live, and checks at the end that the marker is still there: the
change arrived over Socket.IO (long-polling on this threaded werkzeug server), not by a reload.
Console errors (script errors and CSP violations) are collected and must stay empty.
Screenshots are kept in test-artifacts/.
"""

from __future__ import annotations

import itertools

import pytest
from playwright.sync_api import expect

from app.extensions import db
from app.messages.services import send_message
from app.notifications.services import mark_all_read
from app.profiles.services import bee_by_handle, follow
from tests.browser.conftest import ARTIFACTS, screenshot
from tests.factories import PASSWORD, make_bee, make_post

pytestmark = pytest.mark.browser

LIVE_MS = 5_000  # how long a change may take to reach the other bee's open page
_pairs = itertools.count(1)


@pytest.fixture
def bees(live_app):
    """A fresh pair for each test: ``a`` writes, ``b`` follows ``a``. Returns their handles."""
    n = next(_pairs)
    with live_app.app_context():
        writer = make_bee(handle=f"amal{n}", display_name=f"Amal {n}")
        reader = make_bee(handle=f"bilal{n}", display_name=f"Bilal {n}")
        follow(reader, writer)
        mark_all_read(writer)  # the follow's notice: each test starts with no badge
        handles = {"a": writer.handle, "b": reader.handle}
        db.session.remove()
    return handles


@pytest.fixture
def open_as(live_app, browser):
    """``open_as(handle)``: a new browser context logged in as ``handle`` through the login
    form, its page on the home feed; console errors gather in ``page.errors``."""
    base = live_app.config["LIVE_URL"]
    contexts = []

    def open_page(handle: str):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.base = base
        page.errors = []
        page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.goto(base + "/login")
        page.get_by_label("Email or handle").fill(handle)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(base + "/")
        wait_live(page)
        return page

    yield open_page
    for context in contexts:
        for page in context.pages:
            wait_live(page)  # no "watch" still on its way to the server when the page closes
        context.close()


def wait_live(page) -> None:
    """Wait until the page's socket is connected and the server has joined it to the rooms of
    what the page shows (live.js sets ``data-live-state`` when the server has answered)."""
    expect(page.locator("body")).to_have_attribute("data-live-state", "connected")


def go_live(page, path: str | None = None) -> None:
    """Open ``path`` (or stay), wait until it is live, and mark the document so that a reload
    would show."""
    if path is not None:
        page.goto(page.base + path)
    wait_live(page)
    page.evaluate("window.__marker = 1")


def not_reloaded(page) -> None:
    assert page.evaluate("window.__marker") == 1, "the page was reloaded"


def buzz(page, text: str) -> None:
    """Publish a buzz from the Write page's composer; it lands on the home feed.

    Not from the home feed's composer: that page hears of its own new post while it is being
    left, fetches the card and asks to watch it, and the socket can end before the server
    handles the "watch"; app/sockets.py then raises a KeyError in its thread (join_room on a
    socket that is gone), which fails the test that happens to be running.
    """
    wait_live(page)  # leave only a page that is done joining its rooms
    page.goto(page.base + "/write")
    wait_live(page)
    page.get_by_label("Text").fill(text)
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(page.base + "/")


def card_texts(page) -> list[str]:
    return page.locator("section.feed article.post .post-body").all_inner_texts()


def card_ids(page) -> list[str]:
    return page.locator("section.feed article.post").evaluate_all("cards => cards.map(c => c.id)")


def viewport_shot(page, name: str) -> None:
    """A screenshot of what the reader sees now (not the whole page)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_new_buzz_appears_at_the_top_of_a_followers_open_feed(bees, open_as, live_app):
    with live_app.app_context():
        make_post(bee_by_handle(bees["a"]), "An older buzz, already on the page.")
        db.session.remove()
    reader = open_as(bees["b"])
    writer = open_as(bees["a"])
    go_live(reader)
    assert card_texts(reader) == ["An older buzz, already on the page."]

    buzz(writer, "First live buzz: the hive is awake.")
    newest = reader.locator("section.feed article.post").first
    expect(newest).to_contain_text("First live buzz", timeout=LIVE_MS)
    expect(reader.locator("article.post", has_text="First live buzz")).to_have_count(1)

    buzz(writer, "Second live buzz, right after the first.")
    expect(newest).to_contain_text("Second live buzz", timeout=LIVE_MS)
    expect(reader.locator("section.feed article.post")).to_have_count(3)
    assert card_texts(reader) == [
        "Second live buzz, right after the first.",
        "First live buzz: the hive is awake.",
        "An older buzz, already on the page.",
    ]
    ids = card_ids(reader)
    assert len(set(ids)) == len(ids) == 3
    assert reader.locator("#new-posts").is_hidden()  # at the top: cards, not the affordance
    # The writer's feed hears of its own posts too, and shows each once.
    assert card_texts(writer) == card_texts(reader)

    # Two posts committed back to back: the second's news comes while the page is still
    # fetching the first, and must not be lost.
    with live_app.app_context():
        make_post(bee_by_handle(bees["a"]), "Burst one.")
        make_post(bee_by_handle(bees["a"]), "Burst two.")
        db.session.remove()
    expect(reader.locator("section.feed article.post")).to_have_count(5, timeout=LIVE_MS)
    assert card_texts(reader) == [
        "Burst two.",
        "Burst one.",
        "Second live buzz, right after the first.",
        "First live buzz: the hive is awake.",
        "An older buzz, already on the page.",
    ]
    screenshot(reader, "live-feed-ltr")
    not_reloaded(reader)
    assert reader.errors == []
    assert writer.errors == []


def test_a_comment_appears_live_on_the_authors_open_post_page(bees, open_as, live_app):
    with live_app.app_context():
        post = make_post(bee_by_handle(bees["a"]), "Which pollen do your bees like best?")
        path = f"/posts/{post.id}"
        db.session.remove()
    author = open_as(bees["a"])
    commenter = open_as(bees["b"])
    go_live(author, path)
    expect(author.locator(".notice-badge")).to_be_hidden()
    expect(author.locator(".comment")).to_have_count(0)

    go_live(commenter, path)
    commenter.get_by_label("Your comment").fill("Lavender, **every** time.")
    commenter.get_by_role("button", name="Comment", exact=True).click()
    expect(commenter.locator(".comment")).to_have_count(1)

    comment = author.locator(".comment-threads .comment")
    expect(comment).to_have_count(1, timeout=LIVE_MS)
    expect(comment).to_contain_text("Lavender, every time.")
    expect(comment.locator("strong")).to_have_text("every")
    expect(comment.locator("header")).to_contain_text("Bilal")
    expect(author.locator(".no-comments")).to_have_count(0)
    expect(author.locator("#comments-heading")).to_have_text("1 comment")
    expect(comment.get_by_role("link", name="Reply")).to_be_visible()  # as the page itself shows it
    count = author.locator('article.post .live-count[data-count-of="comments"]')
    expect(count).to_have_text("1", timeout=LIVE_MS)
    badge = author.locator(".notice-badge")
    expect(badge).to_be_visible(timeout=LIVE_MS)
    expect(badge).to_have_text("1")
    screenshot(author, "live-comment-ltr")
    not_reloaded(author)
    assert author.errors == []
    assert commenter.errors == []


def test_relevant_toggles_in_place_and_the_count_changes_on_the_authors_page(bees, open_as, live_app):
    with live_app.app_context():
        post = make_post(bee_by_handle(bees["a"]), "A honeycomb photo, hexagons all the way down.")
        path, card_id = f"/posts/{post.id}", f"#post-{post.id}"
        db.session.remove()
    author = open_as(bees["a"])
    reader = open_as(bees["b"])
    go_live(author, path)
    go_live(reader)  # the reader's home feed

    button = reader.locator(card_id).get_by_role("button", name="Relevant")
    mine = reader.locator(f'{card_id} .live-count[data-count-of="relevant"]')
    theirs = author.locator(f'{card_id} .live-count[data-count-of="relevant"]')
    expect(button).to_have_attribute("aria-pressed", "false")
    expect(theirs).to_have_text("0")

    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(mine).to_have_text("1")
    expect(theirs).to_have_text("1", timeout=LIVE_MS)
    expect(author.locator(".notice-badge")).to_have_text("1", timeout=LIVE_MS)
    screenshot(reader, "live-relevant-reader")

    button.click()  # and take it back
    expect(button).to_have_attribute("aria-pressed", "false")
    expect(mine).to_have_text("0")
    expect(theirs).to_have_text("0", timeout=LIVE_MS)
    expect(author.locator(".notice-badge")).to_be_hidden(timeout=LIVE_MS)  # the notice went too
    not_reloaded(reader)

    # Sharing it (from its page, through the share form) moves its Shares count live too.
    go_live(reader, path)
    reader.locator(card_id).get_by_role("link", name="Share").click()
    reader.get_by_role("button", name="Share").click()
    reader.wait_for_url(reader.base + "/")
    shares = author.locator(f'{card_id} .live-count[data-count-of="shares"]')
    expect(shares).to_have_text("1", timeout=LIVE_MS)
    expect(author.locator(".notice-badge")).to_have_text("1", timeout=LIVE_MS)
    not_reloaded(author)
    assert reader.errors == []
    assert author.errors == []


def test_a_reader_down_the_feed_gets_a_show_new_posts_button(bees, open_as, live_app):
    with live_app.app_context():
        writer = bee_by_handle(bees["a"])
        for n in range(30):
            make_post(writer, f"Seeded buzz number {n + 1}, to make the feed long.")
        db.session.remove()
    reader = open_as(bees["b"])
    writer = open_as(bees["a"])
    go_live(reader)
    before = card_ids(reader)
    assert len(before) == live_app.config["FEED_PAGE_SIZE"]
    reader.mouse.move(400, 500)
    reader.mouse.wheel(0, 20_000)  # down to the end of the first page of the feed
    expect(reader.get_by_role("link", name="Older posts")).to_be_in_viewport()

    buzz(writer, "Fresh buzz while the reader is far down.")
    banner = reader.get_by_role("button", name="Show new posts")
    expect(banner).to_be_visible(timeout=LIVE_MS)
    expect(banner.locator(".count")).to_have_text("1")
    expect(banner).to_be_in_viewport()  # it stays in sight down the feed
    expect(reader.locator("article.post", has_text="Fresh buzz")).to_have_count(0)  # not yet
    assert reader.evaluate("window.scrollY") > 3000  # and nothing moved under the reader
    viewport_shot(reader, "live-new-posts-button")

    banner.click()
    newest = reader.locator("section.feed article.post").first
    expect(newest).to_contain_text("Fresh buzz while the reader is far down.", timeout=LIVE_MS)
    expect(banner).to_be_hidden()
    expect(newest).to_be_in_viewport()  # scrolled up to it
    ids = card_ids(reader)
    assert ids[1:] == before
    assert len(set(ids)) == len(ids)
    viewport_shot(reader, "live-new-posts-shown")
    not_reloaded(reader)
    assert reader.errors == []
    assert writer.errors == []


def test_a_message_arrives_in_the_open_conversation_and_is_read_there(bees, open_as, live_app):
    with live_app.app_context():
        send_message(bee_by_handle(bees["a"]), bee_by_handle(bees["b"]), "Hello! Got a minute?")
        db.session.remove()
    sender = open_as(bees["a"])
    reader = open_as(bees["b"])
    go_live(reader, f"/messages/@{bees['a']}")  # opening it reads the first message
    badge = reader.locator(".message-badge")
    expect(badge).to_be_hidden()
    go_live(sender, f"/messages/@{bees['b']}")

    sender.get_by_label("Your message").fill("Are you coming to the *swarm* on Saturday?")
    with reader.expect_response(lambda response: response.url.endswith("/read"), timeout=LIVE_MS) as marked:
        sender.get_by_role("button", name="Send").click()
    expect(sender.locator(".message-mine").last).to_contain_text("swarm")

    arrived = reader.locator("ol.messages .message").last
    expect(arrived).to_contain_text("Are you coming to the swarm on Saturday?", timeout=LIVE_MS)
    expect(arrived).to_have_class("message message-theirs")
    expect(arrived.locator("em")).to_have_text("swarm")
    expect(reader.locator("ol.messages .message")).to_have_count(2)
    # The open page marked it read: the server's count is back to 0, and so is the badge.
    assert marked.value.json() == {"read": 1}
    assert reader.request.get(reader.base + "/notices/unread").json()["messages"] == 0
    expect(badge).to_be_hidden(timeout=LIVE_MS)
    expect(sender.locator(".message-badge")).to_be_hidden()
    screenshot(reader, "live-message-ltr")
    not_reloaded(reader)
    assert reader.errors == []
    assert sender.errors == []


def test_the_inbox_brings_a_conversation_with_a_new_message_to_the_top(bees, open_as, live_app):
    with live_app.app_context():
        send_message(bee_by_handle(bees["b"]), bee_by_handle(bees["a"]), "An older conversation.")
        db.session.remove()
    reader = open_as(bees["a"])
    go_live(reader, "/messages")
    expect(reader.locator(".inbox-item")).to_have_count(1)
    writer = open_as(bees["b"])
    go_live(writer, f"/messages/@{bees['a']}")
    writer.get_by_label("Your message").fill("A fresh question about the hive.")
    writer.get_by_role("button", name="Send").click()
    first = reader.locator(".inbox-item").first
    expect(first).to_contain_text("A fresh question about the hive.", timeout=LIVE_MS)
    expect(first.locator(".unread-count")).to_be_visible()
    expect(reader.locator(".message-badge")).to_be_visible(timeout=LIVE_MS)
    not_reloaded(reader)
    assert reader.errors == []
    assert writer.errors == []


def test_a_live_arabic_buzz_on_a_right_to_left_page(bees, open_as):
    reader = open_as(bees["b"])
    reader.locator("#language-picker").select_option("ar")
    reader.locator(".language-picker button[type=submit]").click()
    expect(reader.locator("html")).to_have_attribute("dir", "rtl")
    expect(reader.locator("html")).to_have_attribute("lang", "ar")
    go_live(reader)
    writer = open_as(bees["a"])

    buzz(writer, "الخلية **مستيقظة** اليوم. First swarm of the season!")
    newest = reader.locator("section.feed article.post").first
    expect(newest).to_contain_text("الخلية مستيقظة اليوم", timeout=LIVE_MS)
    paragraph = newest.locator(".post-body p")
    expect(paragraph).to_have_attribute("dir", "auto")
    assert paragraph.evaluate("p => getComputedStyle(p).direction") == "rtl"
    assert reader.evaluate("document.documentElement.dir") == "rtl"
    # The card was rendered for this page: in its language, like the cards around it.
    expect(newest.locator(".relevant-toggle")).to_have_text("ذو صلة")
    expect(reader.locator("article.post", has_text="الخلية")).to_have_count(1)
    screenshot(reader, "live-feed-rtl")
    not_reloaded(reader)
    assert reader.errors == []
    assert writer.errors == []
