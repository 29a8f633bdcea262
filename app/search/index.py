"""The search index of posts, bees and hives: SQLite FTS5, or PostgreSQL full-text search.

One interface for both databases. Each kind has its own table keyed by the
row's id, holding the folded text (:mod:`app.search.folding`) of a ``name``
(weighted higher) and a ``body``. Services call :func:`index_post`,
:func:`index_bee`, :func:`index_hive` and :func:`unindex_post` inside the write
transaction that changes the row, so the index never disagrees with what it
indexes; ``flask search rebuild`` remakes it all.

Queries are lists of words only: every word of the query is folded and
matched as a prefix, all of them required. FTS syntax (quotes, ``*``,
``NEAR(``, ``OR``) is never passed through, so no query can fail.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Integer, column, text

from app.db import MAX_ID
from app.extensions import db
from app.markup import plain_text
from app.posts.models import VISIBLE_SQL
from app.search.folding import fold, words

TABLES = {"posts": "search_posts", "bees": "search_bees", "hives": "search_hives"}
# PostgreSQL's document: the name's words weighted A, the body's B.
_DOCUMENT = "setweight(to_tsvector('simple', name), 'A') || setweight(to_tsvector('simple', body), 'B')"
MAX_TERMS = 8
NAME_WEIGHT, BODY_WEIGHT = 4.0, 1.0  # SQLite's bm25 weights; PostgreSQL ranks name (A) over body (B)


def query_terms(query: str) -> list[str]:
    """The folded words a query searches for (at most :data:`MAX_TERMS`)."""
    return words(query)[:MAX_TERMS]


def _sqlite() -> bool:
    return db.session.get_bind().dialect.name == "sqlite"


def _insert(connection, table: str, rows: list[dict]) -> None:
    """Insert folded ``rows``; on PostgreSQL in one statement (arrays, unnested), replacing any."""
    if connection.dialect.name == "sqlite":
        connection.execute(text(f"INSERT INTO {table} (rowid, name, body) VALUES (:id, :name, :body)"), rows)
        return
    connection.execute(
        text(
            f"INSERT INTO {table} (id, document) SELECT id, {_DOCUMENT} FROM unnest(CAST(:ids AS integer[]), "
            "CAST(:names AS text[]), CAST(:bodies AS text[])) AS given(id, name, body) "
            "ON CONFLICT (id) DO UPDATE SET document = excluded.document"
        ),
        {
            "ids": [row["id"] for row in rows],
            "names": [row["name"] for row in rows],
            "bodies": [row["body"] for row in rows],
        },
    )


def _write(connection, kind: str, rows: list[dict]) -> None:
    """Index ``rows`` (``id``, ``name``, ``body``, already folded), replacing what was there."""
    table = TABLES[kind]
    if not rows:
        return
    if connection.dialect.name == "sqlite":  # FTS5 has no upsert
        connection.execute(
            text(f"DELETE FROM {table} WHERE rowid = :id"), [{"id": row["id"]} for row in rows]
        )
    _insert(connection, table, rows)


def _folded(name: str, body: str) -> tuple[str, str]:
    return fold(name), fold(body)


def _put(kind: str, ref_id: int, document: tuple[str, str]) -> None:
    name, body = document
    _write(db.session.connection(), kind, [{"id": ref_id, "name": name, "body": body}])


def _remove(kind: str, ref_id: int) -> None:
    key = "rowid" if _sqlite() else "id"
    db.session.execute(text(f"DELETE FROM {TABLES[kind]} WHERE {key} = :id"), {"id": ref_id})


def post_text(title: str | None, body_html: str) -> tuple[str, str]:
    """What search reads of a post: its title, and all the text of its body."""
    return title or "", plain_text(body_html)


def post_document(title: str | None, body_html: str) -> tuple[str, str]:
    """A post's title and text, folded: made before its write begins, so the write stays short."""
    return _folded(*post_text(title, body_html))


def index_post(post_id: int, document: tuple[str, str]) -> None:
    """Index (or re-index) a post by its :func:`post_document`."""
    _put("posts", post_id, document)


def unindex_post(post_id: int) -> None:
    """Take a deleted post out of search."""
    _remove("posts", post_id)


def bee_text(display_name: str, handle: str, headline: str | None) -> tuple[str, str]:
    """What search reads of a bee: the name and handle, then the headline."""
    return f"{display_name} {handle}", headline or ""


def index_bee(bee) -> None:
    """Index a bee's name, handle and headline."""
    _put("bees", bee.id, _folded(*bee_text(bee.display_name, bee.handle, bee.headline)))


def unindex_bee(bee_id: int) -> None:
    """Take a deleted account out of search."""
    _remove("bees", bee_id)


def hive_text(name: str, description: str | None, tags: Iterable[str]) -> tuple[str, str]:
    """What search reads of a hive: the name, then the description and tags."""
    return name, " ".join([description or "", *tags])


def index_hive(hive, tags: Iterable[str] = ()) -> None:
    """Index a hive's name, description and tags."""
    _put("hives", hive.id, _folded(*hive_text(hive.name, hive.description, tags)))


REINDEX_BATCH = 2_000


def _once(seen: dict, make, *key):
    """``make(*key)``, remembered for the first 4,096 keys: posts that share their text (a
    network built from a corpus, like the benchmark's) are folded once."""
    if key in seen:
        return seen[key]
    made = make(*key)
    if len(seen) < 4_096:
        seen[key] = made
    return made


def reindex_all(connection, *, bulk: bool = False) -> dict[str, int]:
    """Empty the index and index every visible post, bee and hive again, in batches.

    Runs on a plain connection (the migration that made the index, ``flask
    search rebuild``, the benchmark's generator); returns how many of each.
    ``bulk`` (for a database nobody else is using yet) rebuilds PostgreSQL's
    GIN indexes once at the end instead of row by row; on a live database it
    would lock out publishing until the rebuild commits.
    """
    postgresql = bulk and connection.dialect.name == "postgresql"
    for table in TABLES.values():
        connection.execute(text(f"DELETE FROM {table}"))
        if postgresql:  # one GIN build at the end is far cheaper than a million GIN inserts
            connection.execute(text(f"DROP INDEX IF EXISTS {_gin_index(table)}"))
    tags: dict[int, list[str]] = {}
    seen: dict = {}
    for hive_id, tag in connection.execute(text("SELECT hive_id, tag FROM hive_tags ORDER BY tag")):
        tags.setdefault(hive_id, []).append(tag)
    sources = {
        "posts": (
            f"SELECT id, title, body_html FROM posts WHERE {VISIBLE_SQL} AND id > :after "
            "ORDER BY id LIMIT :n",
            lambda row: _once(seen, post_document, row.title, row.body_html),
        ),
        "bees": (
            "SELECT id, display_name, handle, headline FROM bees WHERE id > :after ORDER BY id LIMIT :n",
            lambda row: _folded(*bee_text(row.display_name, row.handle, row.headline)),
        ),
        "hives": (
            "SELECT id, name, description FROM hives WHERE id > :after ORDER BY id LIMIT :n",
            lambda row: _folded(*hive_text(row.name, row.description, tags.get(row.id, ()))),
        ),
    }
    counts = {}
    for kind, (sql, document_of) in sources.items():
        counts[kind], after = 0, 0
        while rows := connection.execute(text(sql), {"after": after, "n": REINDEX_BATCH}).all():
            batch = []
            for row in rows:
                name, body = document_of(row)
                batch.append({"id": row.id, "name": name, "body": body})
            _insert(connection, TABLES[kind], batch)
            counts[kind] += len(rows)
            after = rows[-1].id
    if postgresql:
        for table in TABLES.values():
            connection.execute(text(f"CREATE INDEX {_gin_index(table)} ON {table} USING gin (document)"))
    return counts


def _gin_index(table: str) -> str:
    """The name migration 0005 gave the table's GIN index."""
    return f"ix_{table}_document"


@dataclass(frozen=True)
class Hits:
    """One page of matching ids, in order, and the cursor of the next page (or None)."""

    ids: list[int]
    next_cursor: str | None


def _match(terms: list[str]) -> str:
    # Each term is letters and digits only (see folding), quoted as an FTS5 string, as a prefix.
    return " ".join(f'"{term}"*' for term in terms)


def _tsquery(terms: list[str]) -> str:
    return " & ".join(f"{term}:*" for term in terms)


def matching(kind: str, terms: list[str]):
    """A subquery of the ids (column ``id``) of every bee or hive matching every term, uncapped:
    to join against, where a page's filters come after the match."""
    table = TABLES[kind]
    if _sqlite():
        sql, query = f"SELECT rowid AS id FROM {table} WHERE {table} MATCH :terms", _match(terms)
    else:
        sql, query = f"SELECT id FROM {table} WHERE document @@ to_tsquery('simple', :terms)", _tsquery(terms)
    return text(sql).bindparams(terms=query).columns(column("id", Integer)).subquery()


# What a viewer may find: no post in a private hive they are outside of, and none by a bee on
# either side of a block with them (the same rules as app.policy.can_see_post).
_SEEN_BY_VIEWER = (
    "AND (posts.private_hive_id IS NULL OR posts.private_hive_id IN "
    "(SELECT hive_id FROM memberships WHERE bee_id = :viewer_id AND state = 'active')) "
    "AND posts.author_id NOT IN (SELECT blocked_id FROM blocks WHERE blocker_id = :viewer_id "
    "UNION SELECT blocker_id FROM blocks WHERE blocked_id = :viewer_id) "
)
_NEWEST_POSTS_SQLITE = (
    "SELECT s.rowid FROM search_posts AS s JOIN posts ON posts.id = s.rowid "
    f"WHERE search_posts MATCH :query AND s.rowid < :before AND posts.{VISIBLE_SQL} "
    f"{_SEEN_BY_VIEWER}ORDER BY s.rowid DESC LIMIT :limit"
)
_NEWEST_POSTS_POSTGRESQL = (
    "SELECT s.id FROM search_posts AS s JOIN posts ON posts.id = s.id "
    "WHERE s.document @@ to_tsquery('simple', :query) AND s.id < :before "
    f"AND posts.{VISIBLE_SQL} {_SEEN_BY_VIEWER}ORDER BY s.id DESC LIMIT :limit"
)


def newest_posts(terms: list[str], before: int | None, limit: int, *, viewer_id: int = 0) -> Hits:
    """Ids of posts ``viewer_id`` (0: anonymous) may see matching every term, newest first,
    older than ``before``."""
    params = {"before": before or MAX_ID + 1, "limit": limit + 1, "viewer_id": viewer_id}
    if _sqlite():
        sql, params["query"] = _NEWEST_POSTS_SQLITE, _match(terms)
    else:
        sql, params["query"] = _NEWEST_POSTS_POSTGRESQL, _tsquery(terms)
    ids = list(db.session.scalars(text(sql), params))
    more = len(ids) > limit
    return Hits(ids[:limit], str(ids[limit - 1]) if more else None)


def best_matches(kind: str, terms: list[str], after: tuple[float, int] | None, limit: int) -> Hits:
    """Ids of bees or hives matching every term, best first (ties by id), after the cursor."""
    table = TABLES[kind]
    if _sqlite():
        scored = (
            f"SELECT rowid AS id, bm25({table}, {NAME_WEIGHT}, {BODY_WEIGHT}) AS score "
            f"FROM {table} WHERE {table} MATCH :query"
        )
        query = _match(terms)
    else:
        # In double precision: a real (float4) score read back into Python is rounded in its
        # text form, and would no longer equal itself when the next page's cursor compares it.
        scored = (
            "SELECT id, -CAST(ts_rank(document, to_tsquery('simple', :query)) AS double precision) AS score "
            f"FROM {table} WHERE document @@ to_tsquery('simple', :query)"
        )
        query = _tsquery(terms)
    params = {"query": query, "limit": limit + 1}
    where = ""
    if after is not None:
        where = "WHERE score > :score OR (score = :score AND id > :id)"
        params.update(score=after[0], id=after[1])
    sql = f"SELECT id, score FROM ({scored}) AS scored {where} ORDER BY score, id LIMIT :limit"
    rows = db.session.execute(text(sql), params).all()
    more = len(rows) > limit
    last = rows[limit - 1] if more else None
    return Hits([row.id for row in rows[:limit]], f"{last.score!r}:{last.id}" if last else None)


def include_in_schema_comparison(_object, name, type_, _reflected, _compare_to) -> bool:
    """Alembic's ``include_object``: the search tables live outside the models (migration 0005
    makes them by hand, FTS5 virtual tables on SQLite), so comparisons leave them out."""
    return not (type_ == "table" and name.startswith("search_"))
