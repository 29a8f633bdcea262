"""Reading a JSON Resume file (see :mod:`app.profiles.jsonresume` for the choices made).

:func:`parse_resume` reads a file from anywhere: lenient about what real files
leave out, strict about what they put in, within limits (size, nesting, numbers
JSON does not allow, encodings). Every problem is a
:class:`~app.errors.ValidationError` on the ``file`` field whose message names
the place in the file ("work, entry 3: ..."). :func:`read_upload` also seals
the result for the preview.
"""

from __future__ import annotations

import codecs
import json

from flask import current_app
from flask_babel import gettext as _

from app.errors import ValidationError
from app.i18n import ngettext
from app.posts.services import render_body
from app.profiles import data as rules
from app.profiles import imports
from app.profiles.data import (
    CAPS,
    Language,
    ProfileData,
)
from app.profiles.jsonresume import EXTENSION
from app.profiles.models import Bee

# Deeper than any resume nests (root, section, entry, extension, value).
MAX_DEPTH = 16
# The words other tools use for a skill's level, as Apiary's levels; others are left out.
LEVEL_WORDS = {
    **{level: level for level in rules.SKILL_LEVELS},
    "novice": "beginner",
    "basic": "beginner",
    "elementary": "beginner",
    "junior": "beginner",
    "medium": "intermediate",
    "competent": "intermediate",
    "proficient": "advanced",
    "senior": "advanced",
    "fluent": "advanced",
    "master": "expert",
}
_UTF16_32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Each list field and where it lives in a JSON Resume, for messages.
SECTION_NAMES = {
    "display_name": "basics.name",
    "headline": "basics.label",
    "statement": "basics.summary",
    "location": "basics.location",
    "links": "basics.profiles",
    "positions": "work",
    "education": "education",
    "skills": "skills",
    "certifications": "certificates",
    "samples": "projects",
    "languages": "languages",
    "interests": "interests",
    "hobbies": "interests",
    "causes": "interests",
}
# Within an entry: the names the checks give a problem, as the keys of the file.
ENTRY_KEYS = {
    "basics.profiles": {"label": "network"},
    "work": {
        "title": "position",
        "organization": "name",
        "start_on": "startDate",
        "end_on": "endDate",
        "description": "summary",
    },
    "education": {
        "degree": "studyType",
        "start_on": "startDate",
        "end_on": "endDate",
        "description": "summary",
    },
    "certificates": {"issued_on": "date"},
    "projects": {"title": "name"},
}


def _refuse(message: str) -> ValidationError:
    return ValidationError("file", message)


def _decode(raw: bytes) -> str:
    """The file as text: UTF-8, with or without a byte-order mark."""
    if raw.startswith(_UTF16_32_BOMS):
        raise _refuse(_("This file is saved as UTF-16 or UTF-32. Save it as UTF-8 and upload it again."))
    if b"\x00" in raw:
        raise _refuse(
            _("This file is not UTF-8 text (it looks like UTF-16 or a binary file). Save it as UTF-8.")
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _refuse(
            _(
                "This file is not UTF-8 text (byte %(offset)s cannot be read). Save it as UTF-8.",
                offset=error.start + 1,
            )
        ) from None


def _no_constant(name: str):
    raise _refuse(_("The file holds %(value)s, which is not a number JSON allows.", value=name))


def _depth(value, level: int = 1) -> int:
    if level > MAX_DEPTH:
        return level
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return max((_depth(child, level + 1) for child in children), default=level)


def _load(raw: bytes) -> dict:
    """The file's JSON object, within the limits."""
    limit = current_app.config["IMPORT_MAX_BYTES"]
    if len(raw) > limit:
        raise _refuse(_("The file is larger than %(size)s MB.", size=limit // (1024 * 1024)))
    if not raw.strip():
        raise _refuse(_("The file is empty."))
    source = _decode(raw)
    try:
        value = json.loads(source, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise _refuse(
            _(
                "This is not valid JSON: it breaks off or goes wrong at line %(line)s, column %(column)s.",
                line=error.lineno,
                column=error.colno,
            )
        ) from None
    except RecursionError:
        value = None
        depth = MAX_DEPTH + 1
    except ValueError:  # an integer of thousands of digits
        raise _refuse(_("The file holds a number too long to read.")) from None
    else:
        depth = _depth(value)
    if depth > MAX_DEPTH:
        raise _refuse(_("The file nests lists and objects too deeply to be a resume."))
    if not isinstance(value, dict):
        raise _refuse(_("A JSON Resume is one object ({…}) at the top of the file."))
    return value


class _Reader:
    """Reads the sections of one resume, naming where a problem is."""

    def __init__(self, resume: dict):
        self.resume = resume

    def object(self, value, where: str) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise _refuse(_("%(where)s: expected an object ({…}).", where=where))
        return value

    def entries(self, value, where: str, cap: int) -> list[dict]:
        """A section's entries, each an object; at most ``cap`` of them."""
        if value is None:
            return []
        if not isinstance(value, list):
            raise _refuse(_("%(where)s: expected a list of entries ([…]).", where=where))
        if len(value) > cap:
            raise _refuse(_("%(where)s: %(problem)s", where=where, problem=_cap_message(cap)))
        for number, entry in enumerate(value, start=1):
            if not isinstance(entry, dict):
                raise _refuse(
                    _("%(where)s, entry %(number)s: expected an object ({…}).", where=where, number=number)
                )
        return value

    def each(self, where: str, entries: list[dict], build) -> tuple:
        """``build(entry)`` for every entry; a problem names the entry and, where it can, the key."""
        built = []
        for number, entry in enumerate(entries, start=1):
            try:
                built.append(build(entry))
            except ValidationError as error:
                key = ENTRY_KEYS.get(where, {}).get(error.field, error.field)
                raise _refuse(
                    _(
                        "%(where)s, entry %(number)s (%(key)s): %(problem)s",
                        where=where,
                        number=number,
                        key=key,
                        problem=error.message,
                    )
                ) from None
        return tuple(built)


def _cap_message(cap: int) -> str:
    return ngettext("Keep this list to %(num)s entry.", "Keep this list to %(num)s entries.", cap)


def _with_lines(text, lines, field: str) -> str:
    """A description with a list's lines (``highlights``, ``courses``) added as a Markdown list."""
    text = rules.text(text, field, len(text) if isinstance(text, str) else 0, one_line=False)
    if lines is None:
        return text
    if not isinstance(lines, list) or not all(isinstance(line, str) for line in lines):
        raise ValidationError(field, _("Expected a list of lines of text."))
    listed = "\n".join(f"- {' '.join(line.split())}" for line in lines if line.strip())
    return "\n\n".join(part for part in (text, listed) if part)


def _level(value) -> str | None:
    if isinstance(value, str):
        return LEVEL_WORDS.get(" ".join(value.split()).casefold())
    return value  # not text: the check says so


def _years(entry: dict):
    extension = entry.get(EXTENSION)
    return extension.get("years") if isinstance(extension, dict) else None


def _kind(entry: dict) -> str:
    extension = entry.get(EXTENSION)
    kind = extension.get("kind") if isinstance(extension, dict) else None
    return kind if kind in ("hobby", "cause") else "interest"


def _location(value: dict) -> str:
    parts = []
    for key in ("city", "region", "countryCode"):
        part = value.get(key)
        if part is not None and not isinstance(part, str):
            raise ValidationError(key, _("Enter text here."))
        if part and part.strip():
            parts.append(part.strip())
    return ", ".join(parts)


def parse_resume(raw: bytes, *, current_name: str = "") -> tuple[ProfileData, frozenset[str]]:
    """A JSON Resume file as a checked profile and the fields it carries.

    ``current_name`` is the bee's display name, kept when the file has no ``basics.name``.
    """
    resume = _load(raw)
    read = _Reader(resume)
    values: dict = {}
    basics = read.object(resume.get("basics"), "basics")
    for field, key in (("headline", "label"), ("statement", "summary")):
        if basics.get(key) is not None:
            values[field] = basics[key]
    name = basics.get("name")
    if name is not None and not isinstance(name, str):
        raise _refuse(_("%(where)s: %(problem)s", where="basics.name", problem=_("Enter text here.")))
    if name and name.strip():
        values["display_name"] = name
    if basics.get("location") is not None:
        location = read.object(basics["location"], "basics.location")
        values["location"] = _wrap("location", lambda: _location(location))
    if basics.get("profiles") is not None:
        profiles = read.entries(basics["profiles"], "basics.profiles", CAPS["links"])
        values["links"] = read.each(
            "basics.profiles",
            profiles,
            lambda entry: rules.check_link(entry.get("network") or "", entry.get("url")),
        )
    if resume.get("work") is not None:
        values["positions"] = read.each(
            "work",
            read.entries(resume["work"], "work", CAPS["positions"]),
            lambda entry: rules.check_position(
                entry.get("position"),
                entry.get("name") or entry.get("company"),
                entry.get("startDate"),
                entry.get("endDate"),
                entry.get("location") or "",
                _with_lines(entry.get("summary"), entry.get("highlights"), "summary"),
            ),
        )
    if resume.get("education") is not None:
        values["education"] = read.each(
            "education",
            read.entries(resume["education"], "education", CAPS["education"]),
            lambda entry: rules.check_education(
                entry.get("institution"),
                entry.get("studyType") or "",
                entry.get("area") or "",
                entry.get("startDate"),
                entry.get("endDate"),
                _with_lines(entry.get("summary"), entry.get("courses"), "summary"),
            ),
        )
    if resume.get("skills") is not None:
        values["skills"] = read.each(
            "skills",
            read.entries(resume["skills"], "skills", CAPS["skills"]),
            lambda entry: rules.check_skill(entry.get("name"), _years(entry), _level(entry.get("level"))),
        )
    if resume.get("certificates") is not None:
        values["certifications"] = read.each(
            "certificates",
            read.entries(resume["certificates"], "certificates", CAPS["certifications"]),
            lambda entry: rules.check_certification(
                entry.get("name"), entry.get("issuer") or "", entry.get("date"), entry.get("url") or ""
            ),
        )
    if resume.get("projects") is not None:
        values["samples"] = read.each(
            "projects",
            read.entries(resume["projects"], "projects", CAPS["samples"]),
            lambda entry: rules.check_sample(
                entry.get("name"),
                entry.get("url"),
                _with_lines(entry.get("description"), entry.get("highlights"), "description"),
            ),
        )
    if resume.get("languages") is not None:
        values["languages"] = read.each(
            "languages",
            read.entries(resume["languages"], "languages", CAPS["languages"]),
            lambda entry: Language(
                rules.text(
                    entry.get("language"), "language", rules.TAG_NAME_MAX, required=_("Enter the language.")
                ),
                rules.text(entry.get("fluency"), "fluency", rules.FLUENCY_MAX),
            ),
        )
    if resume.get("interests") is not None:
        interests = read.entries(
            resume["interests"], "interests", sum(CAPS[f] for f in ("interests", "hobbies", "causes"))
        )
        named = read.each(
            "interests",
            interests,
            lambda entry: (
                _kind(entry),
                rules.text(entry.get("name"), "name", rules.TAG_NAME_MAX, required=_("Enter the interest.")),
            ),
        )
        values["interests"] = tuple(name for kind, name in named if kind == "interest")
        for kind, field in (("hobby", "hobbies"), ("cause", "causes")):
            if any(each == kind for each, _name in named):
                values[field] = tuple(name for each, name in named if each == kind)
    carried = frozenset(values)
    values.setdefault("display_name", current_name)
    data = _check(ProfileData(**values))
    return data, carried


def _wrap(field: str, build):
    try:
        return build()
    except ValidationError as error:
        raise _refuse(
            _("%(where)s: %(problem)s", where=SECTION_NAMES[field], problem=error.message)
        ) from None


def _check(data: ProfileData) -> ProfileData:
    """The whole profile held to the rules every way in is held to; a problem names its section."""
    try:
        data = rules.check_profile(data)
    except ValidationError as error:
        where = SECTION_NAMES.get(error.field, error.field)
        raise _refuse(_("%(where)s: %(problem)s", where=where, problem=error.message)) from None
    if data.statement:
        _wrap("statement", lambda: render_body(data.statement))
    return data


def read_upload(bee: Bee, raw: bytes) -> tuple[ProfileData, frozenset[str], str]:
    """An uploaded JSON Resume for ``bee``, checked and sealed for its preview: the profile it
    gives, the fields it replaces, and the token that applies it. Nothing is written."""
    data, carried = parse_resume(raw, current_name=bee.display_name)
    return data, carried, imports.seal(bee, data, carried, "json-resume")
