"""The FastAPI app: JSON API under ``/api``, HTML pages rendered from the same JSON.

Why one data path: the HTML views call the same functions as the JSON endpoints and render
their output, so what a person sees is exactly what a program gets (Datasette's habit).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field

from newsfuse.api import brief_articles, prepare
from newsfuse.errors import NewsfuseError
from newsfuse.ingest.readers import article_from_record
from newsfuse.model import Article
from newsfuse.store import Store

HERE = Path(__file__).parent
MAX_ARTICLES = 200


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, max_length=2_000_000)
    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None


class BriefRequest(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES)
    words: int = Field(default=250, ge=10, le=5000)


def create_app(store: Store) -> FastAPI:
    """Build the app around an open :class:`Store`.

    Examples
    --------
    >>> app = create_app(Store(":memory:"))
    >>> sorted(r.path for r in app.routes if r.path.startswith("/api"))[:2]
    ['/api/brief', '/api/briefings']
    """
    app = FastAPI(title="newsfuse", version="0.1.0")
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def briefing_or_404(story_id: str) -> dict[str, Any]:
        data = store.get_briefing_dict(story_id)
        if data is None:
            raise HTTPException(status_code=404, detail=f"no briefing {story_id!r}")
        return data

    @app.get("/api/health")
    def health() -> dict[str, Any]:
        return {"ok": True, "articles": store.count_articles()}

    @app.get("/api/briefings")
    def list_briefings(limit: int = 50, offset: int = 0) -> dict[str, Any]:
        limit = max(1, min(limit, 500))
        return {"briefings": store.list_briefings(limit=limit, offset=max(0, offset))}

    @app.get("/api/briefings/{story_id}")
    def get_briefing(story_id: str) -> dict[str, Any]:
        return briefing_or_404(story_id)

    @app.post("/api/brief")
    def post_brief(req: BriefRequest) -> dict[str, Any]:
        """Brief the posted articles as one story, store it, return its JSON."""
        arts: list[Article] = []
        problems: list[str] = []
        for i, item in enumerate(req.articles):
            try:
                arts.extend(article_from_record(item.model_dump(), f"articles[{i}]"))
            except NewsfuseError as err:
                problems.append(str(err))
        prepared = prepare(arts)
        problems.extend(str(p) for p in prepared.problems)
        if not prepared.articles:
            raise HTTPException(status_code=422, detail={"problems": problems})
        briefing = brief_articles(prepared.articles, words=req.words)
        store.save_briefing(briefing)
        return {**briefing.to_dict(), "problems": problems}

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(
            request, "index.html", {"briefings": list_briefings()["briefings"]}
        )

    @app.get("/briefings/{story_id}", response_class=HTMLResponse)
    def briefing_page(request: Request, story_id: str) -> HTMLResponse:
        return templates.TemplateResponse(request, "briefing.html", {"b": get_briefing(story_id)})

    return app
