"""``newsfuse serve``: the web UI and HTTP API over a SQLite file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: Annotated[Path, typer.Option("--db", help="SQLite file (created if missing).")] = Path(
            "newsfuse.db"
        ),
        host: Annotated[str, typer.Option(help="Bind address; loopback unless told.")] = (
            "127.0.0.1"
        ),
        port: Annotated[int, typer.Option(min=0, max=65535, help="TCP port (0: any free).")] = 8000,
    ) -> None:
        """Serve briefings from DB: HTML at /, JSON at /api.

        Example: newsfuse serve --db news.db --port 8000
        """
        import uvicorn

        from newsfuse.serve import create_app
        from newsfuse.store import Store

        uvicorn.run(create_app(Store(db)), host=host, port=port, log_level="warning")
