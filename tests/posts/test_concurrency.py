"""Concurrent follows, unfollows, joins, leaves and publishes keep delivery counts exact.

Real threads, each with its own app context and database connection, race on
one author and one hive. On SQLite every write transaction begins with
``BEGIN IMMEDIATE`` (so none fails with "database is locked"); on PostgreSQL the
services lock bees, then hives, in id order. Either way, afterwards every post's
count must equal its audience counted from the rows that were committed.
"""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.hives.models import Hive, Membership, MembershipState
from app.hives.services import join_hive, leave_hive
from app.notifications.models import Notice
from app.posts import comments, reactions
from app.posts.models import Post, PostHive
from app.profiles.models import Bee, Follow
from app.profiles.services import follow, unfollow
from tests.factories import make_bee, make_hive, make_post

THREADS = 8


def run_together(app, jobs) -> list[BaseException]:
    """Start every job at the same moment, each in its own thread and app context."""
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(job):
        with app.app_context():
            try:
                barrier.wait()
                job()
            except BaseException as error:  # collected and asserted on below
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def audience(post: Post) -> set[int]:
    """The bees a post reaches, counted from the committed rows."""
    followers = select(Follow.follower_id).where(Follow.followee_id == post.author_id)
    hive_ids = select(PostHive.hive_id).where(PostHive.post_id == post.id)
    members = select(Membership.bee_id).where(
        Membership.hive_id.in_(hive_ids), Membership.state == MembershipState.ACTIVE
    )
    return (set(db.session.scalars(followers)) | set(db.session.scalars(members))) - {post.author_id}


def test_racing_changes_leave_every_count_exact(app):
    author = make_bee()
    hive = make_hive(owner=author)
    bees = [make_bee() for _ in range(THREADS)]
    early = make_post(author, "Before the rush", hives=[hive])
    for bee in bees[:2]:
        join_hive(bee, hive)
    for bee in bees[2:4]:
        follow(bee, author)
    author_id, hive_id, early_id = author.id, hive.id, early.id
    leavers, unfollowers, newcomers = ([bee.id for bee in group] for group in (bees[:2], bees[2:4], bees[4:]))

    def bee_job(bee_id: int):
        """Leavers and unfollowers end outside the audience; newcomers end inside it twice over."""

        def job():
            bee, star, club = (
                db.session.get(Bee, bee_id),
                db.session.get(Bee, author_id),
                db.session.get(Hive, hive_id),
            )
            if bee_id in leavers:
                steps = [leave_hive, join_hive, leave_hive]
                args = (bee, club)
            elif bee_id in unfollowers:
                steps = [unfollow, follow, unfollow]
                args = (bee, star)
            else:
                for step, target in [(follow, star), (join_hive, club)][:: 1 if bee_id % 2 else -1]:
                    step(bee, target)
                return
            for step in steps:
                step(*args)

        return job

    def author_job():
        star, club = db.session.get(Bee, author_id), db.session.get(Hive, hive_id)
        for n in range(4):
            make_post(star, f"During the rush {n}", hives=[club] if n % 2 else [])

    errors = run_together(
        app, [bee_job(bee_id) for bee_id in leavers + unfollowers + newcomers] + [author_job]
    )
    assert errors == []

    db.session.rollback()  # end this thread's read snapshot (SQLite WAL) to see what the others committed
    posts = db.session.scalars(select(Post).where(Post.author_id == author_id)).all()
    assert len(posts) == 5
    for post in posts:
        assert post.delivered_count == len(audience(post)), post.body_source
    assert db.session.get(Post, early_id).delivered_count == len(newcomers)


def test_a_sqlite_writer_waits_out_another_writer(app):
    """A write that finds SQLite's write lock taken waits for it, then succeeds."""
    if db.engine.dialect.name != "sqlite":
        return
    author = make_bee()
    holder = sqlite3.connect(db.engine.url.database, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another process writing, as far as SQLite can tell
    release = threading.Timer(0.3, holder.commit)
    started = time.monotonic()
    release.start()
    try:
        post = make_post(author, body="written once the lock is free")
    finally:
        release.join()
        holder.close()
    assert time.monotonic() - started >= 0.3
    assert db.session.get(Post, post.id).body_source == "written once the lock is free"


def test_a_sqlite_writer_queued_past_its_deadline_fails_rather_than_waits_on(app):
    """Waiting behind this process's other writers counts toward the write's time limit."""
    if db.engine.dialect.name != "sqlite":
        return
    from sqlalchemy.exc import OperationalError

    from app.db import _writers_in_turn

    engine = db.engine
    holding, release = threading.Event(), threading.Event()

    def hold_the_queue():
        with _writers_in_turn(engine, time.monotonic() + 5):
            holding.set()
            release.wait(5)

    holder = threading.Thread(target=hold_the_queue)
    holder.start()
    try:
        assert holding.wait(5)
        started = time.monotonic()
        with (
            pytest.raises(OperationalError, match="database is locked"),
            _writers_in_turn(db.engine, started + 0.2),
        ):
            pass
        assert 0.2 <= time.monotonic() - started < 2
    finally:
        release.set()
        holder.join()


def test_engagement_racing_from_both_sides_never_deadlocks_and_counts_stay_exact(app):
    """An author commenting on their post while others mark it Relevant, and two bees mentioning
    each other at once: every write locks the bees it tells before any post, so none waits on
    another in a circle (PostgreSQL would abort one as a deadlock)."""
    author, fans = make_bee(handle="racing_author"), [make_bee(handle=f"racing_fan_{n}") for n in range(4)]
    post = make_post(author, "Race me.")
    author_id, post_id, fan_ids = author.id, post.id, [fan.id for fan in fans]

    def author_job():
        for n in range(5):
            comments.add_comment(db.session.get(Bee, author_id), db.session.get(Post, post_id), f"Reply {n}")

    def fan_job(fan_id: int):
        def job():
            fan = db.session.get(Bee, fan_id)
            for relevant in (True, False, True):
                reactions.set_relevant(fan, db.session.get(Post, post_id), relevant)
            make_post(
                fan, f"Hello @racing_fan_{(fan_ids.index(fan_id) + 1) % len(fan_ids)} and @racing_author"
            )

        return job

    errors = run_together(app, [author_job, *(fan_job(fan_id) for fan_id in fan_ids)])
    assert errors == []
    db.session.rollback()
    post = db.session.get(Post, post_id)
    assert post.relevant_count == len(fans)
    assert post.comment_count == 5
    unread = db.session.scalar(select(Bee.unread_notices).where(Bee.id == author_id))
    assert unread == db.session.scalar(
        select(func.count()).select_from(Notice).where(Notice.bee_id == author_id, Notice.read_at.is_(None))
    )
