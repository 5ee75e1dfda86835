"""Rebuild the packaged actor KB from the curated sources in ../shared/kb.

    PYTHONPATH=src .venv/bin/python scripts/build_kb.py [SHARED_KB] [--out DIR]

Writes src/eventline/resources/actors/kb/{people,bodies,agents}.tsv (see
eventline.nlp.kb_shared); commit the result. The same inputs always give the same bytes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from eventline.nlp.kb_shared import build_shared_kb

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "kb"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    for path in build_shared_kb(args.source, args.out):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
