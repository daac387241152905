"""SQLite as the embedded store: articles, stories and briefings in one file."""

from newsfuse.store.sqlite import Store

__all__ = ["Store"]
