"""`events.document._with_speakers`: the quote speakers' actor index equals a fresh one."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventline.events.args import ActorIndex
from eventline.events.document import _INDEX_FIELDS, _with_speakers
from eventline.model import ActorRef
from eventline.nlp.extensions import register_extensions


def test_the_speakers_index_is_the_plain_index_with_speakers() -> None:
    register_extensions()
    doc = Doc(Vocab(), words=["We", "will", "talk", ",", "Alba", "said", "."])
    speakers = {0: ActorRef(id="a1", name="Alba")}
    plain = ActorIndex(doc)
    assert set(vars(plain)) == _INDEX_FIELDS  # a new field would make it build anew
    made = _with_speakers(doc, plain, speakers)
    fresh = ActorIndex(doc, quote_speakers=speakers)
    assert made is not plain and vars(made) == vars(fresh)
    assert plain.quote_speakers == {} and _with_speakers(doc, plain, {}).quote_speakers == {}
