"""Packaged YAML resources parsed once per data version, not once per process.

Every `analyse` process reads the same YAML files (actor KB, office holders, event ontology
and patterns): about 0.1 s of CPU even with libyaml's loader, while `marshal` reads the same
parsed data back in a hundredth of that. `load_yaml` keeps the parsed data in the cache folder
the built name indexes use (`EVENTLINE_CACHE_DIR`, docs/configuration.md), keyed on the
text's own bytes, so an edited file is parsed again; a missing, stale, corrupt or unwritable
cache only means the text is parsed as before. Data marshal cannot write (dates) is parsed
every time. What a caller gets is exactly what `yaml.load(text, Loader=CSafeLoader)` gives
(a fresh object on every call, never shared between callers).
"""

from __future__ import annotations

import hashlib
from typing import Any

import yaml

#: A safe loader, libyaml's when it is built in.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str, *, name: str) -> Any:
    """`text` parsed as YAML (safe loader); `name` (its path) names the cache file. Raises
    `yaml.YAMLError` on invalid YAML, as `yaml.load` does."""
    # imported here: eventline.nlp.kb reads its files through this module, and actor_kb
    # imports kb
    from eventline.nlp.actor_kb import cached_index

    label = hashlib.blake2b(name.encode("utf-8"), digest_size=6).hexdigest()
    return cached_index(
        f"yaml-{label}", text.encode("utf-8"), lambda: yaml.load(text, Loader=LOADER)
    )
