"""Plain factory functions for tests: ``make_bee(**overrides)`` and friends.

Bees are inserted directly with a precomputed password hash (hashing is slow
on purpose); everything that moves feeds or delivery counts goes through the
real services.
"""

from __future__ import annotations

import itertools
from functools import cache

from werkzeug.security import generate_password_hash

from app.db import write_transaction
from app.extensions import db
from app.hives.services import create_hive, join_hive
from app.posts.services import publish_post
from app.profiles.models import Bee
from app.search import index as search

PASSWORD = "correct horse battery"
_counter = itertools.count(1)


@cache
def _password_hash() -> str:
    return generate_password_hash(PASSWORD)


def make_bee(**overrides) -> Bee:
    """A bee whose password is ``PASSWORD``."""
    n = next(_counter)
    values = {
        "handle": f"bee_{n}",
        "email": f"bee{n}@example.test",
        "display_name": f"Bee {n}",
        "headline": "",
        "password_hash": _password_hash(),
    }
    values.update(overrides)
    with write_transaction():
        bee = Bee(**values)
        db.session.add(bee)
        db.session.flush()
        search.index_bee(bee)  # as signing up does
    return bee


def make_hive(owner: Bee | None = None, members=(), **overrides):
    """A hive owned by ``owner`` (a new bee by default) with extra ``members``."""
    n = next(_counter)
    owner = owner or make_bee()
    hive = create_hive(
        owner,
        overrides.get("name", f"Hive {n}"),
        overrides.get("description", "A hive for tests."),
        overrides.get("tags", "testing"),
    )
    for member in members:
        join_hive(member, hive)
    return hive


def make_post(author: Bee, body: str = "Hello, hive!", kind: str = "buzz", title=None, hives=()):
    """Publish a post through the service."""
    if kind == "honey" and title is None:
        title = f"Honey {next(_counter)}"
    return publish_post(author, kind, body, title, [hive.id for hive in hives])
