"""Database plumbing: SQLite pragmas, write transactions and row locks.

SQLite runs in WAL mode so readers never wait for the writer. A transaction that
reads and then writes must start with ``BEGIN IMMEDIATE``: a plain ``BEGIN``
takes the write lock only at the first write and fails with "database is locked"
if another writer committed in between, whatever the busy timeout. Services
therefore wrap their writes in :func:`write_transaction`, which marks the
transaction as a write before it begins; read-only requests begin a plain
(deferred) transaction and never take the write lock.

On PostgreSQL the same services lock the rows they count on with
:func:`lock_rows`, always bees before hives and each in id order, so concurrent
follows, joins and publishes serialise where they touch the same audience.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy import Engine, event, select

from app.extensions import db

_write_intent: ContextVar[bool] = ContextVar("apiary_write_intent", default=False)

SQLITE_BUSY_TIMEOUT_MS = 10_000
SQLITE_MMAP_BYTES = 2**31 - 2**16  # SQLite's usual compile-time ceiling
SQLITE_CACHE_KIB = 16_384
MAX_ID = 2**31 - 1  # ids are INTEGER columns: the most PostgreSQL's integer holds


def configure_engine(engine: Engine) -> None:
    """Install the SQLite connection pragmas and begin hook (no-op elsewhere)."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite would not).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # Read through the OS page cache without a copy per page: feeds touch many index pages.
        cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
        cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if _write_intent.get() else "BEGIN")


@contextmanager
def write_transaction() -> Iterator[None]:
    """Run the block as one write transaction, committed at the end.

    Any read transaction the request already holds is ended first, so the write
    starts from a fresh snapshot with the write lock taken up front. On error the
    transaction is rolled back and the exception propagates: nothing half-writes.
    """
    session = db.session()
    if session.in_transaction():
        session.commit()
    token = _write_intent.set(True)
    try:
        with session.begin():
            yield
    finally:
        _write_intent.reset(token)


def lock_rows(model, ids: Iterable[int]) -> None:
    """``SELECT … FOR UPDATE`` the given rows in id order (a no-op on SQLite)."""
    ordered = sorted(set(ids))
    if ordered and db.session.get_bind().dialect.name != "sqlite":
        db.session.execute(
            select(model.id).where(model.id.in_(ordered)).order_by(model.id).with_for_update()
        ).all()
