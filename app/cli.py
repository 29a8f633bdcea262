"""Command-line tools: ``flask demo load``, ``flask search rebuild``, ``flask admin grant``,
``flask accounts purge-handles``, ``flask talent check-saved``, ``flask talent
refresh-neighbours``."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

demo_cli = AppGroup("demo", help="The demo network.")
search_cli = AppGroup("search", help="The search index.")
admin_cli = AppGroup("admin", help="Site admins.")
accounts_cli = AppGroup("accounts", help="Accounts.")
talent_cli = AppGroup("talent", help="Talent search and suggestions.")


@demo_cli.command("load")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database already has bees.")
def load_demo(if_empty: bool) -> None:
    """Load the demo network: bees with whole profiles, hives, posts, comments, messages and
    opportunities with their answers."""
    from app.demo import loader

    if loader.is_loaded():
        if if_empty:
            click.echo("The database already has bees; keeping them.")
            _print_login(loader)
            return
        raise click.ClickException("The database already has bees; refusing to load the demo twice.")
    click.echo("Loading the demo network…")
    made = loader.load()
    click.echo(", ".join(f"{count} {name}" for name, count in made.items()))
    _print_login(loader)


def _print_login(loader) -> None:
    click.echo(f"Demo login: handle '{loader.DEMO_HANDLE}', password '{loader.DEMO_PASSWORD}'")


@search_cli.command("rebuild")
def rebuild_search() -> None:
    """Index every visible post, bee and hive again, and fold every bee's location again for
    talent search (after a restore, or a change to folding)."""
    from app.db import write_transaction
    from app.extensions import db
    from app.profiles.record import refold_locations
    from app.search.index import reindex_all

    with write_transaction():
        made = reindex_all(db.session.connection())
        refold_locations()
    click.echo("Indexed " + ", ".join(f"{count} {kind}" for kind, count in made.items()) + ".")


def _set_admin(handle: str, is_admin: bool) -> None:
    from app.db import write_transaction
    from app.errors import NotFound
    from app.extensions import db
    from app.profiles.services import bee_by_handle

    try:
        bee = bee_by_handle(handle)
    except NotFound:
        raise click.ClickException(f"There is no bee with the handle {handle!r}.") from None
    with write_transaction():
        db.session.merge(bee).is_admin = is_admin
    click.echo(f"@{bee.handle} is {'now' if is_admin else 'no longer'} a site admin.")


@admin_cli.command("grant")
@click.argument("handle")
def grant_admin(handle: str) -> None:
    """Make a bee a site admin: they act in every hive and can suspend bees."""
    _set_admin(handle, True)


@admin_cli.command("revoke")
@click.argument("handle")
def revoke_admin(handle: str) -> None:
    """Make a site admin an ordinary bee again."""
    _set_admin(handle, False)


@admin_cli.command("kind")
@click.argument("handle")
@click.argument("kind", type=click.Choice(["bee", "recruiter", "editor"]))
def set_kind(handle: str, kind: str) -> None:
    """Make a bee's account a recruiter's or an editor's (they see who is open to work), or an
    ordinary bee's again."""
    from app.errors import NotFound
    from app.profiles.services import bee_by_handle, set_account_kind

    try:
        bee = set_account_kind(bee_by_handle(handle), kind)
    except NotFound:
        raise click.ClickException(f"There is no bee with the handle {handle!r}.") from None
    click.echo(f"@{bee.handle} has a {kind} account now.")


@accounts_cli.command("purge-handles")
def purge_handles() -> None:
    """Free the handles of accounts deleted longer ago than HANDLE_GRACE_DAYS."""
    from app.profiles.account import purge_handles as purge

    freed = purge()
    click.echo(f"Freed {freed} handle{'' if freed == 1 else 's'}.")


@talent_cli.command("check-saved")
def check_saved() -> None:
    """Find the bees each saved talent search matches now and never did, and tell each owner
    once per search (run it from cron)."""
    from app.talent.saved import check_saved_searches

    totals = check_saved_searches()
    click.echo(
        f"Checked {totals.checked} saved search{'' if totals.checked == 1 else 'es'}: "
        f"{totals.new_matches} new match{'' if totals.new_matches == 1 else 'es'}, "
        f"{totals.notices} notice{'' if totals.notices == 1 else 's'}."
    )


@talent_cli.command("refresh-neighbours")
@click.option(
    "--older-than",
    type=click.FloatRange(min=0),
    default=20.0,
    show_default=True,
    help="Rank again the lists ranked longer ago than this many hours.",
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Rank at most this many lists.")
def refresh_neighbours(older_than: float, limit: int | None) -> None:
    """Rank each bee's neighbours for bees to know (run it from cron): first the bees who have
    no list yet, then the oldest lists, which brings in bees whose own changes made them
    stronger neighbours."""
    from datetime import timedelta

    from app.talent.neighbours import refresh_due

    run = refresh_due(timedelta(hours=older_than), limit)
    click.echo(
        f"Ranked {run.ranked} list{'' if run.ranked == 1 else 's'} of neighbours; "
        f"{run.entered} other list{'' if run.entered == 1 else 's'} entered."
    )
    if run.failed:
        raise click.ClickException(
            f"{run.failed} list{'' if run.failed == 1 else 's'} could not be ranked (see the log)."
        )


def init_app(app: Flask) -> None:
    """Register the commands."""
    app.cli.add_command(demo_cli)
    app.cli.add_command(search_cli)
    app.cli.add_command(admin_cli)
    app.cli.add_command(accounts_cli)
    app.cli.add_command(talent_cli)
