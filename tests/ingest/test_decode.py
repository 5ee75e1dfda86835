from __future__ import annotations

import codecs

import pytest

from eventline.errors import DecodeError
from eventline.ingest.decode import decode

RUSSIAN = "Министр иностранных дел России заявил в понедельник, что переговоры продолжатся."


def test_utf8_is_read_as_utf8() -> None:
    assert decode("Kyiv – Kiev".encode(), source="a.txt") == ("Kyiv – Kiev", "utf-8")


def test_cp1251_is_detected() -> None:
    text, encoding = decode((RUSSIAN * 3).encode("cp1251"), source="ru.txt")
    assert text == RUSSIAN * 3
    assert encoding.replace("_", "").lower() in {"cp1251", "windows1251"}


def test_latin1_is_decoded_without_mojibake() -> None:
    original = "Le ministre a déclaré à Genève que la réunion était prévue en décembre."
    text, _ = decode(original.encode("latin-1"), source="fr.txt")
    assert text == original


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_byte_order_marks_win(codec: str) -> None:
    original = "Ankara hosted the talks on Friday."
    raw = original.encode(codec)
    if codec == "utf-16-be":
        raw = codecs.BOM_UTF16_BE + raw
    assert decode(raw, source="bom.txt")[0] == original


def test_utf8_bom_is_dropped() -> None:
    assert decode(codecs.BOM_UTF8 + b"Tehran", source="x")[0] == "Tehran"


def test_crlf_becomes_lf() -> None:
    assert decode(b"one\r\ntwo\rthree", source="x")[0] == "one\ntwo\nthree"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_refuses_empty_and_binary(raw: bytes, reason: str) -> None:
    with pytest.raises(DecodeError) as caught:
        decode(raw, source="bad.bin")
    assert caught.value.source == "bad.bin"
    assert reason in caught.value.reason


@pytest.mark.parametrize(
    "original",
    ["Le ministre a dit «non» au projet.", "«Nein», sagte er.", "Él dijo «sí».", "Il a « oui »."],
)
def test_short_latin1_with_guillemets_is_not_read_as_east_asian(original: str) -> None:
    assert decode(original.encode("latin-1"), source="short.txt")[0] == original


@pytest.mark.parametrize(
    ("original", "codec"),
    [
        ("東京で首脳会談が開かれ、両国は協力の強化で合意した。" * 3, "shift_jis"),
        ("两国外长在北京举行会谈，同意加强合作。" * 3, "gb18030"),
    ],
)
def test_east_asian_encodings_are_still_detected(original: str, codec: str) -> None:
    assert decode(original.encode(codec), source="cjk.txt")[0] == original
