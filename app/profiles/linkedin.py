"""A LinkedIn data export ZIP read into a profile, without trusting a byte of it.

:func:`parse_export` takes the ZIP LinkedIn sends ("Get a copy of your data")
and returns a checked :class:`~app.profiles.data.ProfileData`, the fields it
carries and notes for the preview. It reads only the few CSV files it knows
(Profile, Positions, Education, Skills, Certifications, Languages), each from
memory and never to disk, and refuses, with a message naming the file and row:
what is not a ZIP or is damaged, too many members, an unsafe or repeated name
among the files it would read, encrypted files, files larger than a cap once
uncompressed (sizes declared and actual, and the compression ratio: zip bombs),
text that is not UTF-8 (with or without a byte order mark) or holds NUL bytes,
malformed CSV, missing headers, unknown months, too many rows, and any value
:func:`~app.profiles.data.check_profile` would refuse. Nothing is written here.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from flask_babel import gettext as _

from app.errors import ValidationError
from app.i18n import ngettext
from app.profiles import data as rules
from app.profiles.data import Language, Link, ProfileData
from app.profiles.linkedin_zip import open_zip, read_member, refuse, wanted
from app.profiles.models import DISPLAY_NAME_MAX, HEADLINE_MAX

MAX_ROWS = 1_000  # per file: far above any list's cap, far below a flood
HEADER_SEARCH_ROWS = 10  # LinkedIn puts a few "Notes:" lines before some headers
_MONTH_NAMES = (
    "jan january|feb february|mar march|apr april|may|jun june|jul july|aug august|sep sept september"
    "|oct october|nov november|dec december"
)
_MONTHS = {name: n for n, names in enumerate(_MONTH_NAMES.split("|"), start=1) for name in names.split()}
_NAMED_MONTH = re.compile(r"([A-Za-z]+)\.?\s+(\d{4})")
_YEAR_MONTH = re.compile(r"(\d{4})(?:[-/.](\d{1,2}))?(?:[-/.](\d{1,2}))?")
_MONTH_YEAR = re.compile(r"(\d{1,2})[/.-](\d{4})")
_WEBSITE = re.compile(r"\[([^:\]]*):([^\]]*)\]")


def _in_row(file: str, row: int, column: str, problem: str) -> ValidationError:
    return refuse(
        _(
            "%(file)s, row %(row)s, %(column)s: %(problem)s",
            file=file,
            row=row,
            column=column,
            problem=problem,
        )
    )


# The CSV ----------------------------------------------------------------------------------------


def _decode(raw: bytes, file: str) -> str:
    """UTF-8 with or without a byte order mark, or UTF-16 with one; never a guess."""
    try:
        utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
        text = raw.decode("utf-16" if utf16 else "utf-8-sig")
    except UnicodeDecodeError:
        raise refuse(
            _("%(file)s is not UTF-8 text. Upload the files as LinkedIn wrote them.", file=file)
        ) from None
    if "\x00" in text:
        raise refuse(_("%(file)s holds NUL characters: it is not a text file LinkedIn writes.", file=file))
    return text


def _table(text: str, file: str, required: tuple[str, ...]) -> tuple[list[tuple[int, dict]], int]:
    """The rows under the header, as ``(row number, {header in lower case: value})``, and how
    many empty rows were skipped. Row numbers count as a spreadsheet does (the header is 1)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    wanted = [name.casefold() for name in required]
    rows: list[tuple[int, dict]] = []
    header: list[str] | None = None
    skipped = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if header is None:
                names = [cell.strip().casefold() for cell in cells]
                if all(name in names for name in wanted):
                    header, header_row = names, number
                elif number >= HEADER_SEARCH_ROWS:
                    break
                continue
            row = number - header_row + 1
            if len(cells) > len(header):
                raise refuse(_("%(file)s, row %(row)s: more values than headers.", file=file, row=row))
            if not any(cell.strip() for cell in cells):
                skipped += 1
                continue
            if len(rows) >= MAX_ROWS:
                raise refuse(
                    ngettext(
                        "%(file)s has more than %(num)s row.",
                        "%(file)s has more than %(num)s rows.",
                        MAX_ROWS,
                        file=file,
                    )
                )
            rows.append((row, dict(zip(header, [*cells, *[""] * (len(header) - len(cells))], strict=True))))
    except csv.Error as error:
        limit = "field larger than field limit" in str(error)
        problem = _("a value is far too long") if limit else _("this is not well-formed CSV")
        raise refuse(_("%(file)s: %(problem)s.", file=file, problem=problem)) from None
    if header is None:
        raise refuse(_("%(file)s lacks the headers %(headers)s.", file=file, headers=", ".join(required)))
    return rows, skipped


def _month(value: str, file: str, row: int, column: str) -> date | None:
    """A month as LinkedIn writes it ("Sep 2021", "2019") or as numbers ("2021-09", "09/2021")."""
    value = value.strip()
    if not value:
        return None
    year = month = None
    if match := _NAMED_MONTH.fullmatch(value):
        month, year = _MONTHS.get(match[1].casefold()), int(match[2])
    elif match := _YEAR_MONTH.fullmatch(value):
        year, month = int(match[1]), int(match[2] or 1)
    elif match := _MONTH_YEAR.fullmatch(value):
        month, year = int(match[1]), int(match[2])
    if year is None or month is None or not 1 <= month <= 12:
        problem = _("“%(value)s” is not a month, such as Sep 2021.", value=value[:40])
        raise _in_row(file, row, column, problem)
    try:
        return date(year, month, 1)
    except ValueError:
        raise _in_row(file, row, column, _("Enter a real month, such as 2021-09.")) from None


def _checked(check: Callable, columns: dict[str, str], file: str, row: int, *values):
    """One entry checked by ``check``, an error naming the file, row and LinkedIn's column."""
    try:
        return check(*values)
    except ValidationError as error:
        raise _in_row(file, row, columns.get(error.field, error.field or ""), error.message) from None


# The files --------------------------------------------------------------------------------------


def _websites(value: str, file: str, row: int) -> tuple[Link, ...]:
    """ "[PERSONAL:https://a.example],[COMPANY:https://b.example]" as links (bare addresses too)."""
    addresses = [url for _kind, url in _WEBSITE.findall(value)] or value.split(",")
    links = []
    for address in (a.strip() for a in addresses):
        if not address:
            continue
        if ":" not in address:  # "example.org": LinkedIn keeps what was typed
            address = f"https://{address}"
        links.append(_checked(rules.check_link, {"url": "Websites"}, file, row, "", address))
    return tuple(links)


def _from_profile(rows, file: str) -> dict[str, Any]:
    if not rows:
        return {}
    row, values = rows[0]
    name = " ".join(part for part in (values["first name"].strip(), values["last name"].strip()) if part)
    found = {
        "display_name": name,
        "headline": values.get("headline", ""),
        "statement": values.get("summary", "").strip(),
        "location": values.get("geo location", ""),
        "links": _websites(values.get("websites", ""), file, row),
    }
    return {field: value for field, value in found.items() if value and str(value).strip()}


# The longest name (first and last) and headline LinkedIn itself lets a member write.
LINKEDIN_MAX = {"display_name": 2 * 50 + 1, "headline": 220}


def _shorten_brand(values: dict[str, Any]) -> list[str]:
    """LinkedIn allows longer names and headlines than Apiary: cut them at a word, with "…", and
    say so in the preview, rather than refuse the whole export."""
    notes = []
    for field, limit, note in (
        (
            "display_name",
            DISPLAY_NAME_MAX,
            _("Profile.csv: your name is longer than Apiary allows; it is shortened."),
        ),
        (
            "headline",
            HEADLINE_MAX,
            _("Profile.csv: your headline is longer than Apiary allows; it is shortened."),
        ),
    ):
        value = " ".join(str(values.get(field, "")).split())
        if limit < len(value) <= LINKEDIN_MAX[field]:  # longer still is no LinkedIn value: refused
            values[field] = value[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;·-") + "…"
            notes.append(note)
    return notes


def _from_positions(rows, file: str) -> dict[str, Any]:
    columns = {
        "title": "Title",
        "organization": "Company Name",
        "start_on": "Started On",
        "end_on": "Finished On",
        "location": "Location",
        "description": "Description",
    }
    return {
        "positions": tuple(
            _checked(
                rules.check_position,
                columns,
                file,
                row,
                v["title"],
                v["company name"],
                _month(v.get("started on", ""), file, row, "Started On"),
                _month(v.get("finished on", ""), file, row, "Finished On"),
                v.get("location", ""),
                v.get("description", ""),
            )
            for row, v in rows
        )
    }


def _from_education(rows, file: str) -> dict[str, Any]:
    columns = {
        "institution": "School Name",
        "degree": "Degree Name",
        "start_on": "Start Date",
        "end_on": "End Date",
        "description": "Notes",
    }
    return {
        "education": tuple(
            _checked(
                rules.check_education,
                columns,
                file,
                row,
                v["school name"],
                v.get("degree name", ""),
                "",
                _month(v.get("start date", ""), file, row, "Start Date"),
                _month(v.get("end date", ""), file, row, "End Date"),
                "\n\n".join(part.strip() for part in (v.get("notes", ""), v.get("activities", "")) if part),
            )
            for row, v in rows
        )
    }


def _from_skills(rows, file: str) -> dict[str, Any]:
    columns = {"name": "Name"}
    return {"skills": tuple(_checked(rules.check_skill, columns, file, row, v["name"]) for row, v in rows)}


def _from_certifications(rows, file: str) -> dict[str, Any]:
    columns = {"name": "Name", "issuer": "Authority", "issued_on": "Started On", "url": "Url"}
    return {
        "certifications": tuple(
            _checked(
                rules.check_certification,
                columns,
                file,
                row,
                v["name"],
                v.get("authority", ""),
                _month(v.get("started on", ""), file, row, "Started On"),
                v.get("url", ""),
            )
            for row, v in rows
        )
    }


def _from_languages(rows, file: str) -> dict[str, Any]:
    return {"languages": tuple(Language(v["name"], v.get("proficiency", "")) for _row, v in rows)}


class _File:
    """A CSV file of the export that becomes part of the profile."""

    def __init__(self, shown: str, required: tuple[str, ...], read: Callable, fields: tuple[str, ...]):
        self.shown, self.required, self.read, self.fields = shown, required, read, fields


FILES = {
    "profile.csv": _File(
        "Profile.csv",
        ("First Name", "Last Name"),
        _from_profile,
        ("display_name", "headline", "statement", "location", "links"),
    ),
    "positions.csv": _File(
        "Positions.csv", ("Company Name", "Title", "Started On"), _from_positions, ("positions",)
    ),
    "education.csv": _File("Education.csv", ("School Name",), _from_education, ("education",)),
    "skills.csv": _File("Skills.csv", ("Name",), _from_skills, ("skills",)),
    "certifications.csv": _File("Certifications.csv", ("Name",), _from_certifications, ("certifications",)),
    "languages.csv": _File("Languages.csv", ("Name",), _from_languages, ("languages",)),
}


# The whole --------------------------------------------------------------------------------------


def parse_export(raw: bytes, *, keep_name: str = "") -> tuple[ProfileData, frozenset[str], list[str]]:
    """A LinkedIn export ZIP as a checked profile, the fields it carries and notes for the preview.

    A field is carried only when its file is in the ZIP (and, for the brand's
    fields from Profile.csv, only when LinkedIn's value is not empty). When the
    display name is not carried, ``keep_name`` (the bee's own) stands in for it,
    untouched on apply. Raises :class:`ValidationError` on the ``export`` field.
    """
    archive = open_zip(raw)
    members = wanted(archive, FILES)
    if not members:
        raise refuse(
            _(
                "This ZIP holds none of the files we read: %(files)s.",
                files="Profile.csv, Positions.csv, Education.csv, Skills.csv",
            )
        )
    values: dict[str, Any] = {}
    notes: list[str] = []
    for key, spec in FILES.items():
        if key not in members:
            continue
        text = _decode(read_member(archive, members[key], spec.shown), spec.shown)
        rows, skipped = _table(text, spec.shown, spec.required)
        if skipped:
            notes.append(
                ngettext(
                    "%(file)s: %(num)s empty row skipped.",
                    "%(file)s: %(num)s empty rows skipped.",
                    skipped,
                    file=spec.shown,
                )
            )
        values.update(spec.read(rows, spec.shown))
    notes += _shorten_brand(values)
    carried = frozenset(values)
    data = _checked_profile(ProfileData(**{"display_name": keep_name or "LinkedIn", **values}))
    if "skills" in values and (dropped := len(values["skills"]) - len(data.skills)):
        notes.append(
            ngettext(
                "Skills.csv: %(num)s repeated skill left out.",
                "Skills.csv: %(num)s repeated skills left out.",
                dropped,
            )
        )
    return data, carried, notes


def _checked_profile(data: ProfileData) -> ProfileData:
    """The whole profile through :func:`~app.profiles.data.check_profile`, an error naming the file."""
    files = {field: spec.shown for spec in FILES.values() for field in spec.fields}
    try:
        return rules.check_profile(data)
    except ValidationError as error:
        raise refuse(
            _("%(file)s: %(problem)s", file=files.get(error.field, "Profile.csv"), problem=error.message)
        ) from None
