"""The whole-person profile: settings pages, the /@handle page with its JSON-LD and h-card,
honey's Article JSON-LD, and "open to opportunities" kept from everyone but recruiters and
editors, through every page there is."""

from __future__ import annotations

import io
import json
import re

import pytest
from PIL import Image
from sqlalchemy import select

from app.extensions import db
from app.hives.services import join_hive
from app.opportunities import pitches
from app.opportunities.models import Opportunity, Pitch
from app.opportunities.pitches import PitchData
from app.opportunities.services import OpportunityData, post_opportunity
from app.posts.comments import add_comment
from app.profiles import photos, record
from app.profiles.models import Bee, Position
from app.profiles.services import follow, set_account_kind
from tests.factories import full_profile_data, make_bee, make_hive, make_post


def json_ld(html: str) -> list[dict]:
    """Every JSON-LD block of a page, parsed."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_the_brand_form_saves_tags_languages_and_openness(app, client, login):
    bee = login(make_bee(handle="noor"))
    response = client.post(
        "/settings/profile",
        data={
            "display_name": "Noor",
            "headline": "Editor",
            "statement": "I love **maps**.",
            "location": "لاهور",
            "interests": "Maps, خط عربي، maps",
            "hobbies": "Chess",
            "causes": "",
            "languages": "Urdu (native), English (C1)",
            "open_to_work": "y",
            "language": "",
        },
    )
    assert response.status_code == 302
    data = record.snapshot(db.session.get(Bee, bee.id))
    assert data.interests == ("Maps", "خط عربي")
    assert [(lang.name, lang.fluency) for lang in data.languages] == [("Urdu", "native"), ("English", "C1")]
    saved = db.session.get(Bee, bee.id)
    assert (saved.open_to_work, saved.open_to_freelance) == (True, False)
    form = client.get("/settings/profile").get_data(as_text=True)
    assert "Urdu (native), English (C1)" in form
    assert "Maps, خط عربي" in form


def test_a_bad_brand_is_refused_whole(app, client, login):
    bee = login(make_bee(handle="noor", display_name="Noor"))
    response = client.post(
        "/settings/profile",
        data={"display_name": "Changed", "statement": "x" * 6000, "interests": "a", "language": ""},
    )
    assert response.status_code == 422
    assert "Keep this under" in response.get_data(as_text=True)
    assert db.session.get(Bee, bee.id).display_name == "Noor"
    assert record.snapshot(bee).interests == ()


def test_entries_are_added_edited_moved_and_removed_through_the_pages(app, client, login):
    bee = login(make_bee())
    assert "Nothing here yet." in client.get("/settings/record").get_data(as_text=True)
    fields = {"title": "Reporter", "organization": "Gazette", "start_on": "2015-03", "end_on": ""}
    assert client.post("/settings/record/positions/new", data=fields).status_code == 302
    late = {**fields, "title": "Editor", "start_on": "2020-01", "end_on": "2019-01"}
    refused = client.post("/settings/record/positions/new", data=late)
    assert refused.status_code == 422
    assert "The end month is before the start month." in refused.get_data(as_text=True)
    assert client.post("/settings/record/positions/new", data={**late, "end_on": ""}).status_code == 302
    first, second = record.entries(bee.id, "positions")
    edit_page = client.get(f"/settings/record/positions/{first.id}").get_data(as_text=True)
    assert 'value="2015-03"' in edit_page
    client.post(f"/settings/record/positions/{first.id}", data={**fields, "title": "Senior reporter"})
    client.post(f"/settings/record/positions/{second.id}/move", data={"direction": "up"})
    assert [row.title for row in record.entries(bee.id, "positions")] == ["Editor", "Senior reporter"]
    assert (
        client.post(
            f"/settings/record/positions/{second.id}/move", data={"direction": "sideways"}
        ).status_code
        == 422
    )
    confirm = client.get(f"/settings/record/positions/{first.id}/remove").get_data(as_text=True)
    assert "Remove from your profile?" in confirm
    assert db.session.get(Position, first.id) is not None  # asking removes nothing
    client.post(f"/settings/record/positions/{first.id}/remove")
    assert [row.title for row in record.entries(bee.id, "positions")] == ["Editor"]


def test_another_bees_entries_and_unknown_lists_are_not_found(app, client, login):
    owner = make_bee()
    entry = record.add_entry(owner, "skills", name="SQL")
    login(make_bee())
    for url in (f"/settings/record/skills/{entry.id}", f"/settings/record/skills/{entry.id}/remove"):
        assert client.get(url).status_code == 404
        assert client.post(url, data={"name": "Mine now"}).status_code == 404
    assert (
        client.post(f"/settings/record/skills/{entry.id}/move", data={"direction": "up"}).status_code == 404
    )
    assert client.get("/settings/record/secrets/new").status_code == 404
    assert record.entries(owner.id, "skills")[0].name == "SQL"


def test_the_profile_page_shows_the_whole_person_with_json_ld_and_an_h_card(app, client):
    bee = make_bee(handle="layla", email="layla@example.test")
    record.replace_profile(bee, full_profile_data())
    make_post(bee, "Body of the article", kind="honey", title="Maps of Amman")
    html = client.get("/@layla").get_data(as_text=True)
    shown = ["Data editor", "Al-Manara News", "University of Jordan", "D3.js", "ריצת שטח", "Press freedom"]
    shown += ["Water in Amman", "Maps of Amman", "Sep 2021", "<strong>public data</strong>"]
    for text in shown:
        assert text in html, text
    assert 'class="card profile-card h-card"' in html
    assert 'class="h3 mb-0 p-name"' in html
    (person,) = json_ld(html)
    assert person["@type"] == "Person"
    assert person["name"] == "Layla Haddad"
    assert person["url"].endswith("/@layla")
    assert {"@type": "Organization", "name": "Al-Manara News"} in person["worksFor"]
    assert "Python" in person["knowsAbout"]
    assert "layla@example.test" not in html


def test_json_ld_cannot_be_closed_by_a_bees_text(app, client):
    make_bee(handle="sly", display_name="</script><script>alert(1)</script>")
    html = client.get("/@sly").get_data(as_text=True)
    assert "<script>alert(1)" not in html
    assert json_ld(html)[0]["name"] == "</script><script>alert(1)</script>"


def test_honey_pages_carry_an_article(app, client):
    author = make_bee(handle="writer", display_name="Writer")
    post = make_post(author, "Long **form**.", kind="honey", title="On maps")
    (article,) = json_ld(client.get(f"/@writer/{post.slug}").get_data(as_text=True))
    assert article["@type"] == "Article"
    assert article["headline"] == "On maps"
    assert article["author"]["name"] == "Writer"
    buzz = make_post(author, "Just buzz")
    assert json_ld(client.get(f"/posts/{buzz.id}").get_data(as_text=True)) == []


# How a page shows that a bee is open: the banner's class and words. (The viewer's own settings
# form says "I am open to work": that is the viewer's own choice, not the open bee's.)
OPENNESS = re.compile(r'class="[^"]*\bopen-to\b|Open to work|Open to freelance')


@pytest.fixture
def open_bee(app):
    """A bee open to work and freelance, with posts, comments, a hive and a full profile."""
    bee = make_bee(handle="opento", display_name="Open Bee", open_to_work=True, open_to_freelance=True)
    record.replace_profile(bee, full_profile_data("Open Bee"))
    hive = make_hive(owner=bee, name="Open Hive")
    post = make_post(bee, "Hello #maps @opento", hives=[hive])
    make_post(bee, "An article", kind="honey", title="Article")
    add_comment(bee, post, "A comment")
    # An editor's story call in the bee's hive (the bee joins the editor there), and the bee's pitch.
    editor = set_account_kind(make_bee(handle="the_editor"), "editor")
    join_hive(editor, hive)
    call = post_opportunity(editor, OpportunityData("story_call", "A call", "Pitch.", hive_ids=(hive.id,)))
    pitches.send(bee, call.id, PitchData(idea="An idea", body="A summary."))
    return bee, hive, post


def _every_page(app, bee, hive, post):
    call = db.session.scalar(select(Opportunity))
    values = {
        "handle": bee.handle,
        "slug": hive.slug,
        "post_id": post.id,
        "tag": "maps",
        "opportunity_id": call.id,
        "pitch_id": db.session.scalar(select(Pitch.id)),
    }
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static" or set(rule.arguments) - set(values):
            continue
        yield rule.build({name: values[name] for name in rule.arguments})[1]
    for tab in ("posts", "bees", "hives"):
        yield f"/search?q=open&in={tab}"
        yield f"/search?q=Open+Bee&in={tab}"


@pytest.mark.parametrize("viewer", ["anonymous", "bee", "follower", "admin", "hive member"])
def test_openness_never_reaches_anyone_but_recruiters_and_editors(app, client, login, open_bee, viewer):
    bee, hive, post = open_bee
    if viewer != "anonymous":
        other = make_bee(is_admin=viewer == "admin")
        if viewer == "follower":
            follow(other, bee)
        if viewer == "hive member":
            join_hive(other, hive)
        login(other)
    pages = list(_every_page(app, bee, hive, post))
    assert len(pages) > 20
    for url in pages:
        response = client.get(url, headers={"Accept": "text/html"})
        assert response.status_code < 500, url
        if response.mimetype.startswith("text/") or response.is_json:  # a ZIP is the viewer's own
            assert not OPENNESS.search(response.get_data(as_text=True)), url
    assert "@opento" in client.get("/search?q=Open+Bee&in=bees").get_data(as_text=True)  # the door was open


@pytest.mark.parametrize("kind", ["recruiter", "editor"])
def test_recruiters_and_editors_see_openness_on_the_profile(app, client, login, open_bee, kind):
    seeker = set_account_kind(make_bee(), kind)
    login(seeker)
    html = client.get("/@opento").get_data(as_text=True)
    assert "Open to work and to freelance work" in html
    assert "Only recruiters and editors see this." not in html
    assert not OPENNESS.search(json.dumps(json_ld(html)))


def test_the_bee_sees_their_own_openness_and_who_else_does(app, client, login, open_bee):
    bee, _hive, _post = open_bee
    login(bee)
    html = client.get("/@opento").get_data(as_text=True)
    assert "Open to work and to freelance work" in html
    assert "Only recruiters and editors see this." in html


def test_a_photo_shows_on_the_profile_in_lists_and_in_json_ld(app, client):
    bee = make_bee(handle="pictured")
    buffer = io.BytesIO()
    Image.new("RGB", (120, 90), "teal").save(buffer, "PNG")
    photos.save_photo(bee, buffer.getvalue())
    follower = make_bee()
    follow(follower, bee)
    html = client.get("/@pictured").get_data(as_text=True)
    (person,) = json_ld(html)
    assert person["image"].startswith("http://localhost/photos/")
    assert person["image"].endswith("-400.webp")
    assert 'class="u-photo profile-photo' in html
    with client.get(person["image"].removeprefix("http://localhost")) as served:
        assert served.status_code == 200
    assert "-96.webp" in client.get(f"/@{follower.handle}/following").get_data(as_text=True)


def test_a_site_admin_makes_an_account_a_recruiters_and_nobody_else_can(app, client, login):
    bee = make_bee(handle="soon_recruiter")
    login(make_bee())
    assert client.post("/admin/bees/soon_recruiter/kind", data={"kind": "recruiter"}).status_code == 403
    client.post("/logout")
    login(make_bee(is_admin=True))
    assert "account-kind" in client.get("/@soon_recruiter").get_data(as_text=True)
    assert client.post("/admin/bees/soon_recruiter/kind", data={"kind": "recruiter"}).status_code == 302
    assert db.session.get(Bee, bee.id, populate_existing=True).account_kind == "recruiter"
    assert client.post("/admin/bees/soon_recruiter/kind", data={"kind": "overlord"}).status_code == 422
    assert db.session.get(Bee, bee.id, populate_existing=True).account_kind == "recruiter"
