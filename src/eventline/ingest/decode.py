"""Bytes to text. We decode ourselves, before any parser sees the input, so that one rule
decides the encoding for every format and a failure names the file."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from eventline.errors import DecodeError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that never occur in text (tab, newline, carriage return, form feed do).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def decode(raw: bytes, *, source: str) -> tuple[str, str]:
    """Return (text, encoding). BOMs win; then strict UTF-8; then charset detection.

    Binary data is refused rather than decoded into mojibake."""
    if not raw.strip():
        raise DecodeError(source, "empty input")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return _checked(raw.decode(encoding), encoding, source=source), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError(source, f"invalid {encoding} after its byte-order mark") from exc
    if b"\x00" in raw[:4096]:
        raise DecodeError(source, "binary data (NUL bytes), not text")
    try:
        return _checked(raw.decode("utf-8"), "utf-8", source=source), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw[: 1 << 20]).best()
    if best is None or best.encoding is None:
        raise DecodeError(source, "not text in any encoding we recognise")
    try:
        text = raw.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise DecodeError(source, f"cannot decode as {best.encoding}") from exc
    return _checked(text, best.encoding, source=source), best.encoding


def _checked(text: str, encoding: str, *, source: str) -> str:
    sample = text[:8192]
    controls = len(_CONTROL.findall(sample))
    if sample and controls / len(sample) > 0.01:
        raise DecodeError(source, f"binary data (control characters), not {encoding} text")
    if not text.strip():
        raise DecodeError(source, "empty input")
    return text.replace("\r\n", "\n").replace("\r", "\n")
