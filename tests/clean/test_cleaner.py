from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.api import load
from newsfuse.clean import Cleaner
from newsfuse.errors import InputError
from newsfuse.model import Article

BODY = (
    "Flooding closed dozens of roads across the county on Sunday as the river rose to a record. "
    "Emergency crews rescued 14 people from cars stranded in the water, the fire chief said. "
    "Forecasters expect the river to crest on Tuesday before it slowly begins to fall."
)


def clean(raw: str) -> Article:
    return Cleaner()(Article.new(raw))


@pytest.mark.parametrize(
    "noise",
    [
        "More news: Celebrity chef opens a third restaurant downtown",
        "Related news",
        "Read more: how to prepare for the flood season",
        "[an error occurred while processing the directive]",
        "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet "
        "Archive. Flowing in every day, these data are added to the Wayback Machine.",
        "Story Continued Below",
        "Sign up for our newsletter",
        "Rescuers carry a resident from a flooded street (AP Photo/Jane Roe)",
        "Share on Facebook",
        "Rating is available when the video has been rented.",
        "This feature is not available right now. Please try again later.",
        "JUST WATCHED Storm footage Replay More Videos ... MUST WATCH Storm footage 02:18",
        "For more from Ana, follow her on Twitter @ana_reports.",
        "(Reporting by Jo Park; Editing by Sam Hill)",
        "Hide Caption 5 of 23 Photos: Residents wade through the flooded main street on Sunday.",
        "FILE - In this March 3, 2019, file photo, the river overflows near the county bridge.",
        "Embed Flood waters reach the old town 1:04 autoplay autoplay Copy this code to your "
        "website or blog",
    ],
)
def test_cleaner_drops_boilerplate_family(noise: str) -> None:
    art = clean(f"{BODY}\n\n{noise}\n\n{BODY.replace('Sunday', 'Monday')}")
    assert noise not in art.text
    assert any(r.text == noise for r in art.removed)


def test_cleaner_never_takes_video_player_text_as_the_title() -> None:
    player = "Embed River hits record 0:58 autoplay autoplay Copy this code to your website"
    art = clean(f"Play Facebook\n\n{player}\n\n{BODY}")
    assert art.title is None or "autoplay" not in art.title
    assert any(r.text == player and r.reason == "media player text" for r in art.removed)


def test_cleaner_keeps_repeated_headline_once_as_title() -> None:
    head = "River hits record as county floods"
    art = clean(f"{head}\n\n{head}\n\n{head}\n\n{BODY}")
    assert art.title == head and head not in art.text
    assert [r.reason for r in art.removed].count("repeated line") == 2


def test_cleaner_takes_labelled_date_not_page_header_date() -> None:
    header = "Monday March 3, 2025\n\nRiver floods\n\nPosted: 12 Feb 2019, 08:10\n\nBy Ann Lee"
    raw = f"{header}\n\n{BODY}"
    art = clean(raw)
    assert art.published is not None and art.published.date().isoformat() == "2019-02-12"
    assert art.byline == "By Ann Lee"
    assert "March 3, 2025" not in art.text


def test_cleaner_outlet_from_agency_dateline() -> None:
    art = clean(f"LONDON (Reuters) - {BODY}")
    assert art.outlet == "Reuters"


def test_cleaner_rejects_article_with_no_text_left() -> None:
    with pytest.raises(InputError, match="after cleaning"):
        clean("Related news\n\nShare on Twitter\n\nSubscribe now")


def test_cleaner_rejects_bad_parameter() -> None:
    with pytest.raises(ValueError, match="min_words"):
        Cleaner(min_words=0)


def test_seed_briefing_inputs_are_clean(seeds_dir: Path) -> None:
    arts = load([seeds_dir]).articles
    assert len(arts) == 2
    for art in arts:
        for bad in ("More news", "Related news", "an error occurred", "Hamas"):
            assert bad not in art.text
    noisy = next(a for a in arts if a.source.endswith("004_4cef146e0d325b71.txt"))
    assert noisy.title == "Trump on Putin meeting - it wasn't all rosy"
    assert noisy.title not in noisy.text
    first = next(a for a in arts if a.source.endswith("000_30b58145e12fbd7b.txt"))
    assert first.published is not None and first.published.date().isoformat() == "2018-07-20"


def test_cleaner_keeps_party_tag_sentence() -> None:
    line = "Virginia Gov. Robert F. McDonnell (R) authorized local officials to order evacuations."
    assert line in clean(f"{BODY}\n\n{line}").text


def test_cleaner_keeps_sentence_mentioning_privacy_policy() -> None:
    line = "The new privacy policy for the TVs allows the company and partners to listen in."
    assert line in clean(f"{BODY}\n\n{line}").text


def test_cleaner_rejoins_hard_wrapped_lines() -> None:
    wrapped = (
        "The memo was provided to the Committee in\n"
        "connection with its oversight work and\nwas released on Friday."
    )
    art = clean(f"{BODY}\n\n{wrapped}")
    assert wrapped.replace("\n", " ") in art.text


@pytest.mark.parametrize("line", ["10:20 p.m.", "9:15 a.m.", "4. Mark Fields", "Theresa May"])
def test_cleaner_drops_timestamps_and_list_fragments(line: str) -> None:
    art = clean(f"{BODY}\n\n{line}\n\n{BODY.replace('Sunday', 'Friday')}")
    assert all(p != line for p in art.text.split("\n\n"))
    assert all(r.reason != "page-header date (not the publish date)" for r in art.removed)


@pytest.mark.parametrize(
    "caption",
    [
        "Relatives react in Jakarta (MANAN VATSYAYANA/AFP/Getty Images)",
        "Leaders meet in Helsinki. File Photo Xinhua/Lehtikuva/Heikki Saukkomaa.",
        "The mayor (center) cuts the ribbon at the new station",
    ],
)
def test_cleaner_drops_photo_captions(caption: str) -> None:
    art = clean(f"{BODY}\n\n{caption}")
    assert caption not in art.text
    assert any(r.reason == "photo caption" for r in art.removed)


def test_cleaner_keeps_sentence_with_and_or_slashes() -> None:
    line = "Officials said the he/she/they policy applies to all forms issued by the county."
    assert line in clean(f"{BODY}\n\n{line}").text


def test_cleaner_strips_wire_credit_tail_but_keeps_sentence() -> None:
    line = (
        '"We will rebuild," said Mayor Ann Ortiz. Crews began work on Monday. '
        "(Additional reporting by Li Wei; Editing by Tom Hay) ((ann.ortiz@example.com; +1 555))"
    )
    art = clean(f"{BODY}\n\n{line}")
    assert '"We will rebuild," said Mayor Ann Ortiz. Crews began work on Monday.' in art.text
    assert "Editing by" not in art.text and "example.com" not in art.text
    assert any(r.reason == "wire credit" for r in art.removed)
