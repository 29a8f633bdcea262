"""Saved talent searches: saving, checking for new matches, the notice, the pages and the CLI."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.errors import NotFound, PermissionDenied, ValidationError
from app.extensions import db
from app.notifications.models import PREFERENCES, Kind, Notice
from app.notifications.services import set_preferences
from app.profiles import record
from app.profiles.services import set_account_kind
from app.talent import saved
from app.talent.models import SavedSearch, SavedSearchMatch
from tests.conftest import csrf_token_from, make_app
from tests.factories import PASSWORD, make_bee


def _seeker(kind: str = "recruiter", **values):
    return set_account_kind(make_bee(**values), kind)


def _with_skill(name: str, **values):
    bee = make_bee(**values)
    record.add_entry(bee, "skills", name=name)
    return bee


def _count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def _matched(saved_id: int) -> set[int]:
    rows = select(SavedSearchMatch.bee_id).where(SavedSearchMatch.saved_search_id == saved_id)
    return set(db.session.scalars(rows))


def _notices(bee) -> list[Notice]:
    return list(
        db.session.scalars(select(Notice).where(Notice.bee_id == bee.id, Notice.kind == Kind.SEARCH_MATCHED))
    )


# The service ---------------------------------------------------------------------------------


def test_saving_records_the_current_matches_as_known(app):
    recruiter = _seeker()
    known = [_with_skill("SQL"), _with_skill("sql")]
    _with_skill("Maps")
    kept = saved.save_search(recruiter, "  SQL   people ", "q=&skills=SQL&after=3:4&submit=Search+talent")
    assert kept.name == "SQL people"
    assert kept.query == "skills=SQL"
    assert _matched(kept.id) == {bee.id for bee in known}
    totals = saved.check_saved_searches()
    assert (totals.checked, totals.new_matches, totals.notices) == (1, 0, 0)
    assert [listing.new_count for listing in saved.saved_searches(recruiter)] == [0]


def test_a_bee_who_gains_the_skill_later_is_found_once_and_the_owner_told_once(app):
    recruiter = _seeker()
    first = _with_skill("SQL")
    kept = saved.save_search(recruiter, "SQL people", "skills=sql")
    newcomer = make_bee()
    record.add_entry(newcomer, "skills", name="SQL")  # as the bee does on their record page
    totals = saved.check_saved_searches()
    assert (totals.checked, totals.new_matches, totals.notices) == (1, 1, 1)
    assert _matched(kept.id) == {first.id, newcomer.id}
    (notice,) = _notices(recruiter)
    assert (notice.saved_search_id, notice.amount) == (kept.id, 1)
    assert db.session.get(type(recruiter), recruiter.id, populate_existing=True).unread_notices == 1
    again = saved.check_saved_searches()
    assert (again.checked, again.new_matches, again.notices) == (1, 0, 0)
    assert len(_notices(recruiter)) == 1
    (listing,) = saved.saved_searches(recruiter)
    assert listing.new_count == 1
    assert saved.open_saved(recruiter, kept.id) == "skills=sql"
    assert saved.saved_searches(recruiter)[0].new_count == 0
    saved.delete_saved(recruiter, kept.id)  # its unread notice goes, and off the badge
    assert _notices(recruiter) == []
    assert db.session.get(type(recruiter), recruiter.id, populate_existing=True).unread_notices == 0


def test_turning_the_notice_off_keeps_the_matches_but_leaves_no_notice(app):
    recruiter = _seeker()
    kept = saved.save_search(recruiter, "SQL people", "skills=sql")
    set_preferences(recruiter, [name for name in PREFERENCES if name != "search_matched"])
    newcomer = _with_skill("SQL")
    totals = saved.check_saved_searches()
    assert (totals.new_matches, totals.notices) == (1, 0)
    assert _matched(kept.id) == {newcomer.id}
    assert _notices(recruiter) == []


def test_an_owner_who_no_longer_searches_talent_is_not_checked(app):
    recruiter = _seeker()
    kept = saved.save_search(recruiter, "SQL people", "skills=sql")
    set_account_kind(recruiter, "bee")
    _with_skill("SQL")
    assert saved.check_saved_searches().checked == 0
    assert _matched(kept.id) == set()


def test_an_editor_who_was_a_recruiter_is_not_told_of_an_openness_filter(app):
    recruiter = _seeker()
    saved.save_search(recruiter, "Open to work", "skills=sql&open_to=work")
    set_account_kind(recruiter, "editor")
    _with_skill("SQL", open_to_work=True)
    assert saved.check_saved_searches().checked == 0
    assert _notices(recruiter) == []


@pytest.mark.parametrize(
    ("name", "query", "message"),
    [
        ("", "skills=sql", "Give this search a name."),
        ("   ", "skills=sql", "Give this search a name."),
        ("x" * 81, "skills=sql", "Keep this under 80 characters."),
        ("Half \ud800 a character", "skills=sql", "This text has a broken character in it."),
        ("Nothing", "", "Search for something first"),
        ("Nothing", "after=1:2&open_to=", "Search for something first"),
        ("Too much", "q=" + "word+" * 1_000, "This search is too long to save."),
        ("Bad years", "skills=sql&years=lots", "Enter between 0 and"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(app, name, query, message):
    recruiter = _seeker()
    with pytest.raises(ValidationError) as refused:
        saved.save_search(recruiter, name, query)
    assert message in refused.value.message
    assert _count(SavedSearch) == 0


def test_an_editor_cannot_save_an_openness_filter_and_a_bee_cannot_save_at_all(app):
    with pytest.raises(PermissionDenied):
        saved.save_search(_seeker("editor"), "Open", "skills=sql&open_to=work")
    with pytest.raises(PermissionDenied):
        saved.save_search(make_bee(), "Mine", "skills=sql")
    assert _count(SavedSearch) == 0


def test_someone_elses_saved_search_is_not_found(app):
    kept = saved.save_search(_seeker(), "Mine", "skills=sql")
    other = _seeker("editor")
    for act in (saved.open_saved, saved.delete_saved, saved.saved_search_of):
        with pytest.raises(NotFound):
            act(other, kept.id)
    assert _count(SavedSearch) == 1


# The pages ------------------------------------------------------------------------------------


@pytest.fixture
def recruiter(app, login):
    return login(_seeker(handle="the_recruiter"))


def _save(client, name: str, query: str):
    return client.post("/talent/saved", data={"name": name, "query": query})


def test_the_talent_page_offers_to_save_its_search(app, client, recruiter):
    assert 'action="/talent/saved"' not in client.get("/talent").get_data(as_text=True)
    html = client.get("/talent?skills=sql&q=data").get_data(as_text=True)
    assert 'action="/talent/saved"' in html
    assert 'name="query" value="skills=sql&amp;q=data"' in html
    assert 'href="/talent/saved"' in html


def test_save_then_see_new_matches_then_run(app, client, recruiter):
    _with_skill("SQL")
    response = _save(client, "SQL people", "skills=sql&after=3:1")
    assert response.status_code == 302
    kept = db.session.scalar(select(SavedSearch))
    assert response.headers["Location"] == f"/talent/saved#saved-{kept.id}"
    html = client.get("/talent/saved").get_data(as_text=True)
    assert "SQL people" in html
    assert f'id="saved-{kept.id}"' in html
    assert "new since you last looked" not in html
    assert f'href="/talent/saved/{kept.id}/delete"' in html
    _with_skill("SQL")
    saved.check_saved_searches()
    assert "1 new since you last looked" in client.get("/talent/saved").get_data(as_text=True)
    assert client.get(f"/talent/saved/{kept.id}").status_code == 405  # opening it writes: a POST
    assert "1 new since you last looked" in client.get("/talent/saved").get_data(as_text=True)
    assert f'<form method="post" action="/talent/saved/{kept.id}"' in client.get("/talent/saved").get_data(
        as_text=True
    )
    run = client.post(f"/talent/saved/{kept.id}")
    assert run.status_code == 302
    assert run.headers["Location"] == "/talent?skills=sql"
    assert "new since you last looked" not in client.get("/talent/saved").get_data(as_text=True)


def test_the_list_says_when_there_is_nothing_saved(app, client, recruiter):
    assert "No saved searches yet." in client.get("/talent/saved").get_data(as_text=True)


@pytest.mark.parametrize(
    ("name", "query", "message"),
    [
        ("", "skills=sql", "Give this search a name."),
        ("x" * 81, "skills=sql", "Keep this under 80 characters."),
        ("Nothing", "", "Search for something first"),
    ],
)
def test_bad_input_on_the_page_is_shown_with_a_422(app, client, recruiter, name, query, message):
    response = _save(client, name, query)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert _count(SavedSearch) == 0


def test_at_most_twenty_saved_searches(app, client, recruiter):
    for n in range(saved.SAVED_MAX):
        assert _save(client, f"Search {n}", f"skills=s{n}").status_code == 302
    response = _save(client, "One too many", "skills=more")
    assert response.status_code == 422
    assert "You can keep at most 20 saved searches." in response.get_data(as_text=True)
    assert _count(SavedSearch) == saved.SAVED_MAX


def test_an_editor_cannot_save_an_openness_filter_on_the_page(app, client, login):
    login(_seeker("editor"))
    assert _save(client, "Open", "skills=sql&open_to=work").status_code == 403
    assert _count(SavedSearch) == 0


def test_a_plain_bee_is_refused_every_saved_search_page(app, client, login):
    kept = saved.save_search(_seeker(), "Theirs", "skills=sql")
    login(make_bee())
    assert client.get("/talent/saved").status_code == 403
    assert _save(client, "Mine", "skills=sql").status_code == 403
    assert client.post(f"/talent/saved/{kept.id}").status_code == 403
    assert client.post(f"/talent/saved/{kept.id}/delete").status_code == 403
    assert _count(SavedSearch) == 1


def test_someone_elses_saved_search_is_a_404(app, client, recruiter):
    kept = saved.save_search(_seeker("editor"), "Theirs", "skills=sql")
    assert client.post(f"/talent/saved/{kept.id}").status_code == 404
    assert client.get(f"/talent/saved/{kept.id}/delete").status_code == 404
    assert client.post(f"/talent/saved/{kept.id}/delete").status_code == 404
    assert client.get("/talent/saved/99999999999/delete").status_code == 404
    assert _count(SavedSearch) == 1
    assert "Theirs" not in client.get("/talent/saved").get_data(as_text=True)


@pytest.fixture
def csrf_client(app, tmp_path):
    """A client of an app that checks CSRF tokens, on the same database."""
    checked = make_app(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path, WTF_CSRF_ENABLED=True)
    yield checked.test_client()
    with checked.app_context():
        db.session.remove()
        db.engine.dispose()


def _saved_now() -> int:
    """How many saved searches there are, read afresh: the other app's writes come after this
    session's snapshot."""
    db.session.rollback()
    return _count(SavedSearch)


def test_deleting_asks_first_and_needs_a_post_with_its_token(app, csrf_client):
    owner = _seeker(handle="owner")
    kept = saved.save_search(owner, "SQL people", "skills=sql")
    token = csrf_token_from(csrf_client.get("/login").get_data(as_text=True))
    signed_in = csrf_client.post("/login", data={"login": "owner", "password": PASSWORD, "csrf_token": token})
    assert signed_in.status_code == 302
    page = csrf_client.get(f"/talent/saved/{kept.id}/delete")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Delete this saved search?" in html
    assert "SQL people" in html
    assert _saved_now() == 1
    assert csrf_client.post(f"/talent/saved/{kept.id}/delete").status_code == 400
    assert _saved_now() == 1
    response = csrf_client.post(f"/talent/saved/{kept.id}/delete", data={"csrf_token": csrf_token_from(html)})
    assert response.status_code == 302
    assert _saved_now() == 0


def test_the_notice_reads_well_and_links_to_the_search(app, client, recruiter):
    kept = saved.save_search(recruiter, "SQL people", "skills=sql")
    _with_skill("SQL")
    saved.check_saved_searches()
    html = client.get("/notices").get_data(as_text=True)
    assert "1 new bee matches your saved search" in html
    assert f'href="/talent/saved#saved-{kept.id}"><bdi>SQL people</bdi></a>' in html
    assert f'<form method="post" action="/talent/saved/{kept.id}"' in html


def test_the_command_checks_and_prints_the_totals(app):
    recruiter = _seeker()
    saved.save_search(recruiter, "SQL people", "skills=sql")
    _with_skill("SQL")
    runner = app.test_cli_runner()
    first = runner.invoke(args=["talent", "check-saved"])
    assert first.exit_code == 0, first.output
    assert first.output.strip() == "Checked 1 saved search: 1 new match, 1 notice."
    second = runner.invoke(args=["talent", "check-saved"])
    assert second.output.strip() == "Checked 1 saved search: 0 new matches, 0 notices."
