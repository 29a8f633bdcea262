"""JSON Resume (https://jsonresume.org): a profile written out as one, and one read back in.

:func:`resume_of` writes a snapshot in the official schema's shape; what the
schema has no place for (a skill's years; which interests are hobbies or causes)
rides in an ``"x-apiary"`` object on the entry, which the schema allows
(``additionalProperties``) and other tools ignore, so an export imported again
gives the same profile. Reading a file back is :mod:`app.profiles.jsonresume_import`.

Choices:

- The location is free text; it goes out as ``basics.location.city``, which
  themes show. Coming in, city, region and country code are joined; a street
  ``address`` and ``postalCode`` are left out: too precise for a public profile.
- The account's email is not written: it is how the bee signs in, not part of
  the profile, and a JSON Resume is made to be published. Coming in, it is
  ignored, as are ``basics.url`` (our export puts the profile's own address
  there), ``phone`` and ``image``.
- Hobbies and causes go out as ``interests`` marked ``"x-apiary": {"kind":
  "hobby"}`` (or ``"cause"``): other tools show them as interests. Coming in,
  hobbies (causes) are replaced only when the file marks at least one, so a
  resume from elsewhere replaces interests and leaves hobbies and causes alone.
- A section the file does not have (or has as ``null``) is left as it is; one it
  has, even empty, replaces the bee's. Without ``basics.name`` the bee keeps
  their name.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.profiles.data import ProfileData
from app.profiles.models import Bee

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
SCHEMA_VERSION = "v1.0.0"
EXTENSION = "x-apiary"


# Writing ---------------------------------------------------------------------------------------


def _month(value: date | None) -> str | None:
    return value.strftime("%Y-%m") if value else None


def _entry(**values) -> dict:
    """A JSON object without its empty values."""
    return {key: value for key, value in values.items() if value not in (None, "", {}, [])}


def resume_of(bee: Bee, data: ProfileData, profile_url: str) -> dict:
    """``data`` (a snapshot of ``bee``'s profile) as a JSON Resume; ``profile_url`` is the
    absolute address of the bee's profile page. Nothing is read from ``bee`` itself yet: the
    snapshot holds all the file says."""
    kinds = (("interest", data.interests), ("hobby", data.hobbies), ("cause", data.causes))
    return {
        "$schema": SCHEMA_URL,
        "basics": {
            "name": data.display_name,
            "label": data.headline,
            "url": profile_url,
            "summary": data.statement,
            "location": _entry(city=data.location),
            "profiles": [{"network": link.label, "url": link.url} for link in data.links],
        },
        "work": [
            _entry(
                name=position.organization,
                position=position.title,
                location=position.location,
                startDate=_month(position.start_on),
                endDate=_month(position.end_on),
                summary=position.description,
            )
            for position in data.positions
        ],
        "education": [
            _entry(
                institution=school.institution,
                studyType=school.degree,
                area=school.area,
                startDate=_month(school.start_on),
                endDate=_month(school.end_on),
                summary=school.description,
            )
            for school in data.education
        ],
        "skills": [
            _entry(
                name=skill.name,
                level=skill.level,
                **{EXTENSION: _entry(years=skill.years)},
            )
            for skill in data.skills
        ],
        "certificates": [
            _entry(name=cert.name, issuer=cert.issuer, date=_month(cert.issued_on), url=cert.url)
            for cert in data.certifications
        ],
        "projects": [
            _entry(name=sample.title, url=sample.url, description=sample.description)
            for sample in data.samples
        ],
        "languages": [_entry(language=lang.name, fluency=lang.fluency) for lang in data.languages],
        "interests": [
            _entry(name=name, **({EXTENSION: {"kind": kind}} if kind != "interest" else {}))
            for kind, names in kinds
            for name in names
        ],
        "meta": {
            "version": SCHEMA_VERSION,
            "canonical": profile_url,
            "lastModified": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S"),
        },
    }
