"""`analyse_phases.py` with two more phases: `find_timexes` and its candidate scan.

    PYTHONPATH=src .venv/bin/python benchmarks/timex_phases.py [--repeat N] [--runs R]

Same texts, store and clock as `analyse_phases.py`; "timex" is every `find_timexes` call
(article bodies, captions, the warm-up article), "timex candidates" the rule-by-rule pattern
scan inside it (`timex._candidates`, the handlers and their tense hints included).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import analyse_phases  # type: ignore[import-not-found]  # benchmarks/ is on sys.path above

analyse_phases.PHASES = (
    *analyse_phases.PHASES,
    ("eventline.events.timex", "find_timexes", "timex"),
    ("eventline.events.timex", "_candidates", "timex candidates"),
)
one_run = analyse_phases.one_run  # what the spawned run process looks up

if __name__ == "__main__":
    analyse_phases.main()
