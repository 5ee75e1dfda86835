"""The PLOVER gold standard reader (the full scoring run is `eventline eval`, not a unit test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventline.eval.plover_gsr import load_records, plover_type
from eventline.model import EventMention, Evidence

GSR = Path(__file__).resolve().parents[3] / "shared" / "docs" / "plover" / "PLOVER_GSR_CAMEO.txt"


@pytest.mark.integration
def test_records_load() -> None:
    if not GSR.exists():
        pytest.skip("../shared not present")
    records = load_records(GSR)
    assert len(records) == 322 and all(r["text"] for r in records)


def test_future_cooperation_reduces_to_agree() -> None:
    ev = EventMention(
        id="e",
        type="CONSULT",
        modality="planned",
        evidence=Evidence(article="a", sentence=0, start=0, end=1),
    )
    assert plover_type(ev) == "AGREE"
    assert plover_type(ev.model_copy(update={"modality": "asserted"})) == "CONSULT"
