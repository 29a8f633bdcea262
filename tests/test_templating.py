"""Template helpers: relative times and the per-request translation catalogue."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from flask_babel import force_locale

from app.templating import _translations, when


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (timedelta(seconds=-30), "1 second ago"),  # another server's clock a little ahead
        (timedelta(seconds=0), "1 second ago"),
        (timedelta(seconds=42), "42 seconds ago"),
        (timedelta(minutes=5, seconds=10), "5 minutes ago"),
        (timedelta(minutes=59, seconds=50), "1 hour ago"),
        (timedelta(hours=3, minutes=20), "3 hours ago"),
        (timedelta(days=2, hours=1), "2 days ago"),
    ],
)
def test_recent_moments_read_as_an_age(app, age, expected):
    with app.test_request_context("/"):
        assert when(datetime.now(UTC) - age) == expected


def test_older_moments_read_as_a_date(app):
    with app.test_request_context("/"):
        assert when(datetime(2024, 3, 9, 12, 0, tzinfo=UTC)) == "Mar 9, 2024"
        assert when(datetime(2024, 3, 9, 12, 0)) == "Mar 9, 2024"  # naive is UTC
        assert when(None) == ""


def test_the_catalogue_follows_a_forced_locale(app):
    with app.test_request_context("/"):
        english = _translations()
        assert _translations() is english
        with force_locale("es"):
            spanish = _translations()
            assert spanish is not english
            assert _translations() is spanish
        assert _translations() is english
