"""Talent search: who matches, how strongly, and why; filters; who may search; bad input."""

from __future__ import annotations

from datetime import date

import pytest

from app.db import write_transaction
from app.errors import PermissionDenied, ValidationError
from app.extensions import db
from app.hives.services import create_hive
from app.profiles import record
from app.profiles.data import Language, PositionData, ProfileData, SkillData
from app.profiles.models import utcnow
from app.profiles.services import bee_by_handle, block, set_account_kind
from app.talent.search import PAGE_SIZE, TalentQuery, matching_ids, search_talent
from tests.factories import make_bee, make_hive


def person(handle, *, skills=(), interests=(), hobbies=(), languages=(), location="", since=None, **bee):
    """A bee with the given profile."""
    made = make_bee(handle=handle, display_name=handle.title(), **bee)
    positions = (PositionData("Reporter", "Gazette", since),) if since else ()
    record.replace_profile(
        made,
        ProfileData(
            display_name=handle.title(),
            location=location,
            skills=tuple(SkillData(name) for name in skills),
            interests=tuple(interests),
            hobbies=tuple(hobbies),
            languages=tuple(Language(name) for name in languages),
            positions=positions,
        ),
    )
    return made


@pytest.fixture
def recruiter(app):
    return set_account_kind(make_bee(handle="hunter"), "recruiter")


def found(page) -> list[tuple[str, int]]:
    return [(match.bee.handle, match.strength) for match in page.matches]


def test_matches_are_ordered_by_strength_and_explained(app, recruiter):
    ana = person("ana", skills=("Python", "D3.js", "SQL"), interests=("Maps",))
    make_hive(owner=ana, name="Data Journalism")
    ben = person("ben", skills=("python",))
    cy = person("cy", hobbies=("maps",), interests=("Maps",))  # one interest, listed twice
    person("dee", skills=("Cobol",), interests=("Knitting",))  # nothing in common
    query = TalentQuery(skills=("Python", "d3.js"), interests=("MAPS",), hives=("data journalism",))
    page = search_talent(recruiter, query)
    assert found(page) == [("ana", 3 + 3 + 2 + 1), ("ben", 3), ("cy", 2)]
    first = page.matches[0]
    assert first.skills == ["Python", "D3.js"]  # the bee's own spelling, in the bee's order
    assert first.interests == ["Maps"]
    assert first.hives == ["Data Journalism"]
    assert page.matches[2].interests == ["Maps"]
    assert page.next_after is None
    assert {ben.id, cy.id} <= {match.bee.id for match in page.matches}


def test_ties_go_to_the_bee_who_joined_first_and_pages_neither_skip_nor_repeat(app, recruiter):
    made = [person(f"tied_{n:02}", skills=("Go",)) for n in range(PAGE_SIZE + 3)]
    first = search_talent(recruiter, TalentQuery(skills=("go",)))
    assert [match.bee.id for match in first.matches] == [bee.id for bee in made[:PAGE_SIZE]]
    second = search_talent(recruiter, TalentQuery(skills=("go",)), first.next_after)
    assert [match.bee.id for match in second.matches] == [bee.id for bee in made[PAGE_SIZE:]]
    assert second.next_after is None


def test_a_search_in_arabic_or_hebrew_finds_with_and_without_diacritics(app, recruiter):
    person("noor", interests=("خَطّ عربي",), skills=("تَحرير",))
    person("noa", interests=("מוּזִיקָה",))
    assert found(search_talent(recruiter, TalentQuery(interests=("خط عربي",)))) == [("noor", 2)]
    assert found(search_talent(recruiter, TalentQuery(skills=("تحرير",)))) == [("noor", 3)]
    assert found(search_talent(recruiter, TalentQuery(interests=("מוזיקה",)))) == [("noa", 2)]


def test_filters_narrow_and_never_add(app, recruiter):
    person(
        "amman_old", skills=("SQL",), location="عمّان", languages=("Arabic", "English"), since=date(2010, 1, 1)
    )
    person(
        "amman_new", skills=("SQL",), location="Amman, Jordan", languages=("Arabic",), since=date(2024, 1, 1)
    )
    person(
        "haifa", skills=("SQL",), location="Haifa", languages=("Arabic", "English"), since=date(2005, 1, 1)
    )
    sql = TalentQuery(skills=("sql",))
    assert [h for h, _ in found(search_talent(recruiter, sql))] == ["amman_old", "amman_new", "haifa"]
    in_amman = TalentQuery(skills=("sql",), location="عمان")
    assert [h for h, _ in found(search_talent(recruiter, in_amman))] == ["amman_old"]
    both = TalentQuery(skills=("sql",), languages=("english", "ARABIC"))
    assert [h for h, _ in found(search_talent(recruiter, both))] == ["amman_old", "haifa"]
    seasoned = TalentQuery(skills=("sql",), min_years=10)
    assert [h for h, _ in found(search_talent(recruiter, seasoned))] == ["amman_old", "haifa"]
    only_filters = TalentQuery(location="haifa")
    assert found(search_talent(recruiter, only_filters)) == [("haifa", 0)]


def test_only_recruiters_filter_by_openness(app, recruiter):
    person("open", skills=("Rust",), open_to_work=True)
    person("closed", skills=("Rust",))
    assert found(search_talent(recruiter, TalentQuery(skills=("rust",), open_to="work"))) == [("open", 3)]
    editor = set_account_kind(make_bee(), "editor")
    with pytest.raises(PermissionDenied):
        search_talent(editor, TalentQuery(skills=("rust",), open_to="work"))
    assert len(search_talent(editor, TalentQuery(skills=("rust",))).matches) == 2


def test_only_recruiters_and_editors_search(app):
    person("someone", skills=("Rust",))
    with pytest.raises(PermissionDenied):
        search_talent(make_bee(), TalentQuery(skills=("rust",)))


def test_a_private_hive_counts_only_for_its_own_members(app, recruiter):
    owner = person("keeper", skills=("Rust",))
    secret = create_hive(owner, "Secret Garden", "Private.", "", is_private=True)
    page = search_talent(recruiter, TalentQuery(hives=("Secret Garden",)))
    assert page.matches == []
    assert page.unknown_hives == ("Secret Garden",)
    assert secret.id  # the hive exists; the recruiter just may not know of it


def test_the_searcher_deleted_and_suspended_bees_are_never_found(app, recruiter):
    record.replace_profile(recruiter, ProfileData("Hunter", location="Oslo", skills=(SkillData("Rust"),)))
    gone, away = (
        person("gone", skills=("Rust",), location="Oslo"),
        person("away", skills=("Rust",), location="Oslo"),
    )
    person("here", skills=("Rust",), location="Oslo")
    with write_transaction():
        db.session.merge(gone).deleted_at = db.session.merge(away).suspended_at = utcnow()
    assert found(search_talent(recruiter, TalentQuery(skills=("rust",)))) == [("here", 3)]
    # The same with a filter, and with nothing but a filter: each decides the page its own way.
    assert found(search_talent(recruiter, TalentQuery(skills=("rust",), location="oslo"))) == [("here", 3)]
    assert found(search_talent(recruiter, TalentQuery(location="oslo"))) == [("here", 0)]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        (TalentQuery(skills=tuple(f"s{n}" for n in range(11))), "skills"),
        (TalentQuery(skills=("a",), min_years=-1), "years"),
        (TalentQuery(skills=("a",), min_years=500), "years"),
        (TalentQuery(skills=("a",), open_to="everything"), "open_to"),
    ],
)
def test_bad_queries_are_refused_with_the_field_named(app, recruiter, query, field):
    with pytest.raises(ValidationError) as raised:
        search_talent(recruiter, query)
    assert raised.value.field == field


def test_a_broken_page_link_is_refused(app, recruiter):
    with pytest.raises(ValidationError):
        search_talent(recruiter, TalentQuery(skills=("a",)), "not-a-cursor")


def test_a_bee_on_either_side_of_a_block_is_never_found(app, recruiter):
    blocker, blocked = person("blocker", skills=("Go",)), person("blocked", skills=("Go",))
    person("free", skills=("Go",))
    block(blocker, recruiter)
    block(recruiter, blocked)
    assert found(search_talent(recruiter, TalentQuery(skills=("go",)))) == [("free", 3)]


def test_words_reach_every_matching_bee_before_the_filters(app, recruiter):
    for n in range(30):
        person(f"eng_{n:02}", location="Haifa" if n == 29 else "Paris")
    for bee_handle in (f"eng_{n:02}" for n in range(30)):
        record.replace_profile(
            bee_by_handle(bee_handle), ProfileData(bee_handle, headline="Engineer"), {"headline"}
        )
    page = search_talent(recruiter, TalentQuery(words="engineer", location="haifa"))
    assert [(match.bee.handle, match.words) for match in page.matches] == [("eng_29", True)]


def test_filters_alone_page_through_bees_in_the_order_they_joined(app, recruiter):
    made = [person(f"local_{n:02}", location="Lima") for n in range(PAGE_SIZE + 3)]
    person("elsewhere", location="Quito")
    first = search_talent(recruiter, TalentQuery(location="lima"))
    assert [match.bee.id for match in first.matches] == [bee.id for bee in made[:PAGE_SIZE]]
    assert first.next_after == f"0:{made[PAGE_SIZE - 1].id}"
    second = search_talent(recruiter, TalentQuery(location="lima"), first.next_after)
    assert [match.bee.id for match in second.matches] == [bee.id for bee in made[PAGE_SIZE:]]
    assert second.next_after is None


def _every_page(searcher, query) -> list[int]:
    page, ids = search_talent(searcher, query), []
    while True:
        ids += [match.bee.id for match in page.matches]
        if page.next_after is None:
            return ids
        page = search_talent(searcher, query, page.next_after)


@pytest.mark.parametrize(
    "query",
    [
        TalentQuery(skills=("sql",)),
        TalentQuery(skills=("sql",), interests=("maps",), location="lima"),
        TalentQuery(words="engineer", languages=("english",)),
        TalentQuery(location="lima"),
        TalentQuery(hives=("no such hive",)),
        TalentQuery(),
    ],
)
def test_matching_ids_are_the_bees_every_page_finds(app, recruiter, query):
    for n in range(PAGE_SIZE + 5):
        bee = person(
            f"bee_{n:02}",
            skills=("SQL",) if n % 2 else ("Go",),
            interests=("Maps",) if n % 3 else (),
            languages=("English",) if n % 4 else ("Arabic",),
            location="Lima" if n % 5 else "Quito",
        )
        if n % 7 == 0:
            record.replace_profile(bee, ProfileData(bee.handle, headline="Engineer"), {"headline"})
    with write_transaction():
        db.session.merge(bee_by_handle("bee_03")).suspended_at = utcnow()
    block(bee_by_handle("bee_05"), recruiter)
    expected = _every_page(recruiter, query)
    assert len(expected) == len(set(expected))
    assert sorted(db.session.scalars(matching_ids(recruiter, query))) == sorted(expected)
