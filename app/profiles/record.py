"""The whole person, stored: the personal brand and the professional record of one bee.

The settings pages change one entry at a time (:func:`add_entry`,
:func:`change_entry`, :func:`remove_entry`, :func:`move_entry`) or the brand
(:func:`update_brand`); importers replace whole fields at once with
:func:`replace_profile`, all in one transaction or not at all. :func:`snapshot`
reads a profile back as :class:`~app.profiles.data.ProfileData`, which the
exports write out. Every value passes the checks in :mod:`app.profiles.data`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import delete, func, select, update

from app import policy
from app.db import write_transaction
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.i18n import check_language, ngettext
from app.posts.services import render_body
from app.profiles import data as rules
from app.profiles.data import (
    CAPS,
    CertificationData,
    EducationData,
    Language,
    Link,
    PositionData,
    ProfileData,
    SampleData,
    SkillData,
)
from app.profiles.models import (
    Bee,
    Certification,
    Education,
    Position,
    ProfileLink,
    ProfileTag,
    Skill,
    WorkSample,
)
from app.profiles.services import lock_live_bees
from app.search import index as search
from app.talent import neighbours


@dataclass(frozen=True)
class Section:
    """A list on the profile that the bee edits entry by entry."""

    model: type
    entry: type
    check: Any  # the data module's check_* for one entry, taking the entry's fields by name


SECTIONS = {
    "positions": Section(Position, PositionData, rules.check_position),
    "education": Section(Education, EducationData, rules.check_education),
    "skills": Section(Skill, SkillData, rules.check_skill),
    "certifications": Section(Certification, CertificationData, rules.check_certification),
    "samples": Section(WorkSample, SampleData, rules.check_sample),
    "links": Section(ProfileLink, Link, rules.check_link),
}
# The profile tags behind each tag field of ProfileData.
TAG_KINDS = {"interests": "interest", "hobbies": "hobby", "causes": "cause", "languages": "language"}


def _ordered(model, bee_id: int):
    return select(model).where(model.bee_id == bee_id).order_by(model.place, model.id)


def entries(bee_id: int, section: str) -> list:
    """A bee's entries of one section (ORM rows), in their order."""
    return list(db.session.scalars(_ordered(SECTIONS[section].model, bee_id)))


def _as_entry(section: str, row):
    entry = SECTIONS[section].entry
    return entry(**{name: getattr(row, name) for name in entry.__dataclass_fields__})


def snapshot(bee: Bee) -> ProfileData:
    """The whole profile of ``bee`` as plain values."""
    tags: dict[str, list[ProfileTag]] = {kind: [] for kind in TAG_KINDS.values()}
    for tag in db.session.scalars(_ordered(ProfileTag, bee.id)):
        tags[tag.kind].append(tag)
    return ProfileData(
        display_name=bee.display_name,
        headline=bee.headline,
        statement=bee.statement,
        location=bee.location,
        interests=tuple(tag.name for tag in tags["interest"]),
        hobbies=tuple(tag.name for tag in tags["hobby"]),
        causes=tuple(tag.name for tag in tags["cause"]),
        languages=tuple(Language(tag.name, tag.detail) for tag in tags["language"]),
        **{
            section: tuple(_as_entry(section, row) for row in entries(bee.id, section))
            for section in SECTIONS
        },
    )


def _render_statement(statement: str) -> str:
    try:
        return render_body(statement) if statement else ""
    except ValidationError as error:
        raise ValidationError("statement", error.message) from None


def _put_tags(bee_id: int, field: str, values: Iterable) -> None:
    kind = TAG_KINDS[field]
    db.session.execute(delete(ProfileTag).where(ProfileTag.bee_id == bee_id, ProfileTag.kind == kind))
    for place, value in enumerate(values):
        name, detail = (value.name, value.fluency) if isinstance(value, Language) else (value, "")
        db.session.add(
            ProfileTag(
                bee_id=bee_id, kind=kind, name=name, key=rules.tag_key(name), detail=detail, place=place
            )
        )


def _put_entries(bee_id: int, section: str, values: Iterable) -> None:
    model = SECTIONS[section].model
    db.session.execute(delete(model).where(model.bee_id == bee_id))
    for place, value in enumerate(values):
        db.session.add(_row(section, bee_id, value, place))


def _row(section: str, bee_id: int, value, place: int):
    fields = asdict(value)
    if section == "skills":
        fields["key"] = rules.skill_key(value.name)
    return SECTIONS[section].model(bee_id=bee_id, place=place, **fields)


def replace_profile(bee: Bee, data: ProfileData, fields: Iterable[str] = rules.ALL_FIELDS) -> Bee:
    """Set the named ``fields`` of ``bee``'s profile to ``data``'s, everything checked first,
    in one transaction: an import applies entirely or not at all."""
    fields = frozenset(fields)
    if unknown := fields - rules.ALL_FIELDS:
        raise ValueError(f"not profile fields: {sorted(unknown)}")
    data = rules.check_profile(data)
    statement_html = _render_statement(data.statement) if "statement" in fields else None
    with write_transaction():
        return _write(bee, data, fields, statement_html)


def update_brand(
    bee: Bee,
    data: ProfileData,
    *,
    language: str | None = None,
    open_to_work: bool = False,
    open_to_freelance: bool = False,
) -> Bee:
    """Save the personal brand from the profile settings: name, headline, statement,
    location, interests, hobbies, causes, languages; the interface language; and whether the
    bee is open to work or freelance (shown to recruiters and editors only)."""
    language = check_language(language, browser_allowed=True)
    data = rules.check_profile(data)
    statement_html = _render_statement(data.statement)
    with write_transaction():
        bee = _write(bee, data, BRAND_AND_TAGS, statement_html)
        bee.language = language
        bee.open_to_work = bool(open_to_work)
        bee.open_to_freelance = bool(open_to_freelance)
    return bee


# What the brand form holds: the plain fields and the tag lists.
BRAND_AND_TAGS = frozenset((*rules.BRAND_FIELDS, *TAG_KINDS))


def _write(bee: Bee, data: ProfileData, fields: frozenset[str], statement_html: str | None) -> Bee:
    """Inside a write: the named fields of the (checked) profile stored, the talent facts and the
    search index brought up to date. Returns the bee's fresh row."""
    (bee,) = lock_live_bees(bee)
    for field in rules.BRAND_FIELDS:
        if field in fields:
            setattr(bee, field, getattr(data, field))
    if statement_html is not None:
        bee.statement_html = statement_html
    for field in TAG_KINDS:
        if field in fields:
            _put_tags(bee.id, field, getattr(data, field))
    for section in SECTIONS:
        if section in fields:
            _put_entries(bee.id, section, getattr(data, section))
    _refresh_facts(bee)
    search.index_bee(bee)
    return bee


def _refresh_facts(bee: Bee) -> None:
    """The talent facts kept on the bee's row, from what the write changed: the folded
    location, and when the earliest position started; and, after the commit, the bee's
    neighbours when its interests or skills changed."""
    db.session.flush()
    bee.location_key = rules.location_key(bee.location)
    bee.career_start = db.session.scalar(select(func.min(Position.start_on)).where(Position.bee_id == bee.id))
    neighbours.changed(bee.id)


def refold_locations() -> int:
    """Inside a write: every bee's ``location_key`` folded again (``flask search rebuild``)."""
    rows = db.session.execute(select(Bee.id, Bee.location).where(Bee.location != "")).all()
    for bee_id, location in rows:
        db.session.execute(
            update(Bee).where(Bee.id == bee_id).values(location_key=rules.location_key(location))
        )
    return len(rows)


def form_values(section: str, row) -> dict:
    """An entry as its settings form shows it: months as "YYYY-MM", numbers as text."""
    values = {}
    for name in _section(section).entry.__dataclass_fields__:
        value = getattr(row, name)
        if isinstance(value, date):
            value = value.strftime("%Y-%m")
        values[name] = "" if value is None else value
    return values


def _section(section: str) -> Section:
    if section not in SECTIONS:
        raise NotFound(_("There is no such part of a profile."))
    return SECTIONS[section]


def entry_of(bee: Bee, section: str, entry_id: int):
    """The bee's own entry, or :class:`NotFound` (also for another bee's: nobody learns
    which ids exist)."""
    entry = db.session.get(_section(section).model, entry_id)
    if entry is None or not policy.owns_profile_entry(bee, entry):
        raise NotFound(_("That entry is not on your profile."))
    return entry


def _check_unique_skill(bee: Bee, value: SkillData, entry_id: int | None = None) -> None:
    same = select(Skill.id).where(Skill.bee_id == bee.id, Skill.key == rules.skill_key(value.name))
    if entry_id is not None:
        same = same.where(Skill.id != entry_id)
    if db.session.scalar(same) is not None:
        raise ValidationError("name", _("This skill is already on your profile."))


def add_entry(bee: Bee, section: str, **values):
    """Add an entry at the end of a section, checked; the section's cap holds."""
    spec = _section(section)
    value = spec.check(**values)
    with write_transaction():
        (bee,) = lock_live_bees(bee)
        count, last = db.session.execute(
            select(func.count(), func.max(spec.model.place)).where(spec.model.bee_id == bee.id)
        ).one()
        if count >= CAPS[section]:
            raise ValidationError(
                None,
                ngettext(
                    "This list holds at most %(num)s entry.",
                    "This list holds at most %(num)s entries.",
                    CAPS[section],
                ),
            )
        if section == "skills":
            _check_unique_skill(bee, value)
        row = _row(section, bee.id, value, (last if last is not None else -1) + 1)
        db.session.add(row)
        _refresh_facts(bee)
    return row


def change_entry(bee: Bee, section: str, entry_id: int, **values):
    """Change one of the bee's entries, checked."""
    spec = _section(section)
    value = spec.check(**values)
    with write_transaction():
        (bee,) = lock_live_bees(bee)
        row = entry_of(bee, section, entry_id)
        if section == "skills":
            _check_unique_skill(bee, value, entry_id)
            row.key = rules.skill_key(value.name)
        for name, field_value in asdict(value).items():
            setattr(row, name, field_value)
        _refresh_facts(bee)
    return row


def remove_entry(bee: Bee, section: str, entry_id: int) -> None:
    """Remove one of the bee's entries."""
    _section(section)
    with write_transaction():
        (bee,) = lock_live_bees(bee)
        db.session.delete(entry_of(bee, section, entry_id))
        _refresh_facts(bee)


def move_entry(bee: Bee, section: str, entry_id: int, offset: int) -> bool:
    """Move an entry up (``offset`` -1) or down (+1) its list. False when it is already
    first or last (nothing changes)."""
    if offset not in (-1, 1):
        raise ValidationError("direction", _("Move an entry up or down."))
    _section(section)
    with write_transaction():
        lock_live_bees(bee)
        entry = entry_of(bee, section, entry_id)
        rows = entries(bee.id, section)
        index = rows.index(entry)
        if not 0 <= index + offset < len(rows):
            return False
        rows[index], rows[index + offset] = rows[index + offset], rows[index]
        for place, row in enumerate(rows):
            row.place = place
    return True
