"""Every user-facing string goes through gettext, and every catalogue translates every message.

These read the sources themselves: a template's literal text, the messages
Python code shows, and the messages Babel extracts (as ``make messages`` does)
compared with each committed catalogue.
"""

from __future__ import annotations

import ast
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from jinja2 import Environment

from app.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "app" / "templates"
TRANSLATIONS = ROOT / "app" / "translations"
# Attributes a reader sees or hears.
SPOKEN_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "aria-description", "label"}


class _Text(HTMLParser):
    """Collects the text and spoken attribute values of an HTML fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.found += [value for name, value in attrs if name in SPOKEN_ATTRIBUTES and value]
        if tag == "input":
            kinds = dict(attrs)
            if kinds.get("type") in ("submit", "button") and kinds.get("value"):
                self.found.append(kinds["value"])

    def handle_data(self, data):
        self.found.append(data)


def _has_words(text: str) -> bool:
    return any(unicodedata.category(ch).startswith("L") for ch in text)


# What an expression (``{{ … }}``) stands for when a template is read as HTML: not a letter.
EXPRESSION = "\ue000"


def literal_text(source: str) -> list[str]:
    """Words a template writes outside ``{{ … }}`` and ``{% … %}``.

    The template is read as HTML with each expression replaced by a placeholder
    and each tag left out, so an expression in the middle of an HTML tag keeps
    the tag whole.
    """
    html, inside = [], None
    for _lineno, token, value in Environment(autoescape=True).lex(source):
        if inside is None and token == "data":
            html.append(value)
        elif token == "variable_begin":
            inside = "variable_end"
            html.append(EXPRESSION)
        elif token == "block_begin":
            inside = "block_end"
        elif token == inside:
            inside = None
    parser = _Text()
    parser.feed("".join(html))
    parser.close()
    return [" ".join(text.replace(EXPRESSION, " ").split()) for text in parser.found if _has_words(text)]


@pytest.mark.parametrize(
    "template", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: str(p.relative_to(TEMPLATES))
)
def test_templates_write_no_words_outside_gettext(template):
    assert literal_text(template.read_text()) == []


def test_the_template_check_finds_words_outside_gettext():
    assert literal_text('<p>Hello {{ name }}</p><img alt="A bee" src="x.png">') == ["Hello", "A bee"]
    assert literal_text('<p>{{ _("Hello") }}</p><input type="submit" value="Send">') == ["Send"]
    assert literal_text('<p dir="auto">{{ post.body }} · 42</p>') == []


# Calls whose argument (by position, or by keyword) is shown to the bee.
MESSAGE_ARGUMENTS = {
    "flash": (0, "message"),
    "ValidationError": (1, "message"),
    "NotFound": (0, "message"),
    "PermissionDenied": (0, "message"),
    "Conflict": (0, "message"),
    "DomainError": (0, "message"),
    "require": (1, "message"),
    "abort": (1, "description"),
}


def plain_messages(source: str) -> list[str]:
    """Messages shown to bees that are written as plain (untranslated) string literals."""
    found = []
    for call in ast.walk(ast.parse(source)):
        if not isinstance(call, ast.Call):
            continue
        name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", None)
        if name not in MESSAGE_ARGUMENTS:
            continue
        position, keyword = MESSAGE_ARGUMENTS[name]
        arguments = [kw.value for kw in call.keywords if kw.arg == keyword]
        if len(call.args) > position:
            arguments.append(call.args[position])
        found += [
            ast.unparse(argument)
            for argument in arguments
            if isinstance(argument, ast.JoinedStr | ast.BinOp)
            or (isinstance(argument, ast.Constant) and isinstance(argument.value, str))
        ]
    return found


@pytest.mark.parametrize(
    "module",
    sorted(path for path in (ROOT / "app").rglob("*.py") if "demo" not in path.parts),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_python_shows_bees_only_translated_messages(module):
    assert plain_messages(module.read_text()) == []


def test_the_python_check_finds_plain_messages():
    source = (
        'flash("Saved!")\n'
        'raise ValidationError("body", f"Too long: {n}")\n'
        'raise NotFound(_("No such bee."))\n'
        'policy.require(ok, "Nope")\n'
    )
    assert plain_messages(source) == ["'Saved!'", "f'Too long: {n}'", "'Nope'"]


def extracted_messages() -> dict[str, object]:
    """The messages ``make messages`` extracts today, by msgid (a tuple for plurals)."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    keywords = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None, "lazy_ngettext": (1, 2)}
    messages = {}
    for _filename, _lineno, message, _comments, _context in extract_from_dir(
        ROOT,
        method_map,
        options_map,
        keywords=keywords,
        directory_filter=lambda path: Path(path).relative_to(ROOT).parts[0] == "app",
    ):
        messages[message if isinstance(message, str) else message[0]] = message
    return messages


@pytest.fixture(scope="module")
def extracted():
    messages = extracted_messages()
    assert "Older posts" in messages  # extraction itself works
    return messages


def catalogue(language: str):
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=language)


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_catalogue_translates_every_message(extracted, language):
    translations = catalogue(language)
    missing, untranslated, broken = [], [], []
    for msgid in extracted:
        message = translations.get(msgid)
        if message is None:
            missing.append(msgid)
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if (
            message.fuzzy
            or not all(strings)
            or len(strings) != (translations.num_plurals if message.pluralizable else 1)
        ):
            untranslated.append(msgid)
        errors = list(message.check(translations))
        if errors:
            broken.append((msgid, [str(error) for error in errors]))
    assert missing == []
    assert untranslated == []
    assert broken == []  # placeholders such as %(num)s kept, plural forms complete


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_no_catalogue_keeps_messages_the_app_no_longer_has(extracted, language):
    stale = [
        message.id
        for message in catalogue(language)
        if message.id and (message.id if isinstance(message.id, str) else message.id[0]) not in extracted
    ]
    assert stale == []
