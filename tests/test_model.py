from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from newsfuse.clean import SentenceSplitter
from newsfuse.model import Article, RemovedLine, Story, make_id

texts = st.text(min_size=1, max_size=400)


@given(
    text=texts,
    title=st.none() | st.text(max_size=50),
    published=st.none() | st.datetimes(min_value=datetime(1900, 1, 1)),
)
def test_article_json_round_trip(text: str, title: str | None, published: datetime | None) -> None:
    art = SentenceSplitter()(Article.new(text, title=title, published=published))
    art = replace(art, removed=(RemovedLine("Related news", "promotion"),))
    back = Article.from_dict(json.loads(json.dumps(art.to_dict(with_raw=True))))
    assert back == art


@given(text=texts)
def test_sentence_offsets_slice_back_to_text(text: str) -> None:
    art = SentenceSplitter()(Article.new(text))
    for s in art.sentences:
        assert art.text[s.start : s.end] == s.text
        assert s.text.strip() == s.text and s.text


def test_story_id_is_stable_under_article_order() -> None:
    a, b = Article.new("one text here"), Article.new("another text")
    assert Story.of([a, b]).id == Story.of([b, a]).id


def test_make_id_ignores_case_and_spacing() -> None:
    assert make_id("A  b") == make_id("a b") != make_id("a c")
