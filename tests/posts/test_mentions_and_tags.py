"""@mentions link and tell the bee named (if they may read it there); #tags link to a tag page
listing, newest first, the posts the viewer may see."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.hives import roles
from app.hives.services import create_hive, join_hive, leave_hive
from app.markup import mentions_and_tags
from app.notifications.models import Notice
from app.posts import comments, queries, reactions, services
from app.profiles.services import block
from tests.factories import make_bee, make_post


def mentions_of(bee) -> list[tuple[int | None, int | None]]:
    rows = db.session.execute(
        select(Notice.post_id, Notice.comment_id).where(Notice.bee_id == bee.id, Notice.kind == "mentioned")
    )
    return [tuple(row) for row in rows]


def test_a_mention_links_and_tells_the_bee_once(app):
    author, alice = make_bee(), make_bee(handle="alice")
    post = make_post(author, "Thanks @Alice and @nobody_at_all!")
    assert '<a href="/@alice" class="mention" data-mention="alice" dir="auto">@Alice</a>' in post.body_html
    assert "@nobody_at_all" in post.body_html
    assert 'data-mention="nobody_at_all"' not in post.body_html
    assert mentions_of(alice) == [(post.id, None)]
    services.edit_post(author, post, "Thanks @alice, again.")
    assert mentions_of(alice) == [(post.id, None)]  # an edit tells only the newly named
    bob = make_bee(handle="bob_b")
    services.edit_post(author, post, "Thanks @alice and @bob_b.")
    assert mentions_of(bob) == [(post.id, None)]
    make_post(alice, "Note to self, @alice.")
    assert len(mentions_of(alice)) == 1  # nobody is told of their own mention


def test_mentions_in_comments_and_who_may_not_read_them(app):
    owner, member, outsider, blocked = (
        make_bee(),
        make_bee(handle="member_m"),
        make_bee(handle="outsider_o"),
        make_bee(handle="blocked_b"),
    )
    secret = create_hive(owner, "Circle", "Private.", "", is_private=True)
    join_hive(member, secret)
    roles.answer_request(owner, secret, member, approve=True)
    private_post = make_post(owner, "For @member_m and @outsider_o.", hives=[secret])
    assert mentions_of(member) == [(private_post.id, None)]
    assert mentions_of(outsider) == []  # cannot read it: not told
    public_post = make_post(owner, "Public.")
    block(owner, blocked)
    comment = comments.add_comment(member, public_post, "cc @outsider_o @blocked_b")
    assert mentions_of(outsider) == [(public_post.id, comment.id)]
    assert mentions_of(blocked) == []


def test_tags_link_and_list_the_posts_each_reader_may_see(app, client, login):
    owner, member, reader, hidden = make_bee(), make_bee(), make_bee(), make_bee()
    secret = create_hive(owner, "Circle", "Private.", "", is_private=True)
    join_hive(member, secret)
    roles.answer_request(owner, secret, member, approve=True)
    first = make_post(owner, "Morning #TrailRunning")
    arabic = make_post(owner, "تمرين اليوم #خط_عربي #trailrunning")
    inside = make_post(member, "Members only #trailrunning", hives=[secret])
    by_hidden = make_post(hidden, "#trailrunning too")
    block(reader, hidden)
    code = make_post(owner, "`#trailrunning` in code is not a tag")
    assert 'href="/tags/trailrunning" class="hashtag"' in first.body_html

    def tagged(viewer, tag="trailrunning"):
        return [post.id for post in queries.tag_feed(tag, viewer_id=viewer.id).posts]

    assert tagged(reader) == [arabic.id, first.id]
    assert tagged(member) == [by_hidden.id, inside.id, arabic.id, first.id]
    assert tagged(reader, "خط_عربي") == [arabic.id]
    assert code.id not in tagged(owner)
    page = queries.tag_feed("trailrunning", limit=1, viewer_id=member.id)
    assert [post.id for post in page.posts] == [by_hidden.id]
    assert page.next_cursor == by_hidden.id
    services.edit_post(owner, first, "Morning run, no tag now.")
    assert tagged(reader) == [arabic.id]
    services.delete_post(owner, arabic)
    assert tagged(reader) == []
    login(reader)
    assert client.get("/tags/TrailRunning").status_code == 200
    assert "No post you can see uses this tag yet." in client.get("/tags/trailrunning").get_data(as_text=True)
    assert client.get("/tags/not a tag!").status_code == 404
    response = client.get("/tags/%D8%AE%D8%B7_%D8%B9%D8%B1%D8%A8%D9%8A")
    assert response.status_code == 200


def test_no_notice_crosses_a_block_or_a_private_hive_left(app):
    owner, writer, blocker, member = make_bee(), make_bee(), make_bee(handle="blocker_b"), make_bee()
    public_post = make_post(owner, "Open post.")
    block(blocker, writer)
    comments.add_comment(writer, public_post, "hey @blocker_b")
    assert mentions_of(blocker) == []  # the block is with the comment's writer, not the post's
    secret = create_hive(owner, "Circle", "Private.", "", is_private=True)
    for bee in (member, writer):
        join_hive(bee, secret)
        roles.answer_request(owner, secret, bee, approve=True)
    private_post = make_post(writer, "Inside.", hives=[secret])
    leave_hive(writer, secret)
    comments.add_comment(member, private_post, "Answering inside.")
    reactions.set_relevant(member, private_post, True)
    told = db.session.scalars(select(Notice.kind).where(Notice.bee_id == writer.id)).all()
    assert "commented" not in told
    assert "relevant" not in told


def test_tags_fold_marks_and_case_and_stay_text_past_their_length(app, client):
    author = make_bee()
    long_one = make_post(author, "#" + "ß" * 50)  # folds to 100 characters: past a tag's length
    assert 'class="hashtag"' not in long_one.body_html
    marked = make_post(author, "تمرين #خَطّ_عربي و #İstanbul و #Café")
    plain = make_post(author, "#خط_عربي #istanbul #cafe")
    assert mentions_and_tags(marked.body_html)[1] == ["خط_عربي", "istanbul", "cafe"]
    for tag in ("خط_عربي", "istanbul", "cafe"):
        assert [post.id for post in queries.tag_feed(tag, viewer_id=author.id).posts] == [plain.id, marked.id]
    assert client.get("/tags/İstanbul").status_code == 200  # the address folds as the text does
    assert queries.tag_feed("ß" * 50, viewer_id=author.id).posts == []
