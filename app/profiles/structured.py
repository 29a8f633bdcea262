"""schema.org JSON-LD for the public pages: a profile is a ``Person``, honey an ``Article``.

Only what the page itself shows to anyone goes in: never an email address and
never "open to opportunities" (recruiters and editors alone see that, on the page).
Templates write these dicts with ``|tojson``, which escapes ``<``, ``>`` and ``&``,
so no text of a bee's can close the ``<script type="application/ld+json">`` block.
"""

from __future__ import annotations

from flask import url_for

from app.profiles.data import ProfileData
from app.profiles.models import Bee

CONTEXT = "https://schema.org"


def _compact(values: dict) -> dict:
    return {key: value for key, value in values.items() if value not in (None, "", [], {})}


def person_of(bee: Bee, data: ProfileData, *, photo_url: str | None = None) -> dict:
    """A bee as a schema.org ``Person``: name, headline, place, languages, what they know and
    care about, where they work and studied, their credentials and links."""
    return _compact(
        {
            "@context": CONTEXT,
            "@type": "Person",
            "name": bee.display_name,
            "alternateName": f"@{bee.handle}",
            "url": url_for("profiles.profile", handle=bee.handle, _external=True),
            "image": photo_url,
            "description": bee.headline,
            "homeLocation": _compact({"@type": "Place", "name": data.location}) if data.location else None,
            "knowsLanguage": [language.name for language in data.languages],
            "knowsAbout": [skill.name for skill in data.skills] + list(data.interests) + list(data.hobbies),
            "worksFor": [
                {"@type": "Organization", "name": position.organization}
                for position in data.positions
                if position.end_on is None
            ],
            "hasOccupation": [
                _compact(
                    {
                        "@type": "Occupation",
                        "name": position.title,
                        "occupationLocation": {"@type": "Place", "name": position.location}
                        if position.location
                        else None,
                    }
                )
                for position in data.positions
                if position.end_on is None
            ],
            "alumniOf": [
                {"@type": "EducationalOrganization", "name": school.institution} for school in data.education
            ],
            "hasCredential": [
                _compact(
                    {
                        "@type": "EducationalOccupationalCredential",
                        "name": certificate.name,
                        "recognizedBy": {"@type": "Organization", "name": certificate.issuer}
                        if certificate.issuer
                        else None,
                        "url": certificate.url,
                    }
                )
                for certificate in data.certifications
            ],
            "sameAs": [link.url for link in data.links],
        }
    )


def article_of(post, url: str) -> dict:
    """A honey article as a schema.org ``Article``."""
    author = post.author
    return _compact(
        {
            "@context": CONTEXT,
            "@type": "Article",
            "headline": post.title,
            "description": post.excerpt,
            "url": url,
            "mainEntityOfPage": url,
            "datePublished": post.created_at.isoformat(),
            "dateModified": (post.edited_at or post.created_at).isoformat(),
            "author": {
                "@type": "Person",
                "name": author.display_name,
                "url": url_for("profiles.profile", handle=author.handle, _external=True),
            },
        }
    )
