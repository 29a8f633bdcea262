"""The whole person stored: brand and record checked, replaced at once, edited entry by entry."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.errors import NotFound, ValidationError
from app.extensions import db
from app.profiles import record
from app.profiles.data import (
    Language,
    Link,
    PositionData,
    ProfileData,
    SkillData,
    check_languages,
    check_month,
    check_url,
)
from app.profiles.forms import join_languages, split_languages
from app.profiles.models import Position, ProfileTag, Skill
from tests.factories import full_profile_data, make_bee


def test_a_whole_profile_replaced_reads_back_the_same(app):
    bee = make_bee()
    data = full_profile_data()
    record.replace_profile(bee, data)
    db.session.expire_all()
    assert record.snapshot(db.session.get(type(bee), bee.id)) == data
    assert "<strong>public data</strong>" in db.session.get(type(bee), bee.id).statement_html


def test_an_import_with_one_bad_entry_changes_nothing(app):
    bee = make_bee(display_name="Before")
    record.replace_profile(bee, ProfileData(display_name="Before", interests=("Chess",)))
    bad = replace(
        full_profile_data(),
        positions=(
            *full_profile_data().positions,
            PositionData("Late", "Org", date(2020, 5, 1), date(2019, 1, 1)),
        ),
    )
    with pytest.raises(ValidationError) as raised:
        record.replace_profile(bee, bad)
    assert raised.value.field == "positions"
    assert "Entry 3" in raised.value.message
    db.session.expire_all()
    after = record.snapshot(db.session.get(type(bee), bee.id))
    assert after == ProfileData(display_name="Before", interests=("Chess",))


def test_only_named_fields_are_replaced(app):
    bee = make_bee()
    record.replace_profile(bee, full_profile_data())
    record.replace_profile(bee, ProfileData(display_name="ignored", skills=(SkillData("Go"),)), {"skills"})
    after = record.snapshot(bee)
    assert after.skills == (SkillData("Go"),)
    assert after.positions == full_profile_data().positions
    assert after.display_name == "Layla Haddad"


def test_tags_fold_so_repeats_are_one(app):
    bee = make_bee()
    data = ProfileData(display_name="A", interests=("Café", "cafe", "خَطّ", "خط", "  Open   data "))
    record.replace_profile(bee, data)
    assert record.snapshot(bee).interests == ("Café", "خَطّ", "Open data")
    keys = db.session.scalars(db.select(ProfileTag.key).where(ProfileTag.bee_id == bee.id)).all()
    assert sorted(keys) == sorted(["cafe", "خط", "open data"])


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2021-09", date(2021, 9, 1)), ("2021", date(2021, 1, 1)), ("2021-09-17", date(2021, 9, 1)), ("", None)],
)
def test_months_are_read_in_the_forms_people_write(value, expected):
    assert check_month(value, "start_on") == expected


@pytest.mark.parametrize("value", ["2021-13", "21-09", "September 2021", "1850-01", "9999-01", 42])
def test_impossible_months_are_refused(value):
    with pytest.raises(ValidationError):
        check_month(value, "start_on")


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "ftp://example.org",
        "https://",
        "//example.org",
        "https://exa mple.org",
        "data:x",
    ],
)
def test_only_http_and_https_links(url):
    with pytest.raises(ValidationError):
        check_url(url)


def test_entries_are_added_edited_moved_and_removed(app):
    bee = make_bee()
    first = record.add_entry(
        bee, "positions", title="Reporter", organization="Gazette", start_on="2015-01", end_on="2018-12"
    )
    second = record.add_entry(bee, "positions", title="Editor", organization="Gazette", start_on="2019-01")
    assert [row.title for row in record.entries(bee.id, "positions")] == ["Reporter", "Editor"]
    assert record.move_entry(bee, "positions", second.id, -1) is True
    assert record.move_entry(bee, "positions", second.id, -1) is False  # already first
    assert [row.title for row in record.entries(bee.id, "positions")] == ["Editor", "Reporter"]
    record.change_entry(
        bee,
        "positions",
        first.id,
        title="Senior reporter",
        organization="Gazette",
        start_on="2015-01",
        end_on="2018-12",
    )
    with pytest.raises(ValidationError) as raised:
        record.change_entry(
            bee, "positions", first.id, title="X", organization="Y", start_on="2019-01", end_on="2018-01"
        )
    assert raised.value.field == "end_on"
    assert db.session.get(Position, first.id).title == "Senior reporter"
    record.remove_entry(bee, "positions", first.id)
    assert [row.title for row in record.entries(bee.id, "positions")] == ["Editor"]


def test_nobody_changes_another_bees_entries(app):
    owner, other = make_bee(), make_bee()
    entry = record.add_entry(owner, "skills", name="SQL", years="3")
    for change in (
        lambda: record.change_entry(other, "skills", entry.id, name="Nope"),
        lambda: record.remove_entry(other, "skills", entry.id),
        lambda: record.move_entry(other, "skills", entry.id, 1),
    ):
        with pytest.raises(NotFound):
            change()
    assert db.session.get(Skill, entry.id).name == "SQL"


def test_a_skill_is_listed_once(app):
    bee = make_bee()
    record.add_entry(bee, "skills", name="Python")
    with pytest.raises(ValidationError):
        record.add_entry(bee, "skills", name="PYTHON ")


def test_lists_are_capped(app):
    bee = make_bee()
    links = tuple(Link(f"Site {n}", f"https://site{n}.example") for n in range(21))
    with pytest.raises(ValidationError) as raised:
        record.replace_profile(bee, ProfileData(display_name="A", links=links))
    assert raised.value.field == "links"


def test_symbols_keep_skills_apart_and_long_names_their_whole_key(app):
    bee = make_bee()
    for name in ("C", "C++", "C#", "F#"):
        record.add_entry(bee, "skills", name=name)
    long_one, long_two = "x" * 55 + "alpha", "x" * 55 + "omega"
    record.add_entry(bee, "skills", name=long_one)
    record.add_entry(bee, "skills", name=long_two)
    assert len(record.entries(bee.id, "skills")) == 6


def test_commas_and_brackets_never_hide_inside_a_tag_or_a_language(app):
    bee = make_bee()
    imported = ProfileData(
        display_name="A",
        interests=("Food, wine and travel",),
        languages=(Language("Chinese (Mandarin)"), Language("English", "C1, fluent")),
    )
    record.replace_profile(bee, imported)
    stored = record.snapshot(bee)
    assert stored.interests == ("Food", "wine and travel")
    assert stored.languages == (Language("Chinese", "Mandarin"), Language("English", "C1 · fluent"))
    typed = join_languages(stored.languages)
    assert tuple(check_languages(split_languages(typed))) == stored.languages  # the form reads it back


@pytest.mark.parametrize("url", ["http://[oops/", "https://[::1", "https://example.org:99999/"])
def test_addresses_that_are_not_addresses_are_refused_not_crashed_on(app, url):
    with pytest.raises(ValidationError):
        check_url(url)


def test_half_a_character_is_refused(app):
    with pytest.raises(ValidationError) as raised:
        record.replace_profile(make_bee(), ProfileData(display_name="A", headline="hi \ud800"))
    assert raised.value.field == "headline"


def test_talent_facts_follow_the_record(app):
    bee = make_bee()
    record.replace_profile(bee, ProfileData(display_name="A", location="  عمّان،   الأردن "))
    fresh = db.session.get(type(bee), bee.id, populate_existing=True)
    assert fresh.location_key == "عمان الاردن"
    assert fresh.career_start is None
    later = record.add_entry(bee, "positions", title="Editor", organization="Gazette", start_on="2019-01")
    record.add_entry(
        bee, "positions", title="Reporter", organization="Gazette", start_on="2012-05", end_on="2018-12"
    )
    assert db.session.get(type(bee), bee.id, populate_existing=True).career_start == date(2012, 5, 1)
    first = record.entries(bee.id, "positions")[1]
    record.remove_entry(bee, "positions", first.id)
    assert db.session.get(type(bee), bee.id, populate_existing=True).career_start == date(2019, 1, 1)
    record.change_entry(
        bee, "positions", later.id, title="Editor", organization="Gazette", start_on="2020-03"
    )
    assert db.session.get(type(bee), bee.id, populate_existing=True).career_start == date(2020, 3, 1)


def test_search_rebuild_folds_every_location_again(app):
    bee = make_bee(location="Zürich", location_key="zürich")
    result = app.test_cli_runner().invoke(args=["search", "rebuild"])
    assert result.exit_code == 0, result.output
    assert db.session.get(type(bee), bee.id, populate_existing=True).location_key == "zurich"
