"""Bytes to text without crashing: BOMs, UTF-8, then cp1252, then latin-1.

Why not chardet: news files are overwhelmingly UTF-8 or Windows-1252, and guessing
detectors mislabel short texts. Real binaries (NUL bytes, control characters) are refused.
"""

from __future__ import annotations

import codecs

from newsfuse.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


def decode_bytes(data: bytes, source: str) -> str:
    """Decode ``data`` read from ``source``; raise :class:`InputError` if it is not text.

    Examples
    --------
    >>> decode_bytes("café".encode("cp1252"), "a.txt")
    'café'
    >>> decode_bytes(b"\\xff\\xfeh\\x00i\\x00", "b.txt")
    'hi'
    """
    if not data.strip():
        raise InputError(source, "empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(source, f"invalid {enc} text after byte-order mark") from exc
    sample = data[:4096]
    if b"\x00" in sample or sum(b in _CONTROL for b in sample) > len(sample) * 0.05:
        raise InputError(source, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")
