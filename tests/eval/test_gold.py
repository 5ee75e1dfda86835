from __future__ import annotations

from pathlib import Path

import pytest

from eventline.errors import InputError
from eventline.eval.gold import fold, load_gold
from tests.conftest import GOLD, need_shared


def test_development_gold_loads() -> None:
    need_shared()
    gold = load_gold(GOLD)
    assert len(gold.articles) == 8
    assert gold.claims and gold.claims[0].verdict == "false"


def test_bad_gold_file_names_itself(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text("- just\n- a list\n")
    with pytest.raises(InputError) as caught:
        load_gold(path)
    assert caught.value.source == str(path)


def test_fold_ignores_quote_style_and_spacing() -> None:
    assert fold("Russia’s  “crucial backer”") == fold('russia\'s "crucial backer"')
