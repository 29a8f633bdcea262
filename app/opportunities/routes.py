"""Opportunities: posting, browsing, answering, and the poster's pipeline."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("opportunities", __name__)
