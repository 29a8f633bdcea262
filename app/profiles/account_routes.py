"""Export everything a bee wrote, and delete the account."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("account", __name__)
