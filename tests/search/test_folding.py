"""Folding: the same words with and without diacritics, in every script Apiary's bees write."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup, escape

from app.search.folding import fold, highlight, words


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("Canción de otoño", "cancion de otono"),
        ("ÁRBOL Ñandú", "arbol nandu"),
        ("مَرْحَبًا بِكُمْ فِي الخَلِيَّةِ", "مرحبا بكم في الخلية"),  # harakat and shadda
        ("أحمد وإيمان في آخر الصف", "احمد وايمان في اخر الصف"),  # hamza on alef, madda
        ("مدرسة القاهرة", "مدرسه القاهره"),  # teh marbuta
        ("كـــتـــاب", "كتاب"),  # tatweel
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("שָׁלוֹם עֲלֵיכֶם", "שלום עליכם"),  # niqqud
        ("בְּרֵאשִׁית בָּרָא", "בראשית ברא"),
        ("پاکستان کی ہوا", "پاكستان كي هوا"),  # Urdu keheh, yeh, heh goal against Arabic letters
        ("می‌خواهم", "میخواهم"),  # zero-width non-joiner
        ("عام ٢٠٢٦", "عام 2026"),  # Arabic-Indic digits
    ],
)
def test_text_with_marks_folds_like_text_without(written, typed):
    assert fold(written) == fold(typed)
    assert fold(written)  # something is left to search for


def test_query_syntax_is_just_words():
    assert words('"NEAR( OR OR * foo" -bar AND (baz)') == ["near", "or", "or", "foo", "bar", "and", "baz"]
    assert words('" * ( ) : ^') == []


def test_highlight_marks_matching_words_and_escapes_everything_else():
    marked = highlight("<b>Canción</b> & más canciones", ["cancion"])
    assert marked == Markup("&lt;b&gt;<mark>Canción</mark>&lt;/b&gt; &amp; más <mark>canciones</mark>")


def test_highlight_marks_arabic_written_with_harakat_for_a_bare_query():
    assert highlight("مَرْحَبًا بِكُمْ", words("مرحبا")) == Markup("<mark>مَرْحَبًا</mark> بِكُمْ")


def test_a_long_text_is_cut_around_its_first_match():
    text = "filler " * 100 + "needle " + "tail " * 100
    marked = highlight(text, ["needle"], limit=80)
    assert "<mark>needle</mark>" in marked
    assert marked.startswith("… ")
    assert marked.endswith(" …")
    assert len(marked) < 120


@given(st.text())
def test_folded_text_is_only_letters_digits_and_spaces_and_folds_to_itself(text):
    folded = fold(text)
    assert all(ch.isalnum() or ch == " " for ch in folded)
    assert fold(folded) == folded


@given(st.text(), st.lists(st.text(min_size=1), max_size=3))
def test_highlight_only_adds_marks_to_the_escaped_text(text, queries):
    terms = [term for query in queries for term in words(query)]
    marked = str(highlight(text, terms))
    assert marked.replace("<mark>", "").replace("</mark>", "") == str(escape(text))
