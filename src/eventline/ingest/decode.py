"""Bytes to text. We decode ourselves, before any parser sees the input, so that one rule
decides the encoding for every format and a failure names the file.

The order is the one browsers follow, with a maintained detector (charset_normalizer) where
they would guess: a byte-order mark; strict UTF-8; the charset a page declares (<meta
charset>, an http-equiv Content-Type, an XML declaration), read under the WHATWG label rules
(a page labelled ISO-8859-1 is windows-1252, GB2312 is GB18030, Shift_JIS is windows-31J);
then the detector. Real pages are often *almost* in their encoding: a headline cut in the
middle of a two-byte character, one windows-1252 dash in a UTF-8 template. A strict decoder
refused such a page whole (most often Chinese and Japanese news); now the encoding that
reads all but a few bytes is used, with U+FFFD for the bytes it cannot read. Binary data is
still refused rather than decoded into mojibake.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from itertools import pairwise

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
# WHATWG Encoding Standard: labels a page may declare that name a superset in practice.
_WHATWG = {
    "ascii": "cp1252", "latin_1": "cp1252", "iso8859_1": "cp1252", "iso8859_9": "cp1254",
    "iso8859_11": "cp874", "tis_620": "cp874", "gb2312": "gb18030", "gbk": "gb18030",
    "big5": "big5hkscs", "cp950": "big5hkscs", "shift_jis": "cp932", "euc_kr": "cp949",
    "ks_c_5601_1987": "cp949", "utf_16": "utf-8", "utf_16_le": "utf-8", "utf_16_be": "utf-8",
}  # fmt: skip
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:\-]+)""",
    re.IGNORECASE,
)
_DECLARED_WITHIN = 4096  # bytes: where browsers look for the <meta> declaration (1,024+)
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_EAST_ASIAN_MIN_RUN = 2.0  # mean run of high bytes below which a CJK reading is implausible
# Control characters that never occur in text (tab, newline, carriage return, form feed do).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_MAX_UNREADABLE = 0.05  # share of non-ASCII characters an encoding may leave as U+FFFD
_DETECT_BYTES = 1 << 20
_PARTS = 8  # slices read by the detector when it reads no encoding in the whole input
_MIN_PART = 256
_ASCII = re.compile(rb"[\x00-\x7f]")


def decode(raw: bytes, *, source: str) -> tuple[str, str]:
    """Return (text, encoding). BOMs win; then strict UTF-8; then the declared charset, then
    charset detection; an encoding that reads all but a few bytes beats a refusal."""
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
    declared = declared_encoding(raw)
    if declared is not None:
        try:
            return _checked(raw.decode(declared), declared, source=source), declared
        except UnicodeDecodeError:
            pass
    detected = _detected(raw)
    for encoding in dict.fromkeys(e for e in (declared, "utf-8", detected) if e is not None):
        text = _mostly(raw, encoding)
        if text is not None:
            return _checked(text, encoding, source=source), encoding
    raise DecodeError(source, "not text in any encoding we recognise")


def declared_encoding(raw: bytes) -> str | None:
    """The Python codec of the charset the page declares in its first bytes, under the WHATWG
    label rules; None when it declares none or one Python does not know."""
    found = _DECLARED.search(raw[:_DECLARED_WITHIN])
    if found is None:
        return None
    label = (found.group(1) or found.group(2)).decode("ascii").strip().lower()
    return _codec(label)


def _codec(label: str) -> str | None:
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _WHATWG.get(name.replace("-", "_"), name)


def _detected(raw: bytes) -> str | None:
    """The detector's reading of the whole input; when it reads none (a few bytes that fit no
    encoding make every codec fail), the encoding it reads in most of the input's parts."""
    best = from_bytes(raw[:_DETECT_BYTES]).best()
    if best is not None and best.encoding is not None:
        return _western_instead(raw, best.encoding)
    votes: Counter[str] = Counter()
    for part in _parts(raw[:_DETECT_BYTES]):
        if not _HIGH_RUN.search(part):
            continue
        guess = from_bytes(part).best()
        if guess is not None and guess.encoding is not None:
            votes[guess.encoding] += len(part)
    if not votes:
        return None
    return _western_instead(raw, votes.most_common(1)[0][0])


def _parts(raw: bytes) -> list[bytes]:
    """`raw` in up to `_PARTS` slices cut at ASCII bytes, so that no slice starts in the
    middle of a multi-byte character."""
    size = max(_MIN_PART, len(raw) // _PARTS)
    cuts = [0]
    while cuts[-1] + size < len(raw):
        ascii_at = _ASCII.search(raw, cuts[-1] + size)
        if ascii_at is None:
            break
        cuts.append(ascii_at.start())
    cuts.append(len(raw))
    return [raw[a:b] for a, b in pairwise(cuts) if b > a]


def _mostly(raw: bytes, encoding: str) -> str | None:
    """`raw` read as `encoding` with U+FFFD for the bytes it cannot read, when those are few
    among the non-ASCII characters it reads; else None (the wrong encoding)."""
    try:
        text = raw.decode(encoding, errors="replace")
    except LookupError:
        return None
    unreadable = text.count("\ufffd")
    if not unreadable:
        return text
    readable = sum(1 for ch in text if ord(ch) > 127) - unreadable
    return text if unreadable <= _MAX_UNREADABLE * max(readable, 1) else None


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
