"""The fifth PLOVER and quote sets load in two disjoint halves whose gold points into the text."""

from __future__ import annotations

import json
from importlib import resources

from eventline.eval.plover_fresh import SECTIONS
from eventline.eval.quotes import fresh_5_quote_files


def test_quote_halves_are_disjoint_and_their_gold_is_in_the_texts() -> None:
    dev, test = fresh_5_quote_files("dev"), fresh_5_quote_files("test")
    assert dev and test
    assert not {f.path for f in dev} & {f.path for f in test}
    for quote_file in dev + test:
        text = quote_file.path.read_text(encoding="utf-8")
        assert quote_file.quotes, quote_file.path
        for quote in quote_file.quotes:
            # a quote split by its attribution is stored with its parts joined by one space
            assert quote.text in text or quote.direct, (quote_file.path, quote.text)


def test_plover_halves_split_the_records() -> None:
    path, half = SECTIONS["plover-fresh-5-test"]
    data = json.loads(resources.files("eventline").joinpath(path).read_text(encoding="utf-8"))
    halves = {r["split"] for r in data["records"]}
    assert half in halves and SECTIONS["plover-fresh-5"][1] in halves
    for record in data["records"]:
        for event in record["events"]:
            assert event["eventText"] in record["text"], record["id"]
            for actor in event["source"] + event["target"]:
                assert actor["actorText"] in record["text"], record["id"]
