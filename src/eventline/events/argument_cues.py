"""The word lists of the round-5 argument rules (#11), from resources/events/arguments.yaml.

cues.yaml holds the type rules' vocabulary; the argument rules keep theirs apart so that each
file has one writer. A name the file does not define is an error, never an empty list.
"""

from __future__ import annotations

from functools import cache

from eventline.errors import ResourceError
from eventline.events.ontology import read_yaml

ARGUMENT_CUES = "resources/events/arguments.yaml"


@cache
def argument_words(name: str) -> frozenset[str]:
    """The named word list, lower-cased."""
    data = read_yaml(ARGUMENT_CUES)
    if name not in data or name == "version":
        raise ResourceError(ARGUMENT_CUES, f"no cue list named {name!r}")
    words = data[name]
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise ResourceError(ARGUMENT_CUES, f"{name}: expected a list of words")
    return frozenset(w.lower() for w in words)
