"""Requests read without a transaction; writes stay one transaction each."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db import after_write, read_without_transaction, write_transaction
from app.extensions import db
from app.profiles.models import Follow
from tests.factories import make_bee


def test_a_write_after_transactionless_reads_is_still_one_transaction(app):
    ana, ben = make_bee(), make_bee()
    db.session.commit()
    with app.test_request_context("/"):
        read_without_transaction()
        reading = db.session.connection().get_execution_options().get("isolation_level")
        assert reading == ("AUTOCOMMIT" if db.engine.dialect.name == "postgresql" else None)
        assert db.session.scalar(select(Follow).where(Follow.follower_id == ana.id)) is None
        assert not _database_transaction_open()
        with pytest.raises(RuntimeError):
            _follow_then_fail(ana.id, ben.id)
        assert db.session.scalar(select(Follow).where(Follow.follower_id == ana.id)) is None


def _database_transaction_open() -> bool:
    """Whether the database itself (not SQLAlchemy's bookkeeping) holds a transaction open."""
    driver = db.session.connection().connection.driver_connection
    if db.engine.dialect.name == "sqlite":
        return driver.in_transaction
    return driver.info.transaction_status != driver.info.transaction_status.IDLE


def _follow_then_fail(follower_id: int, followee_id: int) -> None:
    with write_transaction():
        assert db.session.connection().get_execution_options().get("isolation_level") is None
        db.session.add(Follow(follower_id=follower_id, followee_id=followee_id))
        db.session.flush()
        assert _database_transaction_open()
        raise RuntimeError("the rest of the write failed")


def test_follow_ups_run_after_the_commit_once_per_key_and_never_after_a_rollback(app):
    ran: list[str] = []
    with write_transaction():
        for name in ("a", "a", "b"):
            after_write(lambda name=name: ran.append(name), once=name)
        after_write(lambda: ran.append("plain"))
        after_write(lambda: ran.append("plain"))
        assert ran == []
    assert ran == ["a", "b", "plain", "plain"]
    with write_transaction():
        after_write(lambda: ran.append("a again"), once="a")  # a new write: its own keys
    assert ran[-1] == "a again"

    def fails() -> None:
        with write_transaction():
            after_write(lambda: ran.append("rolled back"), once="c")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        fails()
    assert "rolled back" not in ran
    after_write(lambda: ran.append("now"), once="now")  # no write under way: at once
    assert ran[-1] == "now"
