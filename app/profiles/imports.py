"""Imports are shown before they are applied.

An importer (JSON Resume, LinkedIn export) reads a file into
:class:`~app.profiles.data.ProfileData`, already checked, and names the fields it
carries. :func:`seal` turns that into a signed, timed token that the preview
page posts back; :func:`unseal` reads it again, only for the bee it was made
for, and :func:`apply` replaces exactly those fields in one transaction. Nothing
is stored between the two requests, and nothing is written before the bee says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, fields
from datetime import date

from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from app.errors import PermissionDenied, ValidationError
from app.profiles import data as rules
from app.profiles import record
from app.profiles.data import Language, Link, ProfileData
from app.profiles.models import Bee

SALT = "apiary.profile-import"
MAX_AGE_S = 3_600
# The entry type of each list field, to rebuild the dataclasses from plain values.
_ENTRY_TYPES = {
    "languages": Language,
    "links": Link,
    **{section: spec.entry for section, spec in record.SECTIONS.items()},
}
_DATE_FIELDS = frozenset({"start_on", "end_on", "issued_on"})


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt=SALT)


def to_plain(data: ProfileData) -> dict:
    """A profile as JSON-ready values (months as "YYYY-MM-DD")."""

    def plain(value):
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [plain(item) for item in value]
        return value

    return plain(asdict(data))


def from_plain(values: dict) -> ProfileData:
    """The reverse of :func:`to_plain`."""
    kwargs = {}
    for field in fields(ProfileData):
        value = values[field.name]
        if field.name in _ENTRY_TYPES:
            entry = _ENTRY_TYPES[field.name]
            value = tuple(
                entry(
                    **{
                        key: date.fromisoformat(item) if key in _DATE_FIELDS and item else item
                        for key, item in row.items()
                    }
                )
                for row in value
            )
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[field.name] = value
    return ProfileData(**kwargs)


def seal(bee: Bee, data: ProfileData, carried: Iterable[str], source: str) -> str:
    """A token carrying a checked import for ``bee``: the data, the fields it replaces, and
    where it came from ("json-resume", "linkedin")."""
    carried = sorted(set(carried) & rules.ALL_FIELDS)
    return _serializer().dumps({"bee": bee.id, "fields": carried, "source": source, "data": to_plain(data)})


def unseal(bee: Bee, token: str) -> tuple[ProfileData, frozenset[str], str]:
    """The import a token carries; :class:`PermissionDenied` when it was made for another bee,
    :class:`ValidationError` when it was tampered with or is older than an hour."""
    try:
        payload = _serializer().loads(token or "", max_age=MAX_AGE_S)
    except SignatureExpired:
        raise ValidationError(
            "token", _("This preview is more than an hour old. Upload the file again.")
        ) from None
    except BadSignature:
        raise ValidationError("token", _("This preview cannot be read. Upload the file again.")) from None
    if payload.get("bee") != bee.id:
        raise PermissionDenied(_("This preview was made for another account."))
    return from_plain(payload["data"]), frozenset(payload["fields"]), payload["source"]


def apply(bee: Bee, token: str) -> Bee:
    """Apply a previewed import: its fields replaced at once, or nothing changed."""
    data, carried, _source = unseal(bee, token)
    return record.replace_profile(bee, data, carried)
