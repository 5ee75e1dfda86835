"""Every kind of bad input gets one clear reason naming the file; the batch goes on and
what was stored before stays as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventline.pipeline import ingest, plan_sources
from eventline.settings import Settings
from eventline.store import Store

GOOD = "Ministers meet in Ankara\n\nANKARA, March 3 - Foreign ministers met on Monday to talk.\n"


def run(store: Store, settings: Settings, *paths: Path) -> tuple[dict[str, str], int]:
    sources, rejected = plan_sources([str(p) for p in paths])
    report = ingest(store, sources, settings=settings)
    reasons = {Path(r.source_path).name: r.reason for r in [*rejected, *report.rejected]}
    return reasons, report.stored


def snapshot(store: Store) -> list[tuple[str, str]]:
    return [(a.id, a.body) for a in store.iter_articles()]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("blob.bin", b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50, "binary"),
        ("empty.txt", b"", "empty"),
        ("spaces.txt", b"  \n \n", "empty"),
        ("cut.html", b"<html><head><title>x</title></head><body><div", "no main text"),
        ("broken.xml", b'<?xml version="1.0"?><rss version="2.0"><channel><item><ti', "feed"),
        ("dump.jsonl", b'{"body": "fine"}\n{"body": "unterminated\n', "line 2"),
    ],
)
def test_bad_file_is_rejected_with_reason(
    tmp_path: Path, store: Store, settings: Settings, name: str, content: bytes, reason: str
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    run(store, settings, good)
    before = snapshot(store)
    bad = tmp_path / name
    bad.write_bytes(content)
    other = tmp_path / "other.txt"
    other.write_text(GOOD.replace("Monday", "Tuesday"))
    reasons, stored = run(store, settings, bad, other)
    assert reason in reasons[name]
    assert stored == 1, "the batch goes on after a bad file"
    assert set(before) <= set(snapshot(store)), "what was stored before is untouched"


def test_truncated_html_with_text_is_read(tmp_path: Path, store: Store, settings: Settings) -> None:
    page = tmp_path / "cut.html"
    paragraph = "Officials from both countries said the talks in Baku covered energy and trade. "
    page.write_text(f"<html><body><article><h1>Talks</h1><p>{paragraph * 4}</p><p>{paragraph}")
    reasons, stored = run(store, settings, page)
    assert reasons == {} and stored == 1
    assert "Baku" in next(store.iter_articles()).body


@pytest.mark.parametrize("encoding", ["cp1251", "latin-1", "utf-16"])
def test_legacy_encodings_are_stored_as_text(
    tmp_path: Path, store: Store, settings: Settings, encoding: str
) -> None:
    text = {
        "cp1251": "Заголовок\n\nМИД России заявил, что переговоры в Москве продолжатся завтра.",
        "latin-1": "Titre\n\nLe ministre a déclaré à Genève que la réunion était prévue.",
        "utf-16": "Headline\n\nKyiv said on Friday that the talks would go on.",
    }[encoding]
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    reasons, stored = run(store, settings, path)
    assert reasons == {} and stored == 1
    assert text.split("\n\n")[1] in next(store.iter_articles()).body


def test_huge_file_is_refused_unread(tmp_path: Path, store: Store, settings: Settings) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # sparse: 200 MB on paper, nothing on disk
        handle.truncate(200 * 1024 * 1024)
    reasons, _ = run(store, settings, huge)
    assert "over the" in reasons["huge.txt"] and "limit" in reasons["huge.txt"]


def test_unreadable_directory_entries(tmp_path: Path, store: Store, settings: Settings) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(GOOD)
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    os.mkfifo(folder / "pipe.txt")
    locked = folder / "locked.txt"
    locked.write_text(GOOD.replace("Monday", "Friday"))
    locked.chmod(0)
    reasons, stored = run(store, settings, folder, tmp_path / "nowhere")
    assert reasons["dangling.txt"] == "broken link"
    assert reasons["pipe.txt"] == "not a regular file"
    assert reasons["nowhere"] == "no such file or directory"
    if os.geteuid() != 0:  # root reads anything, so only a normal user sees the refusal
        assert reasons["locked.txt"] == "permission denied"
    assert stored >= 1


def test_html_figure_caption_is_kept_apart(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    paragraph = "Delegates from both governments met in Oslo and agreed to continue the talks. "
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>Oslo talks</title></head><body><article><h1>Oslo talks</h1>"
        f"<p>{paragraph * 3}</p><figure><img src='a.jpg'><figcaption>Delegates arrive at the "
        "venue. <span class='credit'>Photo: Ana Ruiz | Example Agency</span></figcaption>"
        f"</figure><p>{paragraph * 2}</p></article></body></html>"
    )
    run(store, settings, page)
    article = next(store.iter_articles())
    assert [c.text for c in article.captions] == ["Delegates arrive at the venue."]
    assert "Delegates arrive" not in article.body and "Ana Ruiz" not in article.body


def test_deeply_nested_jsonl_names_the_line(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    dump = tmp_path / "deep.jsonl"
    dump.write_text('{"body": "fine"}\n{"body": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    reasons, stored = run(store, settings, dump)
    assert reasons["deep.jsonl"] == "line 2: JSON nested too deeply to read" and stored == 0


def test_file_name_not_utf8_keeps_the_batch_going(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD)
    with open(os.path.join(os.fsencode(folder), b"b-\xff.txt"), "wb") as handle:
        handle.write(GOOD.replace("Monday", "Sunday").encode())
    reasons, stored = run(store, settings, folder)
    assert reasons == {} and stored == 2
    assert sorted(Path(a.source_path).name for a in store.iter_articles()) == [
        "a.txt",
        "b-\\xff.txt",
    ]


def test_invisible_characters_only_is_no_article(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_text("\u200b\u200c\n\u2060\ufeff \u200b\n")
    reasons, stored = run(store, settings, blank)
    assert "no article text" in reasons["blank.txt"] and stored == 0


def test_reader_crash_is_a_rejection_not_an_abort(
    tmp_path: Path, store: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader bug on one input (here forced) rejects that input; the next one is stored."""
    from eventline import pipeline

    real = pipeline.parse_document

    def fragile(source, raw, **kwargs):  # type: ignore[no-untyped-def]
        if source.label.endswith("bad.txt"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(source, raw, **kwargs)

    monkeypatch.setattr(pipeline, "parse_document", fragile)
    (tmp_path / "bad.txt").write_text(GOOD.replace("Monday", "Friday"))
    (tmp_path / "good.txt").write_text(GOOD)
    reasons, stored = run(store, settings, tmp_path / "bad.txt", tmp_path / "good.txt")
    assert reasons["bad.txt"].startswith("cannot be read (RecursionError") and stored == 1
