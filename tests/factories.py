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


def full_profile_data(display_name: str = "Layla Haddad"):
    """A profile with every field filled, in Arabic, Hebrew and English, for round trips."""
    from datetime import date

    from app.profiles.data import (
        CertificationData,
        EducationData,
        Language,
        Link,
        PositionData,
        ProfileData,
        SampleData,
        SkillData,
    )

    return ProfileData(
        display_name=display_name,
        headline="Data journalist · محررة بيانات",
        statement="I turn **public data** into stories.\n\nأكتب عن الخط العربي أيضًا.",
        location="Amman, Jordan",
        interests=("Arabic calligraphy", "Open data", "خط عربي"),
        hobbies=("Trail running", "ריצת שטח"),
        causes=("Press freedom",),
        languages=(Language("Arabic", "native"), Language("English", "C1"), Language("עברית")),
        links=(
            Link("Portfolio", "https://layla.example.org"),
            Link("Mastodon", "https://social.example/@layla"),
        ),
        positions=(
            PositionData(
                "Data editor", "Al-Manara News", date(2021, 9, 1), None, "Amman", "Leads the data desk."
            ),
            PositionData("Reporter", "صحيفة الغد", date(2016, 1, 1), date(2021, 8, 1), "", "Covered cities."),
        ),
        education=(
            EducationData(
                "University of Jordan",
                "BA",
                "Journalism",
                date(2012, 9, 1),
                date(2016, 6, 1),
                "Thesis on maps.",
            ),
        ),
        skills=(
            SkillData("Python", 6, "advanced"),
            SkillData("D3.js", 4, None),
            SkillData("تحرير", None, "expert"),
        ),
        certifications=(
            CertificationData(
                "Data Journalism", "Tech Press Institute", date(2019, 5, 1), "https://cert.example/123"
            ),
        ),
        samples=(SampleData("Water in Amman", "https://layla.example.org/water", "An interactive story."),),
    )
