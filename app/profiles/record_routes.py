"""The professional record's settings: add, edit, move and remove entries; the data page;
applying a previewed import."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("record", __name__)
