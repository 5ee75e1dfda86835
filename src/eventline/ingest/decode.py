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
_EAST_ASIAN = {
    "cp932", "shift_jis", "shift_jis_2004", "shift_jisx0213", "euc_jp", "euc_jis_2004",
    "euc_jisx0213", "iso2022_jp", "big5", "big5hkscs", "cp950", "gb2312", "gbk", "gb18030",
    "hz", "euc_kr", "cp949", "johab", "iso2022_kr",
}  # fmt: skip
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_EAST_ASIAN_MIN_RUN = 2.0  # mean run of high bytes below which a CJK reading is implausible
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
    encoding = _western_instead(raw, best.encoding)
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise DecodeError(source, f"cannot decode as {encoding}") from exc
    return _checked(text, encoding, source=source), encoding


def _western_instead(raw: bytes, detected: str) -> str:
    """cp1252 when a multi-byte East Asian guess is implausible for these bytes.

    In Chinese, Japanese or Korean text nearly every character is two non-ASCII bytes; a short
    French or German text in Latin-1 has a few high bytes among ASCII ("Il a dit «non»"), which
    a detector may still read as Shift-JIS half-width kana or Big5. High bytes that come
    alone or in pairs (an accent, a guillemet) rather than in runs mean a single-byte Western
    encoding."""
    if detected.lower().replace("-", "_") not in _EAST_ASIAN:
        return detected
    runs = [len(run) for run in _HIGH_RUN.findall(raw)]
    if not runs or sum(runs) / len(runs) >= _EAST_ASIAN_MIN_RUN:
        return detected
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return "latin_1"
    return "cp1252"


def _checked(text: str, encoding: str, *, source: str) -> str:
    sample = text[:8192]
    controls = len(_CONTROL.findall(sample))
    if sample and controls / len(sample) > 0.01:
        raise DecodeError(source, f"binary data (control characters), not {encoding} text")
    if not text.strip():
        raise DecodeError(source, "empty input")
    return text.replace("\r\n", "\n").replace("\r", "\n")
