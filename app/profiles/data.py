"""A whole profile as plain values, and the one place its rules are checked.

:class:`ProfileData` is what a profile is, apart from the database: the personal
brand and the professional record. The settings pages, the JSON Resume and
LinkedIn importers and the exports all speak it, so every way in is held to the
same rules by :func:`check_profile` and the ``check_*`` functions it calls:
lengths, http/https links only, months that exist, an end not before its start,
and a cap on how many entries each list holds. They raise
:class:`~app.errors.ValidationError` naming the field and, for a list, the entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlsplit

from flask_babel import gettext as _

from app.errors import ValidationError
from app.i18n import ngettext
from app.markup import normalize_tag
from app.profiles.models import HEADLINE_MAX, LOCATION_MAX, SKILL_LEVELS
from app.search.folding import fold
from app.text import squash

STATEMENT_MAX = 5_000
DESCRIPTION_MAX = 2_000
TITLE_MAX = 120
TAG_NAME_MAX = 50
FLUENCY_MAX = 40
LINK_LABEL_MAX = 60
SKILL_NAME_MAX = 60
URL_MAX = 500
YEARS_MAX = 70
EARLIEST_YEAR = 1900
# How many entries each list may hold: plenty for a life, not enough to flood a page.
CAPS = {
    "interests": 30,
    "hobbies": 30,
    "causes": 30,
    "languages": 20,
    "links": 20,
    "positions": 60,
    "education": 30,
    "skills": 100,
    "certifications": 50,
    "samples": 50,
}
_MONTH = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# What separates tags and languages where a form lists them: a tag or a language never holds one.
SEPARATORS = re.compile(r"[,،\n]")
_BRACKETS = re.compile(r"[()]")
_WHOLE_MAX = 10_000  # a list's text before it is split: far past any real one


@dataclass(frozen=True)
class Language:
    """A language the bee speaks, and how well (free words: "native", "C1")."""

    name: str
    fluency: str = ""


@dataclass(frozen=True)
class Link:
    """A labelled http or https address."""

    label: str
    url: str


@dataclass(frozen=True)
class PositionData:
    """A job: ``end_on`` None means the bee holds it still. Months are their first day."""

    title: str
    organization: str
    start_on: date
    end_on: date | None = None
    location: str = ""
    description: str = ""


@dataclass(frozen=True)
class EducationData:
    """A school or course, with optional months."""

    institution: str
    degree: str = ""
    area: str = ""
    start_on: date | None = None
    end_on: date | None = None
    description: str = ""


@dataclass(frozen=True)
class SkillData:
    """A skill, with optional years of practice and level (one of SKILL_LEVELS)."""

    name: str
    years: int | None = None
    level: str | None = None


@dataclass(frozen=True)
class CertificationData:
    """A certificate: name, issuer, the month it was issued, where to check it."""

    name: str
    issuer: str = ""
    issued_on: date | None = None
    url: str = ""


@dataclass(frozen=True)
class SampleData:
    """A work sample: a title, its address, a few words."""

    title: str
    url: str
    description: str = ""


@dataclass(frozen=True)
class ProfileData:
    """A whole profile: the personal brand, then the professional record."""

    display_name: str
    headline: str = ""
    statement: str = ""
    location: str = ""
    interests: tuple[str, ...] = ()
    hobbies: tuple[str, ...] = ()
    causes: tuple[str, ...] = ()
    languages: tuple[Language, ...] = ()
    links: tuple[Link, ...] = ()
    positions: tuple[PositionData, ...] = ()
    education: tuple[EducationData, ...] = ()
    skills: tuple[SkillData, ...] = ()
    certifications: tuple[CertificationData, ...] = ()
    samples: tuple[SampleData, ...] = ()


BRAND_FIELDS = ("display_name", "headline", "statement", "location")
TAG_FIELDS = ("interests", "hobbies", "causes", "languages")
LIST_FIELDS = (*TAG_FIELDS, "links", "positions", "education", "skills", "certifications", "samples")
ALL_FIELDS = frozenset((*BRAND_FIELDS, *LIST_FIELDS))


def tag_key(name: str, limit: int = TAG_NAME_MAX) -> str:
    """The form that makes "Café" and "cafe", "خَطّ" and "خط" one tag or skill: case, accents,
    harakat, niqqud and joiners folded away, symbols kept (so "C++" and "C#" stay two)."""
    return squash(normalize_tag(name))[:limit]


def location_key(location: str) -> str:
    """A location as talent search compares it: folded as search folds text, so "Amman",
    "amman" and "عمّان"/"عمان" meet."""
    return squash(fold(location or ""))[:LOCATION_MAX]


def skill_key(name: str) -> str:
    """A skill's :func:`tag_key`, as long as a skill's name may be."""
    return tag_key(name, SKILL_NAME_MAX)


def text(value, field: str, limit: int, *, required: str | None = None, one_line: bool = True) -> str:
    """``value`` trimmed (one line: white space squashed), within ``limit`` characters.

    ``required`` is the message for an empty value; without it, empty is fine.
    """
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(field, _("Enter text here."))
    if _SURROGATE.search(value):  # JSON may carry half a character; no database stores one
        raise ValidationError(field, _("This text has a broken character in it."))
    value = value.replace("\x00", "")
    value = squash(value) if one_line else value.replace("\r\n", "\n").strip()
    if not value and required:
        raise ValidationError(field, required)
    if len(value) > limit:
        raise ValidationError(
            field,
            ngettext("Keep this under %(num)s character.", "Keep this under %(num)s characters.", limit),
        )
    return value


def check_url(value, field: str = "url", *, required: bool = True) -> str:
    """An absolute http or https address, or "" when not ``required`` and empty."""
    url = text(value, field, URL_MAX, required=_("Enter the address.") if required else None)
    if not url:
        return ""
    try:
        parts = urlsplit(url) if not _CONTROL.search(url) and " " not in url else None
        usable = parts is not None and parts.scheme.lower() in ("http", "https") and parts.hostname
        usable = usable and (parts.port or 0) >= 0  # reading the port refuses one past 65535
    except ValueError:  # "http://[oops": not an address at all
        usable = False
    if not usable:
        raise ValidationError(field, _("Enter a full address starting with https:// or http://."))
    return url


def check_month(value, field: str, *, required: bool = False) -> date | None:
    """A month as its first day, from a date or "YYYY-MM" (also "YYYY" and "YYYY-MM-DD")."""
    if isinstance(value, date):
        value = value.replace(day=1)
    elif value is None or (isinstance(value, str) and not value.strip()):
        value = None
    elif isinstance(value, str) and (match := _MONTH.fullmatch(value.strip())):
        year, month = int(match[1]), int(match[2] or 1)
        if not 1 <= month <= 12 or year < EARLIEST_YEAR:
            raise ValidationError(field, _("Enter a real month, such as 2021-09."))
        value = date(year, month, 1)
    else:
        raise ValidationError(field, _("Enter the month as year and month, such as 2021-09."))
    if value is None and required:
        raise ValidationError(field, _("Enter the month it started."))
    if value is not None and (value.year < EARLIEST_YEAR or value > _this_month_next_decade()):
        raise ValidationError(field, _("Enter a real month, such as 2021-09."))
    return value


def _this_month_next_decade() -> date:
    today = date.today()
    return date(today.year + 10, 12, 1)


def check_span(start_on: date | None, end_on: date | None, field: str = "end_on") -> None:
    """An end before its start is an error."""
    if start_on and end_on and end_on < start_on:
        raise ValidationError(field, _("The end month is before the start month."))


def check_position(title, organization, start_on, end_on=None, location="", description="") -> PositionData:
    """A job as the bee entered it, checked."""
    position = PositionData(
        title=text(title, "title", TITLE_MAX, required=_("Enter the job title.")),
        organization=text(organization, "organization", TITLE_MAX, required=_("Enter the organization.")),
        start_on=check_month(start_on, "start_on", required=True),
        end_on=check_month(end_on, "end_on"),
        location=text(location, "location", LOCATION_MAX),
        description=text(description, "description", DESCRIPTION_MAX, one_line=False),
    )
    check_span(position.start_on, position.end_on)
    return position


def check_education(
    institution, degree="", area="", start_on=None, end_on=None, description=""
) -> EducationData:
    """A school or course as the bee entered it, checked."""
    entry = EducationData(
        institution=text(
            institution, "institution", TITLE_MAX, required=_("Enter the school or institution.")
        ),
        degree=text(degree, "degree", TITLE_MAX),
        area=text(area, "area", TITLE_MAX),
        start_on=check_month(start_on, "start_on"),
        end_on=check_month(end_on, "end_on"),
        description=text(description, "description", DESCRIPTION_MAX, one_line=False),
    )
    check_span(entry.start_on, entry.end_on)
    return entry


def check_skill(name, years=None, level=None) -> SkillData:
    """A skill, its years (0 to 70) and level (one of SKILL_LEVELS), checked."""
    name = text(name, "name", SKILL_NAME_MAX, required=_("Enter the skill."))
    if years in ("", None):
        years = None
    else:
        try:
            years = int(str(years).strip())
        except ValueError:
            raise ValidationError("years", _("Enter the years as a whole number.")) from None
        if not 0 <= years <= YEARS_MAX:
            raise ValidationError("years", _("Enter between 0 and %(most)s years.", most=YEARS_MAX))
    level = squash(level).casefold() if isinstance(level, str) else level
    if level in ("", None):
        level = None
    elif level not in SKILL_LEVELS:
        raise ValidationError("level", _("Choose a level from the list."))
    return SkillData(name=name, years=years, level=level)


def check_certification(name, issuer="", issued_on=None, url="") -> CertificationData:
    """A certificate as the bee entered it, checked."""
    return CertificationData(
        name=text(name, "name", TITLE_MAX, required=_("Enter the certificate’s name.")),
        issuer=text(issuer, "issuer", TITLE_MAX),
        issued_on=check_month(issued_on, "issued_on"),
        url=check_url(url, required=False),
    )


def check_sample(title, url, description="") -> SampleData:
    """A work sample as the bee entered it, checked."""
    return SampleData(
        title=text(title, "title", TITLE_MAX, required=_("Enter a title for the work.")),
        url=check_url(url),
        description=text(description, "description", DESCRIPTION_MAX, one_line=False),
    )


def check_link(label, url) -> Link:
    """A profile link: a label (the site's name when empty) and an http(s) address."""
    url = check_url(url)
    label = text(label, "label", LINK_LABEL_MAX) or (urlsplit(url).hostname or "")[:LINK_LABEL_MAX]
    return Link(label=label, url=url)


def check_tags(names: Iterable, field: str) -> tuple[str, ...]:
    """Interests, hobbies or causes: each trimmed and within length; repeats (after folding)
    dropped, first spelling kept; at most the field's cap. A comma separates tags wherever it
    comes from, so "Food, wine" is two, here as in the form that lists them."""
    kept: dict[str, str] = {}
    for value in names:
        for name in SEPARATORS.split(text(value, field, _WHOLE_MAX)):
            name = text(name, field, TAG_NAME_MAX)
            if name and tag_key(name) not in kept:
                kept[tag_key(name)] = name
    _check_cap(field, len(kept))
    return tuple(kept.values())


def check_languages(languages: Iterable[Language], field: str = "languages") -> tuple[Language, ...]:
    """Languages, each with an optional fluency; repeats dropped. "Chinese (Mandarin)" is the
    language Chinese at fluency Mandarin, and neither part keeps a comma or a bracket, so the
    form's "Arabic (native), English (C1)" reads back exactly what was stored."""
    kept: dict[str, Language] = {}
    for language in languages:
        name = text(language.name, field, _WHOLE_MAX)
        fluency = text(language.fluency, field, _WHOLE_MAX)
        if not fluency and (match := FLUENCY.fullmatch(name)):
            name, fluency = match[1], match[2]
        name = text(_BRACKETS.sub(" ", SEPARATORS.sub(" ", name)), field, TAG_NAME_MAX)
        fluency = text(_BRACKETS.sub(" ", SEPARATORS.sub(" · ", fluency)), field, FLUENCY_MAX)
        if name and tag_key(name) not in kept:
            kept[tag_key(name)] = Language(name, fluency)
    _check_cap(field, len(kept))
    return tuple(kept.values())


# "Arabic (native)": a language and, in brackets, its fluency.
FLUENCY = re.compile(r"(.+?)\s*\(([^()]*)\)\s*")


def _check_cap(field: str, count: int) -> None:
    cap = CAPS[field]
    if count > cap:
        raise ValidationError(
            field,
            ngettext("Keep this list to %(num)s entry.", "Keep this list to %(num)s entries.", cap),
        )


def check_brand(data: ProfileData) -> ProfileData:
    """The personal brand's plain fields checked (the statement's Markdown renders on write)."""
    from app.profiles.services import clean_display_name

    return replace(
        data,
        display_name=clean_display_name(data.display_name),
        headline=text(data.headline, "headline", HEADLINE_MAX),
        statement=text(data.statement, "statement", STATEMENT_MAX, one_line=False),
        location=text(data.location, "location", LOCATION_MAX),
    )


# Each list of entries: how one entry is checked again from its own values.
_ENTRY_CHECKS = {
    "links": lambda e: check_link(e.label, e.url),
    "positions": lambda e: check_position(
        e.title, e.organization, e.start_on, e.end_on, e.location, e.description
    ),
    "education": lambda e: check_education(
        e.institution, e.degree, e.area, e.start_on, e.end_on, e.description
    ),
    "skills": lambda e: check_skill(e.name, e.years, e.level),
    "certifications": lambda e: check_certification(e.name, e.issuer, e.issued_on, e.url),
    "samples": lambda e: check_sample(e.title, e.url, e.description),
}


def check_entries(field: str, entries: Iterable) -> tuple:
    """Every entry of a list checked; an error names the entry ("Entry 3: ...")."""
    checked = []
    for number, entry in enumerate(entries, start=1):
        try:
            checked.append(_ENTRY_CHECKS[field](entry))
        except ValidationError as error:
            raise ValidationError(
                field, _("Entry %(number)s: %(problem)s", number=number, problem=error.message)
            ) from None
    if field == "skills":
        unique = {skill_key(skill.name): skill for skill in reversed(checked)}
        checked = [skill for skill in checked if unique.get(skill_key(skill.name)) is skill]
    _check_cap(field, len(checked))
    return tuple(checked)


def check_profile(data: ProfileData) -> ProfileData:
    """A whole profile checked, as an import applies it: the first problem raises."""
    data = check_brand(data)
    return replace(
        data,
        interests=check_tags(data.interests, "interests"),
        hobbies=check_tags(data.hobbies, "hobbies"),
        causes=check_tags(data.causes, "causes"),
        languages=check_languages(data.languages),
        **{field: check_entries(field, getattr(data, field)) for field in _ENTRY_CHECKS},
    )
