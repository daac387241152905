from __future__ import annotations

import codecs

import pytest

from newsfuse.errors import InputError
from newsfuse.ingest.decode import decode_bytes

TEXT = "Café owners in Zürich said “no” to the plan — again."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp1252"],
)
def test_decode_bytes_recovers_text(data: bytes) -> None:
    assert decode_bytes(data, "x.txt") == TEXT


def test_decode_bytes_latin1_fallback_keeps_letters() -> None:
    assert decode_bytes("façade \x81".encode("latin-1"), "x.txt").startswith("façade")


@pytest.mark.parametrize(
    ("data", "problem"),
    [(b"", "empty file"), (b"  \n\t ", "empty file"), (bytes(range(256)) * 4, "binary")],
)
def test_decode_bytes_rejects_unusable_input(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem) as info:
        decode_bytes(data, "bad.bin")
    assert info.value.source == "bad.bin"
