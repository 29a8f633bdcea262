"""Text as search sees it, in every script: marks, case and letter variants folded away.

Both the index and the query go through :func:`fold`, so a query typed
without diacritics finds text written with them and the reverse:

- Spanish accents and ñ (``canción`` / ``cancion``), and case;
- Arabic harakat, shadda, superscript alef and tatweel; the alef forms (أ إ آ ٱ → ا),
  alef maqsura and Urdu/Persian yeh (ى ی → ي), keheh (ک → ك), teh marbuta and
  heh goal (ة ہ → ه), as Arabic search engines commonly fold them;
- Hebrew niqqud and cantillation marks;
- Arabic-Indic and other digits (٣ → 3), and invisible joiners (ZWNJ in Urdu).

SQLite's ``remove_diacritics`` knows Latin letters only, which is why the
folding happens here, before either database sees the text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from markupsafe import Markup, escape

_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ک": "ك",
        "ة": "ه",
        "ہ": "ه",
        "ۀ": "ه",
        "ـ": None,  # tatweel stretches a word; it is not a letter
    }
)
# Categories dropped from words: combining marks (accents, harakat, niqqud) and format
# characters (ZWNJ, ZWJ, direction marks).
_DROPPED = frozenset({"Mn", "Me", "Cf"})


def _is_word_character(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or unicodedata.category(ch) in _DROPPED or ch == "ـ"


@lru_cache(maxsize=65_536)
def fold_word(word: str) -> str:
    """One word folded: decomposed, marks dropped, variants unified, digits ASCII, case folded.

    Words repeat (a language's common words most of all), so each is folded once.
    """
    if word.isascii():
        return "".join(ch for ch in word.lower() if ch.isalnum())
    decomposed = unicodedata.normalize("NFKD", word)
    kept = []
    for ch in decomposed:
        if unicodedata.category(ch) in _DROPPED:
            continue
        digit = unicodedata.decimal(ch, None)
        kept.append(str(digit) if digit is not None else ch)
    folded = unicodedata.normalize("NFC", "".join(kept)).translate(_LETTERS).casefold()
    return "".join(ch for ch in folded if ch.isalnum())  # letters and digits only: safe in any query syntax


def word_spans(text: str) -> Iterator[tuple[int, int]]:
    """Start and end of each word of ``text`` (letters, digits, marks and joiners inside it)."""
    start = None
    for position, ch in enumerate(text):
        if _is_word_character(ch):
            if start is None:
                start = position
        elif start is not None:
            yield start, position
            start = None
    if start is not None:
        yield start, len(text)


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order (empty ones, such as a lone mark, left out)."""
    folded = (fold_word(text[start:end]) for start, end in word_spans(text or ""))
    return [word for word in folded if word]


def fold(text: str) -> str:
    """``text`` as the index stores it: its folded words separated by spaces."""
    return " ".join(words(text))


def highlight(text: str, terms: list[str], *, limit: int | None = None) -> Markup:
    """``text`` escaped, with each word that starts with one of the folded ``terms`` in ``<mark>``.

    With ``limit``, a long text is cut to about ``limit`` characters around its first match.
    """
    text = text or ""
    spans = [
        (start, end)
        for start, end in word_spans(text)
        if any(fold_word(text[start:end]).startswith(term) for term in terms)
    ]
    begin, end_of_text = 0, len(text)
    if limit is not None and len(text) > limit:
        first = spans[0][0] if spans else 0
        begin = max(0, min(first - limit // 4, len(text) - limit))
        end_of_text = begin + limit
        # Cut between words where there is a space to cut at.
        space = text.find(" ", begin, first)
        if begin > 0 and space != -1:
            begin = space + 1
        space = text.rfind(" ", max(begin, first), end_of_text)
        if end_of_text < len(text) and space != -1:
            end_of_text = space
    pieces, position = [], begin
    if begin > 0:
        pieces.append("… ")
    for start, end in spans:
        if start < begin or end > end_of_text:
            continue
        pieces += [escape(text[position:start]), Markup("<mark>"), escape(text[start:end]), Markup("</mark>")]
        position = end
    pieces.append(escape(text[position:end_of_text]))
    if end_of_text < len(text):
        pieces.append(" …")
    return Markup("").join(pieces)
