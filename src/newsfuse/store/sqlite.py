"""A SQLite store for articles and briefings that survives crashes.

Why SQLite: one file a journalist can copy, query with any tool, and serve with
``newsfuse serve``. WAL journaling and one transaction per write mean a crash loses at
most the write in flight, never what was committed. Rows keep the model's JSON form
(``to_dict``), plus a few columns for querying, so the store never drifts from the model.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsfuse.errors import StoreError
from newsfuse.model import Article, Briefing, Story

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    url TEXT, outlet TEXT, title TEXT, published TEXT,
    added TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS briefings (
    story_id TEXT PRIMARY KEY,
    title TEXT,
    n_articles INTEGER NOT NULL,
    updated TEXT NOT NULL,
    story TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS briefings_updated ON briefings(updated);
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _article_row(a: Article) -> tuple[str | None, ...]:
    published = a.published.isoformat() if a.published else None
    data = json.dumps(a.to_dict(with_raw=True), ensure_ascii=False)
    return (a.id, a.url, a.outlet, a.title, published, _now(), data)


class Store:
    """Open (and create or migrate) a newsfuse SQLite file.

    Parameters
    ----------
    path : str or Path
        The database file; ``":memory:"`` for a throwaway store.

    Examples
    --------
    >>> import newsfuse
    >>> store = Store(":memory:")
    >>> b = newsfuse.brief(["examples/seeds"], words=80)
    >>> store.save_briefing(b)
    >>> [row["title"] for row in store.list_briefings()] == [b.title]
    True
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self._conn = sqlite3.connect(self.path, check_same_thread=False, timeout=10)
            self._conn.row_factory = sqlite3.Row
            if self.path != ":memory:":
                self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.executescript(_SCHEMA)
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable newsfuse database ({exc})") from exc

    def _migrate(self) -> None:
        row = self._conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {version} is newer than this newsfuse "
                f"({SCHEMA_VERSION}); upgrade newsfuse"
            )
        with self._tx() as cur:
            cur.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Cursor]:
        cur = self._conn.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
            yield cur
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        finally:
            cur.close()

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Articles ---------------------------------------------------------------------------
    def add_articles(self, articles: Iterable[Article]) -> int:
        """Insert or update articles in one transaction; returns how many were written."""
        rows = [_article_row(a) for a in articles]
        with self._tx() as cur:
            cur.executemany("INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?)", rows)
        return len(rows)

    def get_article(self, article_id: str) -> Article | None:
        row = self._conn.execute("SELECT data FROM articles WHERE id=?", (article_id,)).fetchone()
        return Article.from_dict(json.loads(row["data"])) if row else None

    def articles(self) -> Iterator[Article]:
        for row in self._conn.execute("SELECT data FROM articles ORDER BY added, id"):
            yield Article.from_dict(json.loads(row["data"]))

    def count_articles(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    # Briefings --------------------------------------------------------------------------
    def save_briefing(self, briefing: Briefing) -> None:
        """Store a briefing with its story's articles, atomically."""
        story = briefing.story
        with self._tx() as cur:
            cur.executemany(
                "INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?)",
                [_article_row(a) for a in story.articles],
            )
            cur.execute(
                "INSERT OR REPLACE INTO briefings VALUES (?,?,?,?,?,?)",
                (
                    story.id,
                    briefing.title,
                    len(story.articles),
                    _now(),
                    json.dumps(story.to_dict(with_raw=True), ensure_ascii=False),
                    json.dumps(briefing.to_dict(), ensure_ascii=False),
                ),
            )

    def list_briefings(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Briefing headers, newest first: story_id, title, n_articles, updated."""
        cur = self._conn.execute(
            "SELECT story_id, title, n_articles, updated FROM briefings "
            "ORDER BY updated DESC, n_articles DESC, story_id LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [dict(r) for r in cur]

    def get_briefing_dict(self, story_id: str) -> dict[str, Any] | None:
        """The stored JSON form of a briefing (as ``Briefing.to_dict``)."""
        row = self._conn.execute(
            "SELECT data FROM briefings WHERE story_id=?", (story_id,)
        ).fetchone()
        return dict(json.loads(row["data"])) if row else None

    def get_story(self, story_id: str) -> Story | None:
        row = self._conn.execute(
            "SELECT story FROM briefings WHERE story_id=?", (story_id,)
        ).fetchone()
        return Story.from_dict(json.loads(row["story"])) if row else None
