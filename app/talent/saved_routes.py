"""Saved talent searches: keep a search, run it again, be told of new matches."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("saved", __name__)
