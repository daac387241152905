"""The HTTP API and web UI on a real uvicorn server bound to 127.0.0.1."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import SEEDS

ARTICLES = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def test_api_brief_stores_and_serves_briefing(base_url: str) -> None:
    resp = httpx.post(
        f"{base_url}/api/brief",
        json={"articles": [{"text": t} for t in ARTICLES], "words": 120},
        timeout=120,
    )
    assert resp.status_code == 200, resp.text
    data = resp.json()
    assert len(" ".join(s["text"] for s in data["summary"]).split()) <= 120
    listed = httpx.get(f"{base_url}/api/briefings").json()["briefings"]
    assert data["story_id"] in [b["story_id"] for b in listed]
    twin = httpx.get(f"{base_url}/api/briefings/{data['story_id']}").json()
    assert twin["summary"] == data["summary"]
    page = httpx.get(f"{base_url}/briefings/{data['story_id']}")
    assert page.status_code == 200 and data["summary"][0]["text"][:40] in page.text


def test_api_brief_rejects_unusable_articles_with_problems(base_url: str) -> None:
    resp = httpx.post(f"{base_url}/api/brief", json={"articles": [{"text": "Related news"}]})
    assert resp.status_code == 422
    assert "after cleaning" in str(resp.json()["detail"]["problems"])


@pytest.mark.parametrize(
    "body", [{}, {"articles": []}, {"articles": [{"text": ""}]}, {"articles": "x"}]
)
def test_api_brief_validates_request(base_url: str, body: dict[str, object]) -> None:
    assert httpx.post(f"{base_url}/api/brief", json=body).status_code == 422


def test_unknown_briefing_is_404(base_url: str) -> None:
    assert httpx.get(f"{base_url}/api/briefings/nope").status_code == 404
    assert httpx.get(f"{base_url}/briefings/nope").status_code == 404
