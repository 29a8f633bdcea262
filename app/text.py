"""Small text helpers shared by features: slugs, whitespace, direction isolates."""

from __future__ import annotations

import re
import unicodedata

_NOT_SLUG = re.compile(r"[^\w]+")


def squash(text: str | None) -> str:
    """Trim and collapse runs of white space to one space."""
    return " ".join((text or "").split())


def slugify(text: str, max_length: int = 80) -> str:
    """A URL slug that keeps letters of any script: "Café au lait" → "café-au-lait"."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    slug = _NOT_SLUG.sub("-", text).replace("_", "-").strip("-")
    return re.sub(r"-{2,}", "-", slug)[:max_length].strip("-")


def isolated(text: str) -> str:
    """``text`` between Unicode's first-strong isolate and its pop: a name put into a sentence
    as plain text (a flash message) keeps its own direction without turning the sentence's."""
    return f"\u2068{text}\u2069"
