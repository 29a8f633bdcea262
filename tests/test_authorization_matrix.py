"""Who may do what, cell by cell: every route (and Socket.IO event) × every kind of actor × a
public and a private hive, generated from one table and asserted through real HTTP requests.

Each row of ``ACTIONS`` names a route and method, how to build its request in a
small world (a hive with an owner, a moderator, members, a post and a pending
request), what it changes (``done``), and who may do it (``allowed``). A cell
passes when an allowed actor gets a page or a redirect and the change happened,
a refused actor gets a login redirect, 403 or 404 and nothing changed, and a
``conflict`` cell (allowed, but nothing to act on) gets 409 and nothing changed.
``test_the_table_covers_every_route_and_socket_event`` fails as soon as a route
or socket event exists that the table does not cover.
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from PIL import Image
from sqlalchemy import func, select, text

from app.admin import services as admin_services
from app.db import write_transaction
from app.extensions import db, socketio
from app.hives import moderation, roles
from app.hives.models import Hive, Membership, ModerationCase, Report
from app.hives.services import create_hive, join_hive, membership_of
from app.messages.models import Message
from app.messages.services import send_message
from app.notifications.models import Notice, NoticeOptOut
from app.notifications.services import notify
from app.opportunities import pitches
from app.opportunities.models import Opportunity, Pitch
from app.opportunities.pitches import PitchData
from app.opportunities.services import OpportunityData, post_opportunity
from app.posts.comments import add_comment
from app.posts.models import Comment, Post, PostHive, Reaction
from app.posts.services import publish_post
from app.profiles import imports, photos, record
from app.profiles.data import ProfileData
from app.profiles.models import Bee, BeeMute, Block, Follow, HiveMute, Skill, utcnow
from app.profiles.services import set_account_kind
from app.search.index import TABLES as SEARCH_TABLES
from app.talent import saved
from app.talent.models import DismissedSuggestion, SavedSearch
from tests.factories import PASSWORD, make_bee
from tests.live import LiveClient

ANONYMOUS, BEE, MEMBER, AUTHOR = "anonymous", "bee", "member", "author"
MODERATOR, OWNER, ADMIN, SUSPENDED, BANNED = "moderator", "owner", "admin", "suspended", "banned"
ACTORS = (ANONYMOUS, BEE, MEMBER, AUTHOR, MODERATOR, OWNER, ADMIN, SUSPENDED, BANNED)
PRIVACY = ("public", "private")

EVERYONE = frozenset(ACTORS)
SIGNED_IN = EVERYONE - {ANONYMOUS, SUSPENDED}
MEMBERS = frozenset({MEMBER, AUTHOR, MODERATOR, OWNER})
MODERATORS = frozenset({MODERATOR, OWNER, ADMIN})
LEADERS = frozenset({OWNER, ADMIN})

OK, DENY, CONFLICT, OPEN = "ok", "deny", "conflict", "open"


@dataclass
class World:
    """A hive and the bees around it, as one cell finds them."""

    private: bool
    hive: Hive = None
    bees: dict[str, Bee | None] = field(default_factory=dict)
    target: Bee = None  # a member that moderators act on
    asker: Bee = None  # a bee waiting to join (only a private hive has requests)
    post: Post = None  # a buzz by the author, in the hive
    honey: Post = None  # a honey by the author, in the hive
    site_post: Post = None  # a buzz by the author in no hive
    comment: Comment = None  # a comment by the author on the post
    message: Message = None  # a direct message from the member to the author
    site_case: ModerationCase = None
    skills: tuple = ()  # two skills on the author's profile
    photo: str = None  # the key of the author's photo
    opportunity: Opportunity = None  # a story call by the bee (an editor)
    pitch: Pitch = None  # the author's pitch to it
    saved_search: SavedSearch = None  # the bee's saved talent search

    def bee(self, actor: str) -> Bee | None:
        return self.bees[actor]


def build(private: bool) -> World:
    """A fresh world: every actor's bee, the hive, a reported post, a request, a ban."""
    w = World(private=private)
    owner = make_bee(handle="owner")
    w.hive = create_hive(owner, "Matrix", "A hive for the matrix.", "", is_private=private, rules="Be kind.")
    w.bees = {ANONYMOUS: None, OWNER: owner}
    for actor in (BEE, MEMBER, AUTHOR, MODERATOR, ADMIN, SUSPENDED, BANNED):
        w.bees[actor] = make_bee(handle=actor)
    w.target, w.asker = make_bee(handle="target"), make_bee(handle="asker")
    for actor in (MEMBER, AUTHOR, MODERATOR, BANNED):
        _enter(w, w.bees[actor])
    _enter(w, w.target)
    if private:
        join_hive(w.asker, w.hive)
    roles.appoint_moderator(owner, w.hive, w.bees[MODERATOR])
    with write_transaction():
        db.session.merge(w.bees[ADMIN]).is_admin = True
    moderation.ban(owner, w.hive, w.bees[BANNED], "Rule 1.", utcnow() + timedelta(days=30))
    admin_services.suspend(w.bees[ADMIN], w.bees[SUSPENDED], "Spam.")
    author = w.bees[AUTHOR]
    w.post = publish_post(author, "buzz", "A buzz in the hive.", None, [w.hive.id])
    w.honey = publish_post(author, "honey", "A honey in the hive.", "Matrix honey", [w.hive.id])
    w.site_post = publish_post(author, "buzz", "A buzz in no hive.", None, [])
    w.comment = add_comment(author, w.post, "A comment on the buzz.")
    w.message = send_message(w.bees[MEMBER], author, "A message for the author.")
    moderation.report_post(w.target, w.post, "spam")
    moderation.report_comment(w.target, w.comment, "insult")
    moderation.report_post(w.target, w.site_post, "spam")
    # The bee with no part in the hive is an editor: the talent and opportunity rows have
    # someone to allow. Their story call, in no hive, has one pitch, the author's.
    w.bees[BEE] = set_account_kind(w.bees[BEE], "editor")
    w.opportunity = post_opportunity(w.bees[BEE], OpportunityData("story_call", "A call", "Pitch me."))
    w.pitch = pitches.send(author, w.opportunity.id, PitchData(idea="An idea", body="A summary."))
    w.saved_search = saved.save_search(w.bees[BEE], "Matrix search", "skills=sql")
    w.skills = tuple(record.add_entry(author, "skills", name=name) for name in ("SQL", "Maps"))
    w.photo = photos.save_photo(author, _png()).photo
    w.site_case = db.session.scalar(select(ModerationCase).where(ModerationCase.hive_id.is_(None)))
    with write_transaction():
        for bee in w.bees.values():
            if bee is not None:
                notify(bee.id, "warned", hive_id=w.hive.id, reason="A notice to read.")
    return w


def _enter(w: World, bee: Bee) -> None:
    join_hive(bee, w.hive)
    if w.private:
        roles.answer_request(w.bees[OWNER], w.hive, bee, approve=True)


# What each action changes --------------------------------------------------------------------


def _membership(w: World, bee: Bee) -> Membership | None:
    return membership_of(bee.id, w.hive.id)


def _state(w: World, bee: Bee) -> str | None:
    membership = _membership(w, bee)
    return membership.state if membership else None


def _count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def _mine(read):
    """A ``done`` that reads something of the acting bee's (nothing for anonymous)."""
    return lambda w, a: None if w.bee(a) is None else read(w, w.bee(a))


@dataclass(frozen=True)
class Row:
    """One route and method: how to call it, what it changes, and who may."""

    endpoint: str
    method: str
    url: Callable[[World, str], str]
    allowed: Callable[[str, bool], str]  # (actor, private) -> OK | DENY | CONFLICT | OPEN
    data: Callable[[World, str], dict] = lambda w, a: {}
    # What the action changes, read before and after the request: an allowed cell must change
    # it and a refused one must not. None: a page, or an undo with nothing to undo.
    done: Callable[[World, str], object] | None = None
    # True when one actor's change leaves every other actor's cell as it was (a follow, a
    # report, a comment): the world is rebuilt after the row rather than after each cell.
    independent: bool = False


def rule(ok: frozenset, *, private_ok: frozenset | None = None, conflict: frozenset = frozenset(), **more):
    """``allowed`` from sets of actors: ``ok`` in a public hive (``private_ok`` in a private one),
    ``conflict`` for allowed actors with nothing to act on; everyone else is refused."""

    def allowed(actor: str, private: bool) -> str:
        if private and "private_conflict" in more and actor in more["private_conflict"]:
            return CONFLICT
        if not private and "public_conflict" in more and actor in more["public_conflict"]:
            return CONFLICT
        if actor in conflict:
            return CONFLICT
        granted = private_ok if private and private_ok is not None else ok
        return OK if actor in granted else DENY

    return allowed


def open_to_all(actor: str, private: bool) -> str:
    return OPEN


def hive_url(suffix: str = "") -> Callable[[World, str], str]:
    return lambda w, a: f"/hives/{w.hive.slug}{suffix}"


def mod_url(suffix: str) -> Callable[[World, str], str]:
    return lambda w, a: f"/hives/{w.hive.slug}/moderation{suffix}"


def post_url(suffix: str = "") -> Callable[[World, str], str]:
    return lambda w, a: f"/posts/{w.post.id}{suffix}"


SEES_POST = EVERYONE
SEES_PRIVATE_POST = MEMBERS | {ADMIN}


def _comment_state(w) -> str:
    return db.session.get(Comment, w.comment.id, populate_existing=True).state


def _notice_of(bee: Bee) -> Notice:
    return db.session.scalar(select(Notice).where(Notice.bee_id == bee.id).order_by(Notice.id).limit(1))


def _post_state(w) -> str:
    return db.session.get(Post, w.post.id, populate_existing=True).state


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), "gold").save(buffer, "PNG")
    return buffer.getvalue()


def _linkedin_export() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Skills.csv", "Name\r\nCartography\r\n")
    return buffer.getvalue()


ACTIONS: list[Row] = [
    # Pages anyone may open ------------------------------------------------------------------
    Row("health.healthz", "GET", lambda w, a: "/healthz", rule(EVERYONE)),
    Row("static", "GET", lambda w, a: "/static/css/apiary.css", rule(EVERYONE)),
    Row("posts.home", "GET", lambda w, a: "/", rule(EVERYONE)),
    Row("hives.index", "GET", lambda w, a: "/hives/", rule(EVERYONE)),
    Row("hives.show", "GET", hive_url(), rule(EVERYONE)),
    Row("hives.rules", "GET", hive_url("/rules"), rule(EVERYONE)),
    Row("search.results", "GET", lambda w, a: "/search?q=buzz", rule(EVERYONE)),
    # Talent search: recruiter and editor accounts only (the bee is an editor)
    Row("talent.talent", "GET", lambda w, a: "/talent?skills=sql", rule({BEE})),
    Row("saved.index", "GET", lambda w, a: "/talent/saved", rule({BEE})),
    Row(
        "saved.save",
        "POST",
        lambda w, a: "/talent/saved",
        rule({BEE}),
        data=lambda w, a: {"name": f"Search by {a}", "query": "skills=maps"},
        done=lambda w, a: _count(SavedSearch),
        independent=True,
    ),
    Row(
        "saved.run",
        "POST",
        lambda w, a: f"/talent/saved/{w.saved_search.id}",
        rule({BEE}),
        done=lambda w, a: db.session.get(SavedSearch, w.saved_search.id, populate_existing=True).seen_at,
        independent=True,
    ),
    Row("saved.delete", "GET", lambda w, a: f"/talent/saved/{w.saved_search.id}/delete", rule({BEE})),
    Row(
        "saved.delete",
        "POST",
        lambda w, a: f"/talent/saved/{w.saved_search.id}/delete",
        rule({BEE}),
        done=lambda w, a: _count(SavedSearch, SavedSearch.id == w.saved_search.id),
    ),
    Row("talent.suggestions", "GET", lambda w, a: "/suggestions", rule(SIGNED_IN)),
    Row(
        "talent.dismiss",
        "POST",
        lambda w, a: "/suggestions/dismiss",
        rule(SIGNED_IN),
        data=lambda w, a: {"kind": "hive", "target": str(w.hive.id)},
        done=_mine(lambda w, bee: _count(DismissedSuggestion, DismissedSuggestion.bee_id == bee.id)),
        independent=True,
    ),
    # Opportunities: any signed-in bee reads and answers; the poster (the bee) alone posts,
    # works the answers and closes; an answer is read by its two sides alone.
    Row("opportunities.index", "GET", lambda w, a: "/opportunities", rule(SIGNED_IN)),
    Row("opportunities.mine", "GET", lambda w, a: "/opportunities/mine", rule(SIGNED_IN)),
    Row("opportunities.show", "GET", lambda w, a: f"/opportunities/{w.opportunity.id}", rule(SIGNED_IN)),
    Row("opportunities.new", "GET", lambda w, a: "/opportunities/new", rule({BEE})),
    Row(
        "opportunities.new",
        "POST",
        lambda w, a: "/opportunities/new",
        rule({BEE}),
        data=lambda w, a: {"kind": "job", "title": f"A job by {a}", "description": "Work."},
        done=lambda w, a: _count(Opportunity),
        independent=True,
    ),
    Row(
        "opportunities.answer",
        "GET",
        lambda w, a: f"/opportunities/{w.opportunity.id}/answer",
        rule(SIGNED_IN - {BEE}),
    ),
    Row(
        "opportunities.answer",
        "POST",
        lambda w, a: f"/opportunities/{w.opportunity.id}/answer",
        rule(SIGNED_IN - {BEE}, conflict={AUTHOR}),
        data=lambda w, a: {"idea": f"An idea of {a}", "body": "A summary."},
        done=lambda w, a: _count(Pitch),
        independent=True,
    ),
    Row(
        "opportunities.answers",
        "GET",
        lambda w, a: f"/opportunities/{w.opportunity.id}/answers",
        rule({BEE}),
    ),
    Row("opportunities.close", "GET", lambda w, a: f"/opportunities/{w.opportunity.id}/close", rule({BEE})),
    Row(
        "opportunities.close",
        "POST",
        lambda w, a: f"/opportunities/{w.opportunity.id}/close",
        rule({BEE}),
        done=lambda w, a: db.session.get(Opportunity, w.opportunity.id, populate_existing=True).state,
    ),
    Row("opportunities.pitch", "GET", lambda w, a: f"/answers/{w.pitch.id}", rule({BEE, AUTHOR})),
    Row(
        "opportunities.move",
        "POST",
        lambda w, a: f"/answers/{w.pitch.id}/move",
        rule({BEE}),
        data=lambda w, a: {"state": "shortlisted"},
        done=lambda w, a: db.session.get(Pitch, w.pitch.id, populate_existing=True).state,
    ),
    Row("opportunities.withdraw", "GET", lambda w, a: f"/answers/{w.pitch.id}/withdraw", rule({AUTHOR})),
    Row(
        "opportunities.withdraw",
        "POST",
        lambda w, a: f"/answers/{w.pitch.id}/withdraw",
        rule({AUTHOR}),
        done=lambda w, a: db.session.get(Pitch, w.pitch.id, populate_existing=True).state,
    ),
    Row("profiles.profile", "GET", lambda w, a: "/@author", rule(EVERYONE)),
    Row("profiles.followers", "GET", lambda w, a: "/@author/followers", rule(EVERYONE)),
    Row("profiles.following", "GET", lambda w, a: "/@author/following", rule(EVERYONE)),
    Row("auth.login", "GET", lambda w, a: "/login", open_to_all),
    Row("auth.signup", "GET", lambda w, a: "/signup", open_to_all),
    Row(
        "auth.login",
        "POST",
        lambda w, a: "/login",
        open_to_all,
        data=lambda w, a: {"login": "member", "password": "wrong password here"},
        independent=True,
    ),
    Row(
        "auth.signup",
        "POST",
        lambda w, a: "/signup",
        open_to_all,
        data=lambda w, a: {"email": "not an email", "handle": "x", "display_name": "", "password": "short"},
        independent=True,
    ),
    Row(
        "i18n.choose_language",
        "POST",
        lambda w, a: "/language",
        open_to_all,
        data=lambda w, a: {"language": "es"},
        independent=True,
    ),
    Row("auth.logout", "POST", lambda w, a: "/logout", rule(SIGNED_IN), independent=True),
    # A private hive's content -----------------------------------------------------------------
    Row("hives.members", "GET", hive_url("/members"), rule(EVERYONE, private_ok=MEMBERS | {ADMIN})),
    Row("hives.log", "GET", hive_url("/log"), rule(EVERYONE, private_ok=MEMBERS | {ADMIN})),
    Row("posts.show", "GET", post_url(), rule(SEES_POST, private_ok=SEES_PRIVATE_POST)),
    Row(
        "posts.honey",
        "GET",
        lambda w, a: f"/@author/{w.honey.slug}",
        rule(SEES_POST, private_ok=SEES_PRIVATE_POST),
    ),
    # Signed-in pages ---------------------------------------------------------------------------
    Row("hives.create", "GET", lambda w, a: "/hives/new", rule(SIGNED_IN)),
    Row(
        "hives.create",
        "POST",
        lambda w, a: "/hives/new",
        rule(SIGNED_IN),
        data=lambda w, a: {"name": f"New by {a}", "description": "", "tags": ""},
        done=lambda w, a: _count(Hive),
        independent=True,
    ),
    Row("hives.join", "GET", hive_url("/join"), rule(SIGNED_IN)),
    Row("posts.write", "GET", lambda w, a: "/write", rule(SIGNED_IN)),
    Row("notifications.index", "GET", lambda w, a: "/notices", rule(SIGNED_IN)),
    Row(
        "notifications.mark_read",
        "POST",
        lambda w, a: "/notices/read",
        rule(SIGNED_IN),
        done=_mine(lambda w, bee: db.session.get(Bee, bee.id, populate_existing=True).unread_notices),
        independent=True,
    ),
    Row("notifications.unread", "GET", lambda w, a: "/notices/unread", rule(SIGNED_IN)),
    Row(
        "notifications.mark_one_read",
        "POST",
        lambda w, a: f"/notices/{_notice_of(w.bees[AUTHOR]).id}/read",
        rule({AUTHOR}),  # everyone else's notice is not found
        done=lambda w, a: _notice_of(w.bees[AUTHOR]).read_at,
    ),
    Row("notifications.preferences", "GET", lambda w, a: "/settings/notices", rule(SIGNED_IN)),
    Row(
        "notifications.preferences",
        "POST",
        lambda w, a: "/settings/notices",
        rule(SIGNED_IN),
        data=lambda w, a: {"kinds": ["followed", "commented"]},
        done=_mine(lambda w, bee: _count(NoticeOptOut, NoticeOptOut.bee_id == bee.id)),
        independent=True,
    ),
    # What live pages fetch ----------------------------------------------------------------------
    Row("live.home", "GET", lambda w, a: "/live/home?after=1", rule(SIGNED_IN)),
    Row(
        "live.hive",
        "GET",
        lambda w, a: f"/live/hives/{w.hive.slug}",
        rule(EVERYONE, private_ok=MEMBERS | {ADMIN}),
    ),
    Row("live.profile", "GET", lambda w, a: "/live/@author", rule(EVERYONE)),
    Row(
        "live.comment",
        "GET",
        lambda w, a: f"/live/comments/{w.comment.id}",
        rule(SEES_POST, private_ok=SEES_PRIVATE_POST),
    ),
    Row("profiles.controls", "GET", lambda w, a: "/settings/controls", rule(SIGNED_IN)),
    # Direct messages: to any bee but oneself, never to a suspended one ---------------------------
    Row("messages.inbox", "GET", lambda w, a: "/messages", rule(SIGNED_IN)),
    Row("messages.conversation", "GET", lambda w, a: "/messages/@author", rule(SIGNED_IN - {AUTHOR})),
    Row("messages.conversation", "GET", lambda w, a: "/messages/@suspended", rule(frozenset())),
    Row(
        "messages.send",
        "POST",
        lambda w, a: "/messages/@author",
        rule(SIGNED_IN - {AUTHOR}),
        data=lambda w, a: {"body": f"Hello from {a}."},
        done=lambda w, a: _count(Message),
        independent=True,
    ),
    Row(
        "messages.send",
        "POST",
        lambda w, a: "/messages/@suspended",
        rule(frozenset()),
        data=lambda w, a: {"body": f"Hello from {a}."},
        done=lambda w, a: _count(Message),
        independent=True,
    ),
    Row(
        "messages.live_message", "GET", lambda w, a: f"/messages/live/{w.message.id}", rule({MEMBER, AUTHOR})
    ),
    Row(
        "messages.mark_read",
        "POST",
        lambda w, a: "/messages/@member/read",
        rule({AUTHOR}),  # the member has no conversation with themselves; nobody else has one
        data=lambda w, a: {"through": str(w.message.id)},
        done=lambda w, a: db.session.get(Bee, w.bees[AUTHOR].id, populate_existing=True).unread_messages,
    ),
    Row("profiles.edit_profile", "GET", lambda w, a: "/settings/profile", rule(SIGNED_IN)),
    Row(
        "profiles.edit_profile",
        "POST",
        lambda w, a: "/settings/profile",
        rule(SIGNED_IN),
        data=lambda w, a: {"display_name": f"Renamed {a}", "headline": "", "language": ""},
        done=_mine(lambda w, bee: db.session.get(Bee, bee.id, populate_existing=True).display_name),
        independent=True,
    ),
    # The professional record and one's data: each bee's own, and nobody else's ------------------
    Row("record.overview", "GET", lambda w, a: "/settings/record", rule(SIGNED_IN)),
    Row("record.data", "GET", lambda w, a: "/settings/data", rule(SIGNED_IN)),
    Row("record.add", "GET", lambda w, a: "/settings/record/skills/new", rule(SIGNED_IN)),
    Row(
        "record.add",
        "POST",
        lambda w, a: "/settings/record/skills/new",
        rule(SIGNED_IN),
        data=lambda w, a: {"name": f"Skill of {a}", "years": "2", "level": ""},
        done=_mine(lambda w, bee: _count(Skill, Skill.bee_id == bee.id)),
        independent=True,
    ),
    Row("record.edit", "GET", lambda w, a: f"/settings/record/skills/{w.skills[0].id}", rule({AUTHOR})),
    Row(
        "record.edit",
        "POST",
        lambda w, a: f"/settings/record/skills/{w.skills[0].id}",
        rule({AUTHOR}),
        data=lambda w, a: {"name": f"SQL by {a}", "years": "", "level": "expert"},
        done=lambda w, a: db.session.get(Skill, w.skills[0].id, populate_existing=True).name,
        independent=True,
    ),
    Row(
        "record.remove",
        "GET",
        lambda w, a: f"/settings/record/skills/{w.skills[0].id}/remove",
        rule({AUTHOR}),
    ),
    Row(
        "record.remove",
        "POST",
        lambda w, a: f"/settings/record/skills/{w.skills[0].id}/remove",
        rule({AUTHOR}),
        done=lambda w, a: _count(Skill, Skill.id == w.skills[0].id),
    ),
    Row(
        "record.move",
        "POST",
        lambda w, a: f"/settings/record/skills/{w.skills[1].id}/move",
        rule({AUTHOR}),
        data=lambda w, a: {"direction": "up"},
        done=lambda w, a: db.session.get(Skill, w.skills[1].id, populate_existing=True).place,
    ),
    Row(
        "record.apply_import",
        "POST",
        lambda w, a: "/settings/data/import/apply",
        rule({AUTHOR}),  # a preview is sealed for one bee: here, the author
        data=lambda w, a: {
            "token": imports.seal(w.bees[AUTHOR], ProfileData("Imported"), {"display_name"}, "matrix")
        },
        done=lambda w, a: db.session.get(Bee, w.bees[AUTHOR].id, populate_existing=True).display_name,
    ),
    Row("linkedin.upload", "GET", lambda w, a: "/settings/data/import/linkedin", rule(SIGNED_IN)),
    Row(
        "linkedin.upload",
        "POST",
        lambda w, a: "/settings/data/import/linkedin",
        rule(SIGNED_IN),  # a preview only: nothing is written until it is applied
        data=lambda w, a: {"export": (io.BytesIO(_linkedin_export()), "export.zip")},
    ),
    Row("jsonresume.export_resume", "GET", lambda w, a: "/settings/data/resume.json", rule(SIGNED_IN)),
    Row("jsonresume.import_resume", "GET", lambda w, a: "/settings/data/import/resume", rule(SIGNED_IN)),
    Row(
        "jsonresume.import_resume",
        "POST",
        lambda w, a: "/settings/data/import/resume",
        rule(SIGNED_IN),  # a preview only: nothing is written until it is applied
        data=lambda w, a: {"file": (io.BytesIO(b'{"skills": [{"name": "Maps"}]}'), "resume.json")},
    ),
    Row("account.export", "GET", lambda w, a: "/settings/data/export.zip", rule(SIGNED_IN)),
    # Photos: anyone sees one; each bee changes only their own --------------------------------------
    Row("photos.photo", "GET", lambda w, a: f"/photos/{w.photo}-96.webp", rule(EVERYONE)),
    Row("photos.settings", "GET", lambda w, a: "/settings/photo", rule(SIGNED_IN)),
    Row(
        "photos.settings",
        "POST",
        lambda w, a: "/settings/photo",
        rule(SIGNED_IN),
        data=lambda w, a: {"photo": (io.BytesIO(_png()), "me.png")},
        done=_mine(lambda w, bee: db.session.get(Bee, bee.id, populate_existing=True).photo),
        independent=True,
    ),
    Row(
        "photos.remove",
        "POST",
        lambda w, a: "/settings/photo/remove",
        rule(SIGNED_IN),  # one's own photo, if any: an undo with nothing to undo is no change
        independent=True,
    ),
    Row(
        "admin.account_kind",
        "POST",
        lambda w, a: "/admin/bees/author/kind",
        rule({ADMIN}),
        data=lambda w, a: {"kind": "recruiter"},
        done=lambda w, a: db.session.get(Bee, w.bees[AUTHOR].id, populate_existing=True).account_kind,
    ),
    # Leaving Apiary: only one's own account, and not while owning a hive with members -------------
    Row("account.confirm_delete", "GET", lambda w, a: "/settings/account/delete", rule(SIGNED_IN)),
    Row(
        "account.reauthenticate",
        "POST",
        lambda w, a: "/settings/account/reauthenticate",
        rule(SIGNED_IN),
        data=lambda w, a: {"password": PASSWORD},
    ),
    Row(
        "account.delete",
        "POST",
        lambda w, a: "/settings/account/delete",
        rule(SIGNED_IN - {OWNER}, conflict={OWNER}),
        data=lambda w, a: {"handle": a},
        done=_mine(lambda w, bee: db.session.get(Bee, bee.id, populate_existing=True).deleted_at),
    ),
    # Joining, leaving, muting a hive ------------------------------------------------------------
    Row(
        "hives.join",
        "POST",
        hive_url("/join"),
        rule(SIGNED_IN - {BANNED}, conflict=MEMBERS),
        done=_mine(lambda w, bee: _state(w, bee)),
        independent=True,
    ),
    Row(
        "hives.withdraw",
        "POST",
        hive_url("/withdraw"),
        rule(frozenset(), conflict=SIGNED_IN),
        done=_mine(lambda w, bee: _state(w, bee)),
        independent=True,
    ),
    Row(
        "hives.leave",
        "POST",
        hive_url("/leave"),
        rule(MEMBERS - {OWNER}, conflict={BEE, ADMIN, BANNED}),
        done=_mine(lambda w, bee: _state(w, bee)),
        independent=True,
    ),
    Row(
        "hives.mute",
        "POST",
        hive_url("/mute"),
        rule(SIGNED_IN),
        done=_mine(lambda w, bee: _count(HiveMute, HiveMute.bee_id == bee.id)),
        independent=True,
    ),
    Row("hives.unmute", "POST", hive_url("/unmute"), rule(SIGNED_IN), independent=True),
    # Posting, editing, deleting, reporting ------------------------------------------------------
    Row(
        "posts.write",
        "POST",
        lambda w, a: "/write",
        rule(MEMBERS),
        data=lambda w, a: {"kind": "buzz", "body": f"Written by {a}", "hives": [str(w.hive.id)]},
        done=lambda w, a: _count(PostHive, PostHive.hive_id == w.hive.id),
        independent=True,
    ),
    Row("posts.edit", "GET", post_url("/edit"), rule({AUTHOR})),
    Row(
        "posts.edit",
        "POST",
        post_url("/edit"),
        rule({AUTHOR}),
        data=lambda w, a: {"body": "Edited."},
        done=lambda w, a: _post_state(w),
    ),
    Row("posts.delete", "GET", post_url("/delete"), rule({AUTHOR})),
    Row(
        "posts.delete",
        "POST",
        post_url("/delete"),
        rule({AUTHOR}),
        done=lambda w, a: _post_state(w),
    ),
    Row(
        "posts.report",
        "GET",
        post_url("/report"),
        rule(SIGNED_IN - {AUTHOR, BANNED}, private_ok=SEES_PRIVATE_POST - {AUTHOR}),
    ),
    Row(
        "posts.report",
        "POST",
        post_url("/report"),
        rule(SIGNED_IN - {AUTHOR, BANNED}, private_ok=SEES_PRIVATE_POST - {AUTHOR}),
        data=lambda w, a: {"reason": "spam", "detail": ""},
        done=lambda w, a: _count(Report),
        independent=True,
    ),
    Row("posts.remove", "GET", post_url("/remove"), rule({ADMIN})),
    Row(
        "posts.remove",
        "POST",
        post_url("/remove"),
        rule({ADMIN}),
        data=lambda w, a: {"reason": "Against the site's terms."},
        done=lambda w, a: _post_state(w),
    ),
    # Comments ---------------------------------------------------------------------------------
    Row(
        "posts.comment",
        "POST",
        post_url("/comments"),
        rule(SIGNED_IN - {BANNED}, private_ok=SEES_PRIVATE_POST),
        data=lambda w, a: {"body": f"A comment by {a}."},
        done=lambda w, a: _count(Comment),
        independent=True,
    ),
    # Relevant marks -----------------------------------------------------------------------------
    Row(
        "reactions.mark",
        "POST",
        post_url("/relevant"),
        rule(SIGNED_IN - {BANNED}, private_ok=SEES_PRIVATE_POST),
        data=lambda w, a: {"relevant": "1"},
        done=lambda w, a: _count(Reaction),
        independent=True,
    ),
    Row("reactions.who", "GET", post_url("/relevant"), rule(SEES_POST, private_ok=SEES_PRIVATE_POST)),
    # Shares and tags: a private hive's post is never shared --------------------------------------
    Row("shares.new", "GET", post_url("/share"), rule(SIGNED_IN - {BANNED}, private_ok=frozenset())),
    Row(
        "shares.new",
        "POST",
        post_url("/share"),
        rule(SIGNED_IN - {BANNED}, private_ok=frozenset()),
        data=lambda w, a: {"body": f"Shared by {a}."},
        done=lambda w, a: _count(Post, Post.kind == "share"),
        independent=True,
    ),
    Row("tags.show", "GET", lambda w, a: "/tags/matrix", rule(EVERYONE)),
    Row("comments.edit", "GET", lambda w, a: f"/comments/{w.comment.id}/edit", rule({AUTHOR})),
    Row(
        "comments.edit",
        "POST",
        lambda w, a: f"/comments/{w.comment.id}/edit",
        rule({AUTHOR}),
        data=lambda w, a: {"body": "Edited comment."},
        done=lambda w, a: _comment_state(w),
    ),
    Row("comments.delete", "GET", lambda w, a: f"/comments/{w.comment.id}/delete", rule({AUTHOR})),
    Row(
        "comments.delete",
        "POST",
        lambda w, a: f"/comments/{w.comment.id}/delete",
        rule({AUTHOR}),
        done=lambda w, a: _comment_state(w),
    ),
    Row(
        "comments.report",
        "GET",
        lambda w, a: f"/comments/{w.comment.id}/report",
        rule(SIGNED_IN - {AUTHOR, BANNED}, private_ok=SEES_PRIVATE_POST - {AUTHOR}),
    ),
    Row(
        "comments.report",
        "POST",
        lambda w, a: f"/comments/{w.comment.id}/report",
        rule(SIGNED_IN - {AUTHOR, BANNED}, private_ok=SEES_PRIVATE_POST - {AUTHOR}),
        data=lambda w, a: {"reason": "insult", "detail": ""},
        done=lambda w, a: _count(Report),
        independent=True,
    ),
    Row("comments.remove", "GET", lambda w, a: f"/comments/{w.comment.id}/remove", rule({ADMIN})),
    Row(
        "comments.remove",
        "POST",
        lambda w, a: f"/comments/{w.comment.id}/remove",
        rule({ADMIN}),
        data=lambda w, a: {"reason": "Against the site's terms."},
        done=lambda w, a: _comment_state(w),
    ),
    Row(
        "moderation.comment",
        "GET",
        lambda w, a: f"/hives/{w.hive.slug}/moderation/comments/{w.comment.id}",
        rule(MODERATORS),
    ),
    Row(
        "moderation.comment",
        "POST",
        lambda w, a: f"/hives/{w.hive.slug}/moderation/comments/{w.comment.id}",
        rule(MODERATORS),
        data=lambda w, a: {"action": "remove", "reason": "An insult."},
        done=lambda w, a: _comment_state(w),
    ),
    # Moderating a hive -------------------------------------------------------------------------
    Row("moderation.dashboard", "GET", mod_url("/"), rule(MODERATORS)),
    Row(
        "moderation.post",
        "GET",
        lambda w, a: f"/hives/{w.hive.slug}/moderation/posts/{w.post.id}",
        rule(MODERATORS),
    ),
    Row(
        "moderation.post",
        "POST",
        lambda w, a: f"/hives/{w.hive.slug}/moderation/posts/{w.post.id}",
        rule(MODERATORS),
        data=lambda w, a: {"action": "remove", "reason": "Off-topic."},
        done=lambda w, a: _count(PostHive, PostHive.post_id == w.post.id),
    ),
    Row(
        "moderation.approve",
        "POST",
        mod_url("/requests/asker/approve"),
        rule(MODERATORS, public_conflict=MODERATORS),
        done=lambda w, a: _state(w, w.asker),
    ),
    Row(
        "moderation.decline",
        "POST",
        mod_url("/requests/asker/decline"),
        rule(MODERATORS, public_conflict=MODERATORS),
        done=lambda w, a: _state(w, w.asker),
    ),
    Row(
        "moderation.ban",
        "POST",
        mod_url("/bans"),
        rule(MODERATORS),
        data=lambda w, a: {"handle": "target", "reason": "Insults.", "until": ""},
        done=lambda w, a: _state(w, w.target),
    ),
    Row(
        "moderation.unban",
        "POST",
        mod_url("/bans/banned/lift"),
        rule(MODERATORS),
        done=lambda w, a: _state(w, w.bees[BANNED]),
    ),
    Row(
        "moderation.appoint",
        "POST",
        mod_url("/moderators"),
        rule(LEADERS),
        data=lambda w, a: {"handle": "target"},
        done=lambda w, a: _membership(w, w.target).role,
    ),
    Row(
        "moderation.dismiss_moderator",
        "POST",
        mod_url("/moderators/moderator/remove"),
        rule(LEADERS),
        done=lambda w, a: _membership(w, w.bees[MODERATOR]).role,
    ),
    Row("moderation.transfer", "GET", mod_url("/transfer"), rule(LEADERS)),
    Row(
        "moderation.transfer",
        "POST",
        mod_url("/transfer"),
        rule(LEADERS),
        data=lambda w, a: {"handle": "target"},
        done=lambda w, a: _membership(w, w.target).role,
    ),
    Row("moderation.rules", "GET", mod_url("/rules"), rule(LEADERS)),
    Row(
        "moderation.rules",
        "POST",
        mod_url("/rules"),
        rule(LEADERS),
        data=lambda w, a: {"rules": f"Rules by {a}."},
        done=lambda w, a: db.session.get(Hive, w.hive.id, populate_existing=True).rules_source,
        independent=True,
    ),
    # Each bee's own controls --------------------------------------------------------------------
    Row(
        "profiles.follow",
        "POST",
        lambda w, a: "/@author/follow",
        rule(SIGNED_IN - {AUTHOR}),
        done=lambda w, a: _count(Follow),
        independent=True,
    ),
    Row("profiles.unfollow", "POST", lambda w, a: "/@author/unfollow", rule(SIGNED_IN), independent=True),
    Row("profiles.confirm_block", "GET", lambda w, a: "/@author/block", rule(SIGNED_IN - {AUTHOR})),
    Row(
        "profiles.block",
        "POST",
        lambda w, a: "/@author/block",
        rule(SIGNED_IN - {AUTHOR}),
        done=lambda w, a: _count(Block),
        independent=True,
    ),
    Row("profiles.unblock", "POST", lambda w, a: "/@author/unblock", rule(SIGNED_IN), independent=True),
    Row(
        "profiles.mute",
        "POST",
        lambda w, a: "/@author/mute",
        rule(SIGNED_IN - {AUTHOR}),
        done=lambda w, a: _count(BeeMute),
        independent=True,
    ),
    Row("profiles.unmute", "POST", lambda w, a: "/@author/unmute", rule(SIGNED_IN), independent=True),
    # Site admins ------------------------------------------------------------------------------
    Row("admin.dashboard", "GET", lambda w, a: "/admin/", rule({ADMIN})),
    Row(
        "admin.dismiss",
        "POST",
        lambda w, a: f"/admin/cases/{w.site_case.id}/dismiss",
        rule({ADMIN}),
        done=lambda w, a: db.session.get(ModerationCase, w.site_case.id, populate_existing=True).state,
    ),
    Row("admin.suspend", "GET", lambda w, a: "/admin/bees/member/suspend", rule({ADMIN})),
    Row(
        "admin.suspend",
        "POST",
        lambda w, a: "/admin/bees/member/suspend",
        rule({ADMIN}),
        data=lambda w, a: {"reason": "Spam wave."},
        done=lambda w, a: db.session.get(Bee, w.bees[MEMBER].id, populate_existing=True).is_suspended,
    ),
    Row(
        "admin.unsuspend",
        "POST",
        lambda w, a: "/admin/bees/suspended/unsuspend",
        rule({ADMIN}),
        done=lambda w, a: db.session.get(Bee, w.bees[SUSPENDED].id, populate_existing=True).is_suspended,
    ),
]

# Socket.IO events and who may send them: ``connect`` answers whether the socket stays open,
# ``watch`` whether the post's room is joined (``test_every_cell_of_the_socket_matrix``).
SOCKET_EVENTS: dict[tuple[str, str], Callable[[str, bool], str]] = {
    ("/", "connect"): rule(SIGNED_IN),
    ("/", "watch"): rule(SIGNED_IN, private_ok=SEES_PRIVATE_POST - {ANONYMOUS, SUSPENDED}),
    ("/", "disconnect"): rule(SIGNED_IN),
}


def wipe() -> None:
    """Empty every table, children first: on tables this small, DELETE is many times faster than
    the TRUNCATE the other tests start from (nothing here depends on ids starting at 1)."""
    db.session.remove()  # end this context's reads first, or PostgreSQL would wait on them
    with db.engine.begin() as connection:
        for table in reversed(db.metadata.sorted_tables):
            connection.execute(table.delete())
        for table in SEARCH_TABLES.values():
            connection.execute(text(f"DELETE FROM {table}"))


def sign_in(client, bee: Bee | None) -> None:
    """Start the client's session as ``bee`` (None: nobody), as logging in would leave it."""
    with client.session_transaction() as session:
        session.clear()
        if bee is not None:
            session["_user_id"] = str(bee.id)
            session["_fresh"] = True
            session["authenticated_at"] = time.time()  # the password, entered just now


def run_cell(client, w: World, row: Row, actor: str) -> tuple[int, bool, str]:
    """Make the request as ``actor``; return its status, whether it changed what the row says
    it changes, and where it redirects."""
    sign_in(client, w.bee(actor))
    before = row.done(w, actor) if row.done else None
    url = row.url(w, actor)
    response = client.get(url) if row.method == "GET" else client.post(url, data=row.data(w, actor))
    response.close()  # a static file's response holds the file open until closed
    db.session.expire_all()
    changed = row.done is not None and row.done(w, actor) != before
    return response.status_code, changed, response.headers.get("Location", "")


def judge_cell(expected: str, status: int, changed: bool, location: str, row: Row) -> bool:
    """Whether a cell's answer is the one the table asks for (see the module's docstring)."""
    if expected == OPEN:
        return status < 500
    if expected == OK:
        answered = status == 200 or (status in (302, 303) and "/login" not in location)
        return answered and (row.done is None or changed)
    if expected == CONFLICT:
        return status == 409 and not changed
    refused = status in (403, 404) or (status == 302 and "/login" in location)
    return refused and not changed


CELLS = [(row, actor, privacy) for row in ACTIONS for actor in ACTORS for privacy in PRIVACY]


@pytest.mark.parametrize("privacy", PRIVACY)
def test_every_cell_of_the_authorization_matrix(backend_app, privacy):
    """Every (route, actor) cell for one kind of hive, each in a world no earlier cell changed."""
    private = privacy == "private"
    wrong, checked = [], 0
    with backend_app.app_context():
        client = backend_app.test_client()
        world = None
        for row in ACTIONS:
            row_changed = False
            for actor in ACTORS:
                if world is None:
                    wipe()
                    world = build(private)
                expected = row.allowed(actor, private)
                status, changed, location = run_cell(client, world, row, actor)
                checked += 1
                if not judge_cell(expected, status, changed, location, row):
                    wrong.append((row.endpoint, row.method, actor, privacy, expected, status, changed))
                changed = changed or (row.method == "POST" and row.done is None and status < 400)
                row_changed = row_changed or changed
                if changed and not row.independent:
                    world = None  # the cell changed the world: the next one starts afresh
            if row_changed:
                world = None
        db.session.remove()
    assert checked == len(ACTIONS) * len(ACTORS)
    assert wrong == []


def test_the_table_covers_every_route_and_socket_event(app):
    """A route or event the table does not list fails here, so none can slip past the matrix."""
    routes = {
        (rule.endpoint, method)
        for rule in app.url_map.iter_rules()
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    covered = {(row.endpoint, row.method) for row in ACTIONS}
    assert routes - covered == set()
    assert covered - routes == set()  # and it lists nothing that is gone
    events = {
        (namespace, event) for namespace, handlers in socketio.server.handlers.items() for event in handlers
    }
    events |= {(namespace or "/", event) for event, _handler, namespace in socketio.handlers}
    assert events - set(SOCKET_EVENTS) == set()


def test_the_matrix_has_every_actor_and_both_kinds_of_hive():
    """Anonymous, bee, member, author, moderator, owner, site admin, suspended, banned ×
    public and private."""
    assert len(CELLS) == len(ACTIONS) * 9 * 2


@pytest.mark.parametrize("privacy", PRIVACY)
def test_every_cell_of_the_socket_matrix(backend_app, privacy):
    """Every actor's handshake, and what their ``watch`` may join: the post's room as its page
    allows, a public hive's room for any signed-in bee, a private hive's never (its posts reach
    members through their own rooms)."""
    private = privacy == "private"
    wrong = []
    with backend_app.app_context():
        wipe()
        w = build(private)
        client = backend_app.test_client()
        for actor in ACTORS:
            sign_in(client, w.bee(actor))
            socket = LiveClient(backend_app, client)
            expected = SOCKET_EVENTS[("/", "connect")](actor, private) == OK
            if socket.is_connected() != expected:
                wrong.append(("connect", actor, privacy, expected))
            if not socket.is_connected():
                continue
            watched = socket.emit(
                "watch", {"posts": [w.post.id], "hive": w.hive.id, "author": w.bees[AUTHOR].id}, callback=True
            )
            sees = SOCKET_EVENTS[("/", "watch")](actor, private) == OK
            if watched["posts"] != ([w.post.id] if sees else []):
                wrong.append(("watch post", actor, privacy, watched))
            if watched["hive"] != (None if private else w.hive.id):
                wrong.append(("watch hive", actor, privacy, watched))
            socket.disconnect()
            if socket.is_connected():
                wrong.append(("disconnect", actor, privacy))
        db.session.remove()
    assert wrong == []
