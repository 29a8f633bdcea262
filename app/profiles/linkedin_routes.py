"""LinkedIn data export ZIP: import through a preview."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("linkedin", __name__)
