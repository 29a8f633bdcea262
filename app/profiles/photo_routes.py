"""Profile photos: upload, remove, and serving the resized files."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("photos", __name__)
