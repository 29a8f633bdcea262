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

A request reads without a transaction (:func:`read_without_transaction`), each
statement on its own snapshot: under PostgreSQL's READ COMMITTED that is what
a transaction would give anyway, and on either database BEGIN and ROLLBACK
cost more than a page's reads gain from sharing one snapshot. Writes still
run in one transaction each.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from weakref import WeakKeyDictionary

from flask import request
from sqlalchemy import Engine, event, select
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from app.extensions import db

# Inside write_transaction: the moment by which its write must have begun (time.monotonic()).
_write_deadline: ContextVar[float | None] = ContextVar("apiary_write_deadline", default=None)
_after_write: ContextVar[list | None] = ContextVar("apiary_after_write", default=None)
_after_write_keys: ContextVar[set | None] = ContextVar("apiary_after_write_keys", default=None)

SQLITE_BUSY_TIMEOUT_MS = 10_000
SQLITE_WRITE_POLL_MAX_S = 0.002
SQLITE_MMAP_BYTES = 2**31 - 2**16  # SQLite's usual compile-time ceiling
SQLITE_CACHE_KIB = 16_384
MAX_ID = 2**31 - 1  # ids are INTEGER columns: the most PostgreSQL's integer holds


def configure_engine(engine: Engine) -> None:
    """Install the SQLite connection pragmas and begin hook, or PostgreSQL's session settings."""
    if engine.dialect.name == "postgresql":

        @event.listens_for(engine, "connect")
        def _on_pg_connect(dbapi_connection, _record) -> None:
            # JIT compiling costs ~10 ms a query: a loss for queries that take one.
            with dbapi_connection.cursor() as cursor:
                cursor.execute("SET jit = off")
            dbapi_connection.commit()

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
        deadline = _write_deadline.get()
        if deadline is not None:
            _begin_immediate(connection, deadline)
        elif not connection.get_execution_options().get(_READS_ONLY):
            connection.exec_driver_sql("BEGIN")


def _begin_immediate(connection, deadline: float) -> None:
    """``BEGIN IMMEDIATE``, waiting for the write lock in short sleeps that let other requests run.

    SQLite's own busy handler sleeps inside C in growing steps of up to 100 ms:
    a writer whose turn came a millisecond in still sleeps out its step, and
    under gevent the whole worker (every request in it) sleeps with it. Here
    the wait is Python's ``time.sleep`` (cooperative under gevent), at most
    ``SQLITE_WRITE_POLL_MAX_S`` at a time, until ``deadline``. The last try,
    or any error other than busy, goes through SQLAlchemy, which raises it as
    its own ``OperationalError`` ("database is locked").
    """
    raw = connection.connection.driver_connection
    raw.execute("PRAGMA busy_timeout=0")
    try:
        pause = SQLITE_WRITE_POLL_MAX_S / 16
        while time.monotonic() < deadline:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if error.sqlite_errorcode & 0xFF not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                    break
            time.sleep(pause)
            pause = min(pause * 2, SQLITE_WRITE_POLL_MAX_S)
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    finally:
        raw.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")


# A connection execution option: SQLite's "begin" hook leaves out BEGIN, so each read autocommits.
_READS_ONLY = "apiary_reads_without_transaction"


def read_without_transaction() -> None:
    """``before_request``: let this request's reads run without BEGIN and ROLLBACK.

    PostgreSQL reads in its AUTOCOMMIT isolation level; on SQLite the "begin"
    hook emits no BEGIN. :func:`write_transaction` ends this (the connection
    goes back to the pool, its isolation level restored), then writes in a real
    transaction.
    """
    session = db.session()
    if request.endpoint == "static" or session.in_transaction():
        return
    if db.engine.dialect.name == "postgresql":
        options = {"isolation_level": "AUTOCOMMIT"}
    elif db.engine.dialect.name == "sqlite":
        options = {_READS_ONLY: True}
    else:
        return
    try:
        session.connection(execution_options=options)
    except SQLAlchemyError:
        session.rollback()  # unreachable, or no connection free: the request meets that where it reads


def writing() -> bool:
    """True inside :func:`write_transaction`."""
    return _write_deadline.get() is not None


def after_write(action: Callable[[], None], *, once: Hashable | None = None) -> None:
    """Run ``action`` once the write under way has committed and released every lock (SQLite's
    and this process's writer queue), so a follow-up never lengthens the write; never when it
    rolls back. With no write under way, run it now. An action given a key ``once`` that one
    already registered in the same write had is not added again."""
    pending = _after_write.get()
    if pending is None:
        action()
        return
    if once is not None:
        keys = _after_write_keys.get()
        if once in keys:
            return
        keys.add(once)
    pending.append(action)


@contextmanager
def write_transaction() -> Iterator[None]:
    """Run the block as one write transaction, committed at the end.

    Any read transaction the request already holds is ended first, so the write
    starts from a fresh snapshot with the write lock taken up front. On error the
    transaction is rolled back and the exception propagates: nothing half-writes.
    Follow-ups registered with :func:`after_write` run after the commit.
    """
    session = db.session()
    if session.in_transaction():
        session.commit()
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    pending: list[Callable[[], None]] = []
    with _writers_in_turn(session.get_bind(), deadline):
        token = _write_deadline.set(deadline)
        pending_token = _after_write.set(pending)
        keys_token = _after_write_keys.set(set())
        try:
            with session.begin():
                yield
        finally:
            _after_write_keys.reset(keys_token)
            _after_write.reset(pending_token)
            _write_deadline.reset(token)
    for action in pending:
        action()


_sqlite_writers: WeakKeyDictionary[Engine, threading.RLock] = WeakKeyDictionary()


@contextmanager
def _writers_in_turn(engine: Engine, deadline: float) -> Iterator[None]:
    """On SQLite, this process's writers queue for the write lock one at a time, in order.

    SQLite has one write lock and no queue: waiters poll, and a newcomer can
    win over a writer that has waited longer. Queued here first (a lock that is
    cooperative under gevent, first come first served), only one writer per
    process polls. The wait in the queue counts toward the write's deadline,
    as SQLite's busy timeout did. The lock is made on first use, after gevent
    has patched ``threading``. PostgreSQL writers need no queue: rows are
    locked instead.
    """
    if engine.dialect.name != "sqlite":
        yield
        return
    lock = _sqlite_writers.get(engine)
    if lock is None:
        lock = _sqlite_writers.setdefault(engine, threading.RLock())
    if not lock.acquire(timeout=max(deadline - time.monotonic(), 0)):
        raise OperationalError("BEGIN IMMEDIATE", None, sqlite3.OperationalError("database is locked"))
    try:
        yield
    finally:
        lock.release()


def lock_rows(model, ids: Iterable[int]) -> None:
    """``SELECT … FOR UPDATE`` the given rows in id order (a no-op on SQLite)."""
    ordered = sorted(set(ids))
    if ordered and db.session.get_bind().dialect.name != "sqlite":
        db.session.execute(
            select(model.id).where(model.id.in_(ordered)).order_by(model.id).with_for_update()
        ).all()
