"""The only producer of HTML from user text: Markdown, rendered once on write, sanitized.

``render_markdown`` turns a bee's Markdown into HTML that is safe to mark
``|safe`` in a template: bleach keeps a short list of tags and attributes,
escapes everything else (so ``<script>`` shows as text), allows only http, https
and mailto links, gives every link ``rel="nofollow ugc noopener"``, and gives
every block ``dir="auto"`` so Arabic, Hebrew and Urdu paragraphs read
right-to-left beside English ones. Code blocks stay left-to-right.

``@handle`` becomes a link to that bee's profile when the bee exists (the
caller says which handles do), and ``#tag`` a link to the tag's page, in any
script (``#خط_عربي``); neither inside code or an existing link.
:func:`mentions_and_tags` reads them back from the HTML.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from html.parser import HTMLParser
from urllib.parse import quote

import bleach
import markdown
from bleach.html5lib_shim import Filter
from bleach.linkifier import URL_RE, LinkifyFilter
from markdown.extensions import Extension

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4",
        "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table",
        "tbody", "td", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
BLOCK_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "table", "td", "th"}
)
LINK_REL = "nofollow ugc noopener"
LINKS_MAX = 500
LINK_TARGET_MAX = 2_000
EXCERPT_MAX = 280
_EXCERPT_SKIP = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "pre", "table"})
_CODE_CLASS = re.compile(r"language-[A-Za-z0-9_+#-]{1,30}")
_ALIGN = frozenset({"left", "right", "center"})


class UnrenderableText(ValueError):
    """The text is past Apiary's formatting limits; ``reason`` is ``"links"`` or ``"nesting"``."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# bleach's URL pattern starts with ``\(*``, which backtracks over a run of "("
# from every position in it (quadratic). Starting only at the run's first "("
# finds the same URLs in linear time.
_URL_RE = re.compile(URL_RE.pattern.replace(r"\(*", r"(?<!\()\(*", 1), URL_RE.flags)


# A mention: "@" and a handle, not inside a word or an address (mail@example.org). A tag: "#" and
# up to 50 letters, digits or underscores with at least one letter, not after a word or "&".
MENTION_PATTERN = r"(?<![\w@/.+-])@([A-Za-z0-9_]{3,30})(?![\w@])"
# Marks written inside words: Latin accents, Hebrew points, Arabic harakat, and the joiners
# Urdu and Persian type. A tag may carry them; its stored form drops them.
_MARKS = (
    "\u0300-\u036f"  # Latin accents
    "\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"  # Hebrew points and cantillation
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"  # Arabic
    "\u200c\u200d"  # zero-width non-joiner and joiner
)
TAG_PATTERN = rf"(?<![\w&#/])#(?=[\w{_MARKS}]*[^\W\d_])(\w[\w{_MARKS}]{{0,79}})(?![\w{_MARKS}])"
_MENTION_OR_TAG = re.compile(f"{MENTION_PATTERN}|{TAG_PATTERN}")
TAG_MAX = 50
# A tag as stored: the letters, digits and underscores a tag page's address may carry.
_TAG_WORD = re.compile(rf"\w{{1,{TAG_MAX}}}")
_known_handles: ContextVar[frozenset[str]] = ContextVar("known_handles", default=frozenset())


def normalize_tag(tag: str) -> str:
    """A tag as stored and linked: case folded, marks and joiners dropped, composed. So
    ``#Running`` and ``#running`` are one tag, as are ``#خَطّ`` and ``#خط``, ``#İstanbul`` and
    ``#istanbul``, ``#Café`` and ``#cafe``."""
    decomposed = unicodedata.normalize("NFKD", tag.casefold())
    kept = "".join(ch for ch in decomposed if unicodedata.category(ch) not in ("Mn", "Me", "Cf"))
    return unicodedata.normalize("NFC", kept)


def _link_mention_or_tag(attrs: dict, new: bool = False) -> dict | None:
    if not new:
        return attrs  # a link the text already had stays as it is
    text = attrs.get("_text", "")
    if text.startswith("@"):
        handle = text[1:].lower()
        if handle not in _known_handles.get():
            return None  # nobody by that name: it stays text
        attrs[(None, "href")] = f"/@{handle}"
        attrs[(None, "class")] = "mention"
        attrs[(None, "data-mention")] = handle
    else:
        tag = normalize_tag(text[1:])
        if not _TAG_WORD.fullmatch(tag):
            return None  # folding made it longer than a tag may be (ß → ss): it stays text
        attrs[(None, "href")] = f"/tags/{quote(tag)}"
        attrs[(None, "class")] = "hashtag"
        attrs[(None, "data-tag")] = tag
    # Isolated, in the direction of its own first letter: "#TrailRunning" inside a Hebrew
    # sentence keeps its "#" on the left, "#خط_عربي" inside an English one on the right.
    attrs[(None, "dir")] = "auto"
    return attrs


def _allowed_attribute(tag: str, name: str, value: str) -> bool:
    if tag == "a":
        return name in ("href", "title")
    if tag == "abbr":
        return name == "title"
    if tag == "code":
        return name == "class" and bool(_CODE_CLASS.fullmatch(value))
    if tag in ("td", "th"):
        return name == "align" and value in _ALIGN
    return False


def _set_link_rel(attrs: dict, new: bool = False) -> dict:
    attrs[(None, "rel")] = LINK_REL
    return attrs


class _DirectionFilter(Filter):
    """Mark each text block ``dir="auto"`` and each code block ``dir="ltr"``."""

    def __iter__(self):
        for token in super().__iter__():
            if token["type"] == "StartTag":
                if token["name"] in BLOCK_TAGS:
                    token["data"][(None, "dir")] = "auto"
                elif token["name"] == "pre":
                    token["data"][(None, "dir")] = "ltr"
            yield token


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=_allowed_attribute,
    protocols=ALLOWED_PROTOCOLS,
    strip=False,
    strip_comments=True,
    filters=[
        lambda source: LinkifyFilter(
            source, callbacks=[_set_link_rel], skip_tags={"pre", "code"}, url_re=_URL_RE
        ),
        lambda source: LinkifyFilter(
            source, callbacks=[_link_mention_or_tag], skip_tags={"pre", "code"}, url_re=_MENTION_OR_TAG
        ),
        _DirectionFilter,
    ],
)


def _closing_brackets(text: str) -> dict[int, int]:
    """Map each ``[`` in ``text`` to the position of the ``]`` that closes it, in one pass."""
    open_at: list[int] = []
    closing: dict[int, int] = {}
    for position, char in enumerate(text):
        if char == "[":
            open_at.append(position)
        elif char == "]" and open_at:
            closing[open_at.pop()] = position
    return closing


def _bracketed_text(self, data: str, index: int) -> tuple[str, int, bool]:
    """``LinkInlineProcessor.getText`` in constant time per bracket.

    Python-Markdown scans from every ``[`` to its closing ``]`` (or to the end of
    the block), once per link-like pattern, so a block of stray brackets took
    minutes to render. The same answer comes from a table of matching brackets,
    built once for each text the inline processor hands over.
    """
    if getattr(self, "_bracket_text", None) is not data:
        self._bracket_text, self._bracket_closing = data, _closing_brackets(data)
    close = self._bracket_closing.get(index - 1)
    if close is None:
        return "", len(data), False
    return data[index:close], close + 1, True


def _bounded_link(self, data: str, index: int) -> tuple[str, str | None, int, bool]:
    """``LinkInlineProcessor.getLink`` looking at most ``LINK_TARGET_MAX`` characters ahead.

    The original scans to the end of the block for every ``](`` it meets; a
    link's address and title never need more than this.
    """
    return type(self).getLink(self, data[: index + LINK_TARGET_MAX], index)


class _LinearLinks(Extension):
    """Keep link, image and reference parsing linear in the length of the text.

    Raw HTML handling is switched off as well: bleach would escape the HTML
    anyway, and Python-Markdown's HTML block scanner is quadratic on "<a <a …".
    """

    BRACKETED = ("reference", "link", "image_link", "image_reference", "short_reference", "short_image_ref")
    INLINE_LINKS = ("link", "image_link")

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        for name in self.BRACKETED:
            processor = md.inlinePatterns[name]
            processor.getText = _bracketed_text.__get__(processor)
        for name in self.INLINE_LINKS:
            processor = md.inlinePatterns[name]
            processor.getLink = _bounded_link.__get__(processor)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


class _HeadingsNeedASpace(Extension):
    """``# Title`` is a heading; ``#tag`` at the start of a line is a tag, as in CommonMark.

    Python-Markdown reads any line that starts with "#" as a heading, so a buzz
    that opens with a tag would become a title. The same pattern, with the
    space (or an empty heading) required after the hashes.
    """

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        processor = md.parser.blockprocessors["hashheader"]
        processor.RE = re.compile(
            r"(?:^|\n)(?P<level>#{1,6})(?=[ \t]|\n|$)(?P<header>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*(?:\n|$)"
        )


def _markdown() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=["fenced_code", "tables", "sane_lists", _LinearLinks(), _HeadingsNeedASpace()],
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )


def render_markdown(source: str, *, known_handles: Callable[[set[str]], Iterable[str]] | None = None) -> str:
    """Render a bee's Markdown to sanitized HTML.

    ``known_handles`` is asked which of the ``@handles`` in the text belong to
    bees; those become links (none without it).

    Raises :class:`UnrenderableText` for text past Apiary's formatting limits
    (more than ``LINKS_MAX`` links, or lists nested hundreds deep). Any other
    string renders; link, image and tag parsing stay linear, so even a hostile
    100,000-character article takes seconds, not minutes.
    """
    source = source.replace("\x00", "\ufffd")
    if source.count("](") > LINKS_MAX:
        raise UnrenderableText("links")
    try:
        html = _markdown().convert(source)
    except RecursionError:
        raise UnrenderableText("nesting") from None
    named = {match.lower() for match in re.findall(MENTION_PATTERN, source)}
    known = frozenset(known_handles(named)) if named and known_handles else frozenset()
    token = _known_handles.set(known)
    try:
        return _cleaner.clean(html)
    finally:
        _known_handles.reset(token)


class _MentionsAndTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.handles: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag != "a":
            return
        found = dict(attrs)
        if found.get("data-mention"):
            self.handles.append(found["data-mention"])
        elif found.get("data-tag"):
            self.tags.append(found["data-tag"])


def mentions_and_tags(html: str) -> tuple[list[str], list[str]]:
    """The handles mentioned and the tags used in rendered HTML, each once, in order."""
    parser = _MentionsAndTags()
    parser.feed(html)
    parser.close()
    return list(dict.fromkeys(parser.handles)), list(dict.fromkeys(parser.tags))


class _ProseText(HTMLParser):
    """Collect the text of rendered HTML, blocks apart, leaving out the ``skip`` elements.

    By default it keeps prose (paragraphs and lists), not headings, code or tables.
    """

    def __init__(self, skip: frozenset[str] = _EXCERPT_SKIP) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = skip
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self._skip:
            self._skipping += 1
        if tag in BLOCK_TAGS or tag in self._skip or tag == "br":
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._skip and self._skipping:
            self._skipping -= 1
        if tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def plain_excerpt(html: str, limit: int = EXCERPT_MAX, *, prose_only: bool = True) -> str:
    """The opening prose of rendered HTML as plain text, cut at a word and ended with "…".

    Feeds show this for honey instead of the whole article; it is text, so
    templates escape it like any other string. With ``prose_only=False`` headings,
    code and tables count too (a direct message may be nothing else).
    """
    parser = _ProseText() if prose_only else _ProseText(skip=frozenset())
    parser.feed(html)
    parser.close()
    text = " ".join("".join(parser.parts).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.—-") + "…"


def plain_text(html: str) -> str:
    """All the text of rendered HTML (code and tables too), blocks separated by a space: what search
    indexes and shows of a post."""
    parser = _ProseText(skip=frozenset())
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())
