from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.fixture(scope="session")
def nlp() -> Language:
    from eventline.nlp import load_nlp

    return load_nlp()
