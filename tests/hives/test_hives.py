"""Creating, finding, joining and leaving hives."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.errors import Conflict, PermissionDenied, ValidationError
from app.extensions import db
from app.hives.models import Hive, Role
from app.hives.queries import member_count, search_hives
from app.hives.services import create_hive, join_hive, leave_hive, membership_of
from app.posts import queries
from tests.factories import make_bee, make_hive, make_post


def test_creator_becomes_owner(app):
    owner = make_bee()
    hive = create_hive(owner, "  Arabic   Calligraphy ", "Reed pens and ink.", "#calligraphy, art art")
    assert (hive.name, hive.slug, hive.tag_names) == (
        "Arabic Calligraphy",
        "arabic-calligraphy",
        ["art", "calligraphy"],
    )
    assert membership_of(owner.id, hive.id).role == Role.OWNER
    assert member_count(hive.id) == 1


def test_hive_names_of_any_script_get_slugs(app):
    hive = create_hive(make_bee(), "الخط العربي", "", "خط")
    assert hive.slug == "الخط-العربي"
    assert hive.tag_names == ["خط"]


@pytest.mark.parametrize(
    ("name", "description", "tags", "field"),
    [
        ("", "d", "", "name"),
        ("n" * 61, "d", "", "name"),
        ("Fine", "d" * 2001, "", "description"),
        ("Fine", "d", "a b c d e f g h i", "tags"),
        ("Fine", "d", "<script>", "tags"),
    ],
)
def test_create_hive_refuses_bad_input(app, name, description, tags, field):
    with pytest.raises(ValidationError) as caught:
        create_hive(make_bee(), name, description, tags)
    assert caught.value.field == field
    assert db.session.scalar(select(func.count(Hive.id))) == 0


def test_hive_names_are_unique_regardless_of_case(app):
    create_hive(make_bee(), "Chess Club", "", "")
    with pytest.raises(ValidationError, match="already exists"):
        create_hive(make_bee(), "chess club", "", "")


def test_search_by_name_and_tag_with_member_counts(app):
    a, b = make_bee(), make_bee()
    make_hive(owner=a, name="Trail Running", tags="running outdoors", members=[b])
    make_hive(owner=a, name="Sourdough & Bread", tags="baking")
    make_hive(owner=a, name="Urban Gardening", tags="outdoors")
    assert [r.hive.name for r in search_hives("trail").rows] == ["Trail Running"]
    assert [r.hive.name for r in search_hives("#outdoors").rows] == ["Trail Running", "Urban Gardening"]
    assert [r.member_count for r in search_hives("running").rows] == [2]
    assert search_hives("100%_\\").rows == []
    assert len(search_hives("").rows) == 3


def test_hive_listing_pages_by_name(app):
    owner = make_bee()
    for n in range(5):
        make_hive(owner=owner, name=f"Hive {n}")
    first = search_hives(limit=2)
    second = search_hives(after=first.next_after, limit=2)
    third = search_hives(after=second.next_after, limit=2)
    names = [r.hive.name for page in (first, second, third) for r in page.rows]
    assert names == [f"Hive {n}" for n in range(5)]
    assert third.next_after is None


def test_join_and_leave_move_the_hive_feed_in_and_out_of_home(app):
    owner, bee = make_bee(), make_bee()
    hive = make_hive(owner=owner)
    post = make_post(owner, "earlier hive post", hives=[hive])
    join_hive(bee, hive)
    assert [p.id for p in queries.home_feed(bee.id).posts] == [post.id]
    with pytest.raises(Conflict):
        join_hive(bee, hive)
    leave_hive(bee, hive)
    assert queries.home_feed(bee.id).posts == []
    with pytest.raises(Conflict):
        leave_hive(bee, hive)
    join_hive(bee, hive)  # rejoining is allowed
    assert member_count(hive.id) == 2


def test_the_owner_cannot_leave(app):
    owner = make_bee()
    hive = make_hive(owner=owner)
    with pytest.raises(PermissionDenied):
        leave_hive(owner, hive)
    assert member_count(hive.id) == 1


def test_hive_pages(app, client, login):
    owner = make_bee(display_name="Owner O")
    hive = make_hive(owner=owner, name="Jazz Musicians", description="Standards and sessions.")
    make_post(owner, "Session on Friday", hives=[hive])
    html = client.get(f"/hives/{hive.slug}").get_data(as_text=True)
    assert "Jazz Musicians" in html
    assert "Session on Friday" in html
    assert "1 member" in html
    assert "Log in to join" in html
    login(make_bee(handle="joiner"))
    assert client.post(f"/hives/{hive.slug}/join").status_code == 302
    assert "@joiner" in client.get(f"/hives/{hive.slug}/members").get_data(as_text=True)
    assert "Leave hive" in client.get(f"/hives/{hive.slug}").get_data(as_text=True)
    assert client.post(f"/hives/{hive.slug}/join").status_code == 409
    assert client.post(f"/hives/{hive.slug}/leave").status_code == 302
    assert client.get("/hives/?q=jazz").status_code == 200


def test_create_hive_page(app, client, login):
    login(make_bee())
    response = client.post(
        "/hives/new", data={"name": "Climate Tech", "description": "Grid", "tags": "energy"}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/hives/climate-tech"
    response = client.post("/hives/new", data={"name": "", "description": "", "tags": ""})
    assert response.status_code == 422
    assert "Give the hive a name." in response.get_data(as_text=True)


def test_unknown_hive_is_a_404(app, client, login):
    assert client.get("/hives/no-such-hive").status_code == 404
    login(make_bee())
    assert client.post("/hives/no-such-hive/join").status_code == 404


def test_a_hive_called_new_gets_a_page_of_its_own(app, client):
    hive = make_hive(name="New")
    assert hive.slug == "new-hive"
    assert "New</h1>" in client.get("/hives/new-hive").get_data(as_text=True)


def test_names_that_grow_when_case_folded_are_measured_folded(app):
    with pytest.raises(ValidationError, match="name"):
        create_hive(make_bee(), "ß" * 40, "", "")
    assert db.session.scalar(select(func.count(Hive.id))) == 0


def test_the_hive_index_pages_past_long_names(app, client):
    owner = make_bee()
    names = [f"{letter} " + "long hive name " * 3 for letter in "ABC"]
    for name in names:
        make_hive(owner=owner, name=name.strip())
    after = search_hives(limit=1).next_after
    assert len(after) > 30
    response = client.get("/hives/", query_string={"after": after})
    assert response.status_code == 200
    assert names[1].strip() in response.get_data(as_text=True)
