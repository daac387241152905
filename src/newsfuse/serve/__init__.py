"""HTTP API and web UI over the SQLite store; every HTML page has a JSON twin."""

from newsfuse.serve.app import create_app

__all__ = ["create_app"]
