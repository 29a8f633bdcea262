"""Each bee's kept neighbours: read for bees to know, ranked again after the bee's own writes
and on schedule, entered both ways, and never trusted beyond what they can answer."""

from __future__ import annotations

import time
from dataclasses import replace

from sqlalchemy import delete, func, insert, select, text

from app.admin.services import suspend
from app.db import write_transaction
from app.extensions import db
from app.hives.roles import answer_request
from app.hives.services import create_hive, join_hive, leave_hive
from app.profiles import record
from app.profiles.account import delete_account
from app.profiles.models import Bee, ProfileTag
from app.profiles.services import block, follow
from app.search import index
from app.talent import neighbours, ranking
from app.talent.affinity import INTEREST_POINTS, LIMIT, bees_to_know, dismiss
from app.talent.models import Neighbour, NeighbourList
from app.talent.neighbours import KEPT, fingerprint
from bench.talent import Scale, generate
from tests.factories import make_bee
from tests.talent.test_affinity import _brute_force, person


def kept(bee: Bee) -> list[int]:
    """The bees kept in ``bee``'s list, strongest first."""
    return list(
        db.session.scalars(
            select(Neighbour.other_id)
            .where(Neighbour.bee_id == bee.id)
            .order_by(Neighbour.strength.desc(), Neighbour.other_id)
        )
    )


def suggested(bee: Bee) -> list[tuple[int, int]]:
    return [(item.bee.id, item.strength) for item in bees_to_know(bee)]


def test_a_write_to_what_i_list_ranks_my_neighbours_again_once_committed(app):
    me = person("me", interests=("Chess",))
    ana = person("ana", interests=("chess",))
    ben = person("ben", interests=("go",))
    assert kept(me) == [ana.id]
    first = db.session.get(NeighbourList, me.id)
    assert (first.fingerprint, first.complete) == (fingerprint(ranking.listed(me.id)), True)
    record.add_entry(me, "skills", name="Go")  # a skill of mine ben is interested in
    assert kept(me) == [ana.id, ben.id]
    assert db.session.get(NeighbourList, me.id, populate_existing=True).fingerprint == fingerprint(
        ranking.listed(me.id)
    )
    owner = person("owner")
    hive = create_hive(owner, "Chess Club", "Moves.", "chess")
    join_hive(me, hive)
    assert kept(me) == [ana.id, ben.id, owner.id]
    leave_hive(me, hive)
    assert kept(me) == [ana.id, ben.id]
    create_hive(me, "Go Club", "Stones.", "go")  # my own new hive: a hive of mine like any other
    assert db.session.get(NeighbourList, me.id, populate_existing=True).fingerprint == fingerprint(
        ranking.listed(me.id)
    )


def test_a_moderator_letting_me_in_ranks_my_neighbours_again(app):
    me = person("me", interests=("Chess",))
    owner = person("owner")
    secret = create_hive(owner, "Quiet Room", "Hush.", "chess", is_private=True)
    join_hive(me, secret)  # a request: not a hive of mine yet
    assert owner.id not in kept(me)
    answer_request(owner, secret, me, approve=True)
    assert kept(me) == [owner.id]


def test_the_page_reads_the_kept_list_and_the_scheduled_run_ranks_it_again(app):
    runner = app.test_cli_runner()
    me = person("me", interests=("Chess",))
    ana = person("ana", interests=("chess", "go"))
    ben = person("ben", interests=("chess",))
    assert suggested(me) == [(ana.id, INTEREST_POINTS), (ben.id, INTEREST_POINTS)]
    db.session.execute(delete(Neighbour).where(Neighbour.bee_id == me.id, Neighbour.other_id == ana.id))
    db.session.commit()
    assert suggested(me) == [(ben.id, INTEREST_POINTS)]  # the kept list, not everyone ranked
    outcome = runner.invoke(args=["talent", "refresh-neighbours", "--older-than", "0"])
    assert outcome.exit_code == 0, outcome.output
    assert outcome.output.startswith("Ranked 3 lists of neighbours;")
    assert suggested(me) == [(ana.id, INTEREST_POINTS), (ben.id, INTEREST_POINTS)]
    recent = runner.invoke(args=["talent", "refresh-neighbours"])  # ranked moments ago: left alone
    assert recent.output == "Ranked 0 lists of neighbours; 0 other lists entered.\n"
    one = runner.invoke(args=["talent", "refresh-neighbours", "--older-than", "0", "--limit", "1"])
    assert one.output.startswith("Ranked 1 list of neighbours;")
    for bad in (["--older-than", "-1"], ["--limit", "0"], ["--older-than", "soon"]):
        assert runner.invoke(args=["talent", "refresh-neighbours", *bad]).exit_code == 2


def test_a_list_ranked_from_what_i_no_longer_list_is_not_read_and_the_page_writes_nothing(app, client, login):
    me = person("me", interests=("Chess",))
    ana = person("ana", interests=("chess",))
    ben = person("ben", interests=("go",))
    db.session.execute(  # written around the services: nothing ranks my list again
        insert(ProfileTag).values(bee_id=me.id, kind="interest", name="Go", key="go", place=1)
    )
    db.session.commit()
    before = db.session.get(NeighbourList, me.id).fingerprint
    assert before != fingerprint(ranking.listed(me.id))
    assert suggested(me) == _brute_force(me.id)[0] == [(ana.id, INTEREST_POINTS), (ben.id, INTEREST_POINTS)]
    login(me)
    assert client.get("/suggestions").status_code == 200
    db.session.expire_all()
    assert db.session.get(NeighbourList, me.id).fingerprint == before
    assert kept(me) == [ana.id]


def test_whom_i_follow_block_or_set_aside_leaves_at_once_and_a_neighbour_is_scored_as_they_stand(app):
    me = person("me", interests=("Chess", "Go", "Jazz"))
    bees = [person(f"bee{n}", interests=("chess",)) for n in range(5)]
    strong = person("strong", interests=("chess", "go"))
    assert [bee_id for bee_id, _ in suggested(me)] == [strong.id, *(bee.id for bee in bees[:5])]
    follow(me, bees[0])
    block(bees[1], me)
    dismiss(me, "bee", bees[2].id)
    assert [bee_id for bee_id, _ in suggested(me)] == [strong.id, bees[3].id, bees[4].id]
    record.replace_profile(bees[4], replace(record.snapshot(bees[4]), interests=("chess", "go", "jazz")))
    record.replace_profile(strong, replace(record.snapshot(strong), interests=("poker",)))
    assert suggested(me) == [(bees[4].id, 3 * INTEREST_POINTS), (bees[3].id, INTEREST_POINTS)]
    assert suggested(me) == _brute_force(me.id)[0]


def test_too_few_left_in_a_full_list_ranks_everyone(app):
    me = person("me", interests=("Chess",))
    crowd = [person(f"bee{n:02}", interests=("chess",)) for n in range(KEPT + 3)]
    assert db.session.get(NeighbourList, me.id).complete is False
    assert kept(me) == [bee.id for bee in crowd[:KEPT]]
    for bee in crowd[: KEPT - LIMIT + 1]:  # one left in the list of those I do not follow
        follow(me, bee)
    assert [bee_id for bee_id, _ in suggested(me)] == [bee.id for bee in crowd[KEPT - LIMIT + 1 :]][:LIMIT]
    assert suggested(me) == _brute_force(me.id)[0]


def test_a_newcomer_enters_my_list_when_i_am_among_hers_and_else_with_the_scheduled_run(app):
    runner = app.test_cli_runner()
    me = person("me", interests=("Jazz",))
    owner = person("owner")
    hive = create_hive(owner, "Night Owls", "Late.", "city")
    join_hive(me, hive)
    close = person("close", interests=("jazz",))  # I am among hers: she enters mine at once
    assert close.id in kept(me)
    crowd = [person(f"chess{n:02}", interests=("chess", "go", "poker")) for n in range(KEPT)]
    busy = person("busy", interests=("jazz", "chess", "go", "poker"))  # 24 bees share more with her
    assert set(kept(busy)) == {bee.id for bee in crowd}
    assert busy.id not in kept(me)
    assert busy.id not in [bee_id for bee_id, _ in suggested(me)]
    runner.invoke(args=["talent", "refresh-neighbours", "--older-than", "0"])
    assert busy.id in kept(me)
    assert suggested(me) == _brute_force(me.id)[0]


def test_entering_a_full_list_keeps_its_strongest(app):
    me = person("me", interests=("Chess",))
    crowd = [person(f"bee{n:02}", interests=("chess",)) for n in range(KEPT)]
    assert db.session.get(NeighbourList, me.id).complete is True
    assert len(kept(me)) == KEPT
    strong = person("strong", interests=("chess",), hobbies=("chess",), skills=("Chess",))
    db.session.expire_all()
    assert kept(me) == [strong.id, *(bee.id for bee in crowd[: KEPT - 1])]
    assert db.session.get(NeighbourList, me.id).complete is False
    assert suggested(me) == _brute_force(me.id)[0]


def test_the_scheduled_run_ranks_the_bees_who_have_no_list_and_a_suspended_bee_keeps_none(app):
    me = make_bee(handle="me")  # written around the services, as bees were before lists were kept
    ana = person("ana", interests=("chess",))
    with write_transaction():
        db.session.execute(
            insert(ProfileTag).values(bee_id=me.id, kind="hobby", name="Chess", key="chess", place=0)
        )
    make_bee(handle="empty")  # lists nothing: no list to rank
    assert db.session.get(NeighbourList, me.id) is None
    assert neighbours.ranked(me.id, ranking.listed(me.id), {me.id}, LIMIT) == (
        [(ana.id, INTEREST_POINTS)],
        False,
    )
    outcome = app.test_cli_runner().invoke(args=["talent", "refresh-neighbours", "--limit", "5"])
    assert outcome.output == "Ranked 1 list of neighbours; 1 other list entered.\n"
    assert kept(me) == [ana.id]
    assert neighbours.ranked(me.id, ranking.listed(me.id), {me.id}, LIMIT).kept is True
    admin = make_bee(handle="admin", is_admin=True)
    suspend(admin, ana, "Spam.")
    assert suggested(me) == []
    neighbours.refresh(ana.id, force=True)
    assert db.session.get(NeighbourList, ana.id, populate_existing=True) is None


def test_i_do_not_enter_the_lists_of_those_who_follow_me_or_set_me_aside(app):
    fan = person("fan", interests=("chess",))
    done = person("done", interests=("chess",))
    friend = person("friend", interests=("chess",))
    me = make_bee(handle="me")
    follow(fan, me)
    dismiss(done, "bee", me.id)
    record.replace_profile(me, replace(record.snapshot(me), interests=("Chess",)))
    assert set(kept(me)) == {fan.id, done.id, friend.id}
    assert me.id in kept(friend)
    assert me.id not in kept(fan)
    assert me.id not in kept(done)


def test_a_deleted_account_leaves_every_list(app):
    me = person("me", interests=("Chess",))
    leaver = person("leaver", interests=("chess",))
    assert kept(me) == [leaver.id]
    assert kept(leaver) == [me.id]
    delete_account(leaver, "leaver", time.time())
    assert kept(me) == []
    assert db.session.get(NeighbourList, leaver.id) is None
    assert (
        db.session.scalar(select(func.count()).select_from(Neighbour).where(Neighbour.other_id == leaver.id))
        == 0
    )
    assert suggested(me) == []


def test_kept_lists_give_what_counting_every_row_gives_on_a_generated_network(app):
    """Every list ranked and kept (each one entering the others'), then changes made around
    them: each bee's suggestions are the ones counting every row finds."""
    with db.engine.begin() as connection:
        generate(connection, Scale(bees=400, hives=30, seekers=0, seed=11))
    try:
        bees = db.session.scalars(select(Bee).order_by(Bee.id)).all()
        for bee in bees:
            neighbours.refresh(bee.id)
        assert db.session.scalar(select(func.count()).select_from(NeighbourList)) > 350
        follow(bees[0], bees[1])
        block(bees[2], bees[0])
        dismiss(bees[0], "bee", bees[3].id)
        for me in bees[:30] + bees[-10:]:
            assert suggested(me) == _brute_force(me.id)[0], me.id
            mine = ranking.listed(me.id)
            if any(mine):  # and the kept list answered: nobody here needed everyone ranked
                assert neighbours.ranked(me.id, mine, ranking.never(me.id), LIMIT).kept, me.id
    finally:
        with db.engine.begin() as connection:
            for table in index.TABLES.values():
                connection.execute(text(f"DELETE FROM {table}"))
