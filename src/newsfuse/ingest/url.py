"""Fetch a URL with safe limits: http(s) only, timeout, redirect cap, size cap."""

from __future__ import annotations

import httpx

from newsfuse import settings
from newsfuse.errors import FetchError


def fetch(url: str, *, client: httpx.Client | None = None) -> tuple[bytes, str]:
    """Return the body and the final URL after redirects; raise :class:`FetchError`."""
    if not url.startswith(("http://", "https://")):
        raise FetchError(url, "only http:// and https:// URLs are fetched")
    limit = int(settings.get("max_input_bytes"))
    own = client is None
    c = client or httpx.Client(
        timeout=float(settings.get("fetch_timeout")),
        follow_redirects=True,
        max_redirects=int(settings.get("fetch_max_redirects")),
        headers={"User-Agent": "newsfuse/0.1 (+https://example.invalid/newsfuse)"},
    )
    try:
        with c.stream("GET", url) as resp:
            if resp.status_code >= 400:
                raise FetchError(url, f"HTTP {resp.status_code}")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise FetchError(url, f"response larger than {limit} bytes")
                chunks.append(chunk)
            return b"".join(chunks), str(resp.url)
    except httpx.TooManyRedirects as exc:
        raise FetchError(url, "too many redirects") from exc
    except httpx.TimeoutException as exc:
        raise FetchError(url, "timed out") from exc
    except httpx.HTTPError as exc:
        raise FetchError(url, f"fetch failed ({type(exc).__name__})") from exc
    finally:
        if own:
            c.close()
