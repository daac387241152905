from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsfuse.api import brief, load
from newsfuse.errors import StoreError
from newsfuse.store import Store
from tests.conftest import ROOT, SEEDS


def test_store_round_trips_articles_and_briefings(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    b = brief([SEEDS], words=100)
    with Store(db) as store:
        store.save_briefing(b)
    with Store(db) as store:
        assert store.count_articles() == 2
        assert store.get_briefing_dict(b.story.id) == b.to_dict()
        story = store.get_story(b.story.id)
        assert story is not None and story.articles == b.story.articles
        art = store.get_article(b.articles[0].id)
        assert art == b.articles[0]


def test_store_add_articles_is_idempotent(tmp_path: Path) -> None:
    arts = load([SEEDS]).articles
    with Store(tmp_path / "a.db") as store:
        store.add_articles(arts)
        store.add_articles(arts)
        assert store.count_articles() == 2
        assert list(store.articles()) == arts


def test_store_rejects_non_database_file(tmp_path: Path) -> None:
    p = tmp_path / "not.db"
    p.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable newsfuse database"):
        Store(p)


def test_store_refuses_newer_schema(tmp_path: Path) -> None:
    p = tmp_path / "future.db"
    Store(p).close()
    with sqlite3.connect(p) as conn:
        conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    with pytest.raises(StoreError, match="newer"):
        Store(p)


def test_store_keeps_committed_data_when_writer_is_killed(tmp_path: Path) -> None:
    """A process killed mid-way loses only its uncommitted write, never committed rows."""
    db = tmp_path / "crash.db"
    script = f"""
import os, sys
sys.path.insert(0, {str(ROOT / "src")!r})
from newsfuse.api import load
from newsfuse.store import Store
arts = load([{str(SEEDS)!r}]).articles
store = Store({str(db)!r})
store.add_articles(arts[:1])
cur = store._conn.cursor()
cur.execute("BEGIN IMMEDIATE")
cur.execute("DELETE FROM articles")
os._exit(9)  # die inside the open transaction, as a crash would
"""
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert res.returncode == 9, res.stderr
    with Store(db) as store:
        assert store.count_articles() == 1
