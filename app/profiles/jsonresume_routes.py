"""JSON Resume: export a profile, and import one through a preview."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("jsonresume", __name__)
