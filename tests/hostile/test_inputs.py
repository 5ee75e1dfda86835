"""Hostile inputs through `eventline ingest`: each bad input is one `rejected` line naming it
with its reason, the batch goes on, exit code 1; what was stored before is unchanged and the
store is still analysable."""

from __future__ import annotations

import json
import os
import re
import threading
import time
from pathlib import Path

import pytest

from tests.hostile.helpers import articles_json, cli, counts, snapshot

GOOD = (
    "Ankara hosts energy talks\n\n"
    "ANKARA, July 8, 2025 - Turkey hosted Azerbaijani ministers in Ankara on Tuesday for talks "
    "on gas transit, the Turkish energy ministry said.\n"
)
# Zero-width space, joiner, no-break space inside words; a right-to-left override and isolates.
INVISIBLE = (
    "Minis\u200bters meet in Ba\u200dku\n\n"
    "BAKU, July 9, 2025 - \u2066Azerbaijan\u2069 and \ufeffGeorgia signed a transit accord on "
    "Wednesday, officials said. \u202eThe text after this override reads backwards.\u202c\n"
)


def rejected_lines(err: str) -> dict[str, str]:
    return {
        line.split(": ", 1)[0].removeprefix("rejected "): line
        for line in err.splitlines()
        if line.startswith("rejected ")
    }


def hostile_folder(root: Path) -> Path:
    folder = root / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "invisible.txt").write_text(INVISIBLE)
    os.makedirs(os.fsencode(folder), exist_ok=True)
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:  # not UTF-8
        handle.write(GOOD.replace("Tuesday", "Monday").encode())
    (folder / "[bold]markup[red].txt").write_bytes(b"")
    (folder / "new\nline.txt").write_bytes(b"")
    (folder / "evil\u202etxt.bin").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "nested.jsonl").write_text('{"body": ' + "[" * 50_000 + "]" * 50_000 + "}\n")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "only-invisible.txt").write_text("\u200b\u200c\u200d\u2060\n\u200b\n")
    lines = "Quiet day in Oslo\n\nNorway said on Friday that nothing happened.\n"
    (folder / "million-lines.txt").write_text(lines + "\n" * 1_000_000 + "The end.\n")
    return folder


@pytest.mark.slow
def test_a_batch_of_hostile_files(db: Path, tmp_path: Path) -> None:
    before, events_before = snapshot(db), counts(db)["events"]
    run = cli(db, "ingest", str(hostile_folder(tmp_path)))
    assert run.code == 1
    assert "Traceback" not in run.err
    reasons = rejected_lines(run.err)
    assert len(run.err.splitlines()) == len(reasons) + 1, "one line per rejection + the count"
    expect = {
        "[bold]markup[red].txt": "empty input",
        "new line.txt": "empty input",
        "evil\\u202etxt.bin": "binary",
        "nested.jsonl": "line 1: JSON nested too deeply",
        "zero.txt": "not a regular file",
        "only-invisible.txt": "no article text",
    }
    for name, reason in expect.items():
        key = next((k for k in reasons if k.endswith(name)), None)
        assert key is not None, f"{name} not rejected: {run.err}"
        assert reason in reasons[key]
    assert "6 rejected" in run.err and "4 stored" in run.err
    after = articles_json(db)
    paths = {Path(str(a["source_path"])).name for a in after}
    assert {"good.txt", "invisible.txt", "caf\\xe9.txt", "million-lines.txt"} <= paths
    invisible = next(a for a in after if str(a["source_path"]).endswith("invisible.txt"))
    assert "\u2066Azerbaijan\u2069" in str(invisible["body"]), "text is stored as it came"
    assert set(before) <= set(snapshot(db)), "earlier articles unchanged"
    analysed = cli(db, "analyse")
    assert analysed.code == 0, analysed.err
    assert counts(db)["events"] >= events_before
    shown = cli(db, "show", str(invisible["id"]))
    assert shown.code == 0 and "Azerbaijan" in shown.out


def test_a_symlink_to_dev_zero_given_by_name(db: Path, tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    run = cli(db, "ingest", str(link))
    assert run.code == 1 and "not a regular file" in rejected_lines(run.err)[str(link)]


def test_a_file_whose_size_lies(db: Path) -> None:
    """/proc files say 0 bytes and hold more: the cap holds on what is read, not on stat."""
    run = cli(db, "ingest", "/proc/self/status", env={"EVENTLINE_MAX_DOCUMENT_BYTES": "100"})
    assert run.code == 1
    line = rejected_lines(run.err)["/proc/self/status"]
    assert "more than 100 bytes" in line and "max_document_bytes" in line


def test_a_file_that_grows_while_read(db: Path, tmp_path: Path) -> None:
    growing = tmp_path / "growing.txt"
    growing.write_text(GOOD)
    stop = threading.Event()

    def grow() -> None:
        with growing.open("a") as handle:
            while not stop.is_set():
                handle.write("More text arrives while the file is read. " * 200 + "\n")
                handle.flush()
                time.sleep(0.001)

    writer = threading.Thread(target=grow)
    writer.start()
    try:
        time.sleep(0.05)
        run = cli(db, "ingest", str(growing), env={"EVENTLINE_MAX_DOCUMENT_BYTES": "200000"})
    finally:
        stop.set()
        writer.join()
    assert run.code in (0, 1) and "Traceback" not in run.err
    if run.code == 1:
        assert "input limit" in rejected_lines(run.err)[str(growing)]


def test_over_the_byte_limit_names_the_setting(db: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(GOOD * 20)
    before = snapshot(db)
    run = cli(db, "ingest", str(big), env={"EVENTLINE_MAX_DOCUMENT_BYTES": "1000"})
    line = rejected_lines(run.err)[str(big)]
    assert run.code == 1 and "over the" in line and "EVENTLINE_MAX_DOCUMENT_BYTES" in line
    assert snapshot(db) == before


def test_binary_on_stdin(db: Path) -> None:
    run = cli(db, "ingest", "-", stdin=b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    assert run.code == 1 and "binary" in rejected_lines(run.err)["-"]


def test_entity_expansion_feed_is_harmless(db: Path, tmp_path: Path) -> None:
    """A 'billion laughs' RSS feed: expat's amplification limits stop it; no hang, no crash."""
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol"}">' for i in range(10))
    feed = tmp_path / "laughs.xml"
    feed.write_text(
        f'<?xml version="1.0"?><!DOCTYPE r [{entities}]><rss version="2.0"><channel>'
        "<title>x</title><item><title>t</title><description>&l9;</description></item>"
        "</channel></rss>"
    )
    started = time.monotonic()
    run = cli(db, "ingest", str(feed))
    assert time.monotonic() - started < 20
    assert run.code in (0, 1) and "Traceback" not in run.err
    assert all(len(str(a["body"])) < 1_000_000 for a in articles_json(db))


@pytest.mark.slow
def test_deeply_nested_html(db: Path, tmp_path: Path) -> None:
    page = tmp_path / "nested.html"
    page.write_text(
        "<html><body>" + "<div>" * 100_000 + "<p>Envoys met in Oslo on Friday.</p>"
        + "</div>" * 100_000 + "</body></html>"
    )  # fmt: skip
    run = cli(db, "ingest", str(page))
    assert run.code == 1 and str(page) in rejected_lines(run.err)


@pytest.mark.slow
def test_a_text_over_a_million_characters_is_stored(db: Path, tmp_path: Path) -> None:
    """The limits are about bytes (docs/configuration.md); a 1.1 MB text is no error."""
    long = tmp_path / "long.txt"
    sentence = "Officials said the talks on grain exports would continue in Geneva next week. "
    long.write_text("Long report\n\nGENEVA, May 2, 2025 - " + sentence * 14_500)
    assert long.stat().st_size > 1_100_000
    run = cli(db, "ingest", str(long))
    assert run.code == 0, run.err
    stored = [a for a in articles_json(db) if str(a["source_path"]).endswith("long.txt")]
    assert len(stored) == 1 and len(str(stored[0]["body"])) > 1_000_000


@pytest.mark.slow
def test_a_ten_megabyte_jsonl_line(db: Path, tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    record = {"title": "Ports reopen", "body": GOOD.split("\n\n")[1], "raw": "x" * 10_000_000}
    dump.write_text(json.dumps(record) + "\n" + json.dumps({"body": GOOD}) + "\n")
    run = cli(db, "ingest", str(dump))
    assert run.code == 0, run.err
    assert "1 stored (2 articles)" in run.err


def test_a_tree_with_unexaminable_entries(db: Path) -> None:
    """/proc/self holds links that cannot even be stat-ed and files that cannot be read:
    each is a rejection with its reason, the walk goes on."""
    run = cli(db, "ingest", "/proc/self/fd", "/proc/self/status")
    assert run.code in (0, 1) and "Traceback" not in run.err
    assert re.match(r"[\d,]+ inputs?: ", run.err.strip().splitlines()[-1])


def test_terminal_escapes_in_an_article_are_shown_not_obeyed(db: Path, tmp_path: Path) -> None:
    """An OSC title sequence and a clear-screen in a title and body: stored as they came
    (JSON output is data), but every table and `show` prints them as visible escapes."""
    body = "Envoys from Norway and Sweden met in Oslo on Friday for talks on fishing rights. "
    evil = tmp_path / "evil.txt"
    evil.write_text(f"Evil \x1b]0;pwned\x07 title\n\nBody \x1b[2J\x1b[31mred\x1b[0m. {body * 20}\n")
    assert cli(db, "ingest", str(evil)).code == 0
    stored = next(a for a in articles_json(db) if str(a["source_path"]).endswith("evil.txt"))
    assert "\x1b]0;pwned\x07" in str(stored["title"])
    for args in (["articles"], ["show", str(stored["id"])], ["summary"]):
        run = cli(db, *args)
        assert run.code == 0 and "\x1b" not in run.out and "\x07" not in run.out, args
    assert "\\x1b]0;pwned\\x07" in cli(db, "show", str(stored["id"])).out


def test_ctrl_c_during_ingest_keeps_what_was_stored(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventline import pipeline

    real = pipeline.parse_document

    def interrupted(source, raw, **kwargs):  # type: ignore[no-untyped-def]
        if source.label.endswith("b.txt"):
            raise KeyboardInterrupt
        return real(source, raw, **kwargs)

    monkeypatch.setattr(pipeline, "parse_document", interrupted)
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(GOOD.replace("Tuesday", "Monday"))
    run = cli(db, "ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert run.code == 130 and run.err.strip() == "error: interrupted"
    assert any(str(a["source_path"]).endswith("a.txt") for a in articles_json(db))
