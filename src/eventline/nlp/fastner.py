"""Same entities, less CPU: the NER's greedy decoding loop in numpy instead of spaCy's C loop.

spaCy's `EntityRecognizer` decodes with a C loop (`Parser._parseC`) that asks every one of
its 74 moves whether it is valid, for every token. In the compiled spaCy 3.8 wheels each of
those checks reads the state through `StateC.B()`, which takes and releases the interpreter's
lock (`PyGILState_Ensure`), so the loop spends most of its time locking a mutex: over the
benchmark's 20 news texts (19,400 tokens) the decoding costs about 1.1-1.5 s of CPU, more
than the NER's own tok2vec (0.4 s) and the shared tok2vec and parser together (perf, see
docs/evaluation.md).

`FastEntityRecognizer.predict` does the same computation a step at a time for all the
batch's unfinished documents at once, with numpy:

- the same features (the next token, the open entity's first token, the token before the
  next one), looked up in the same precomputed hidden layer (`lower`), summed in the same
  order and with the same bias, maxout as the C code takes it (`a if a > b else b`);
- the action scores with the same BLIS `sgemm` call the C loop makes (same shapes, same
  strides: the C loop's products are BLIS's whatever `Ops` the model has), plus the same bias;
- the same BILUO validity rules (spaCy's `ner.pyx` for a document with no preset entities)
  and the same choice: the first best-scoring valid move.

So every float is the C loop's and the entities are the same. `pipe` is spaCy's `Parser.pipe`
except that a batch this path takes is decoded whole instead of in sub-batches of a quarter
of it (`pipe_whole_batches`, also used by nlp/fastparse.py). Whatever this path does not
cover goes to spaCy's loop unchanged: preset entities (an entity ruler before the NER), a
beam, a model whose shape differs from the CPU greedy parser with an upper layer and maxout
over two pieces, or features other than the three of `state_type = "ner"`.
tests/nlp/test_fastner.py compares every token's entity attributes with the stock component.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_SPACE, SENT_START
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span
from spacy.util import minibatch
from thinc.api import NumpyOps

#: Most tokens a batch may hold to be decoded whole (`pipe_whole_batches`): 32 news articles
#: of about 1,000 tokens; the parser's precomputed layer for them is about 130 MB.
WHOLE_BATCH_TOKENS = 32_768

#: The move numbers of spaCy's BILUO transition system (`ner.pyx`: MISSING, BEGIN, ...).
MISSING, BEGIN, IN, LAST, UNIT, OUT = range(6)


@dataclass(frozen=True)
class _Moves:
    """Per class: which move it is (masks) and its label; label 0 is never valid here."""

    begin: np.ndarray
    inside: np.ndarray
    last: np.ndarray
    unit: np.ndarray
    out: np.ndarray
    move: np.ndarray
    label: np.ndarray


@dataclass(frozen=True)
class _Decoded:
    """Entities found per document: (start, end, label) in the order spaCy's state holds them."""

    ents: list[list[tuple[int, int, int]]]


class FastEntityRecognizer(EntityRecognizer):
    """`EntityRecognizer` whose greedy decoding runs in numpy (module docstring)."""

    @classmethod
    def sharing(cls, ner: EntityRecognizer) -> FastEntityRecognizer:
        """A component over the same vocab, model, moves and settings as `ner` (spaCy's
        extension type cannot change its class in place, as `speed_up` does for the rest)."""
        cfg = ner.cfg
        fast = cls(
            ner.vocab,
            ner.model,
            ner.name,
            ner.moves,
            update_with_oracle_cut_size=cfg.get("update_with_oracle_cut_size", 100),
            beam_width=cfg.get("beam_width", 1),
            beam_density=cfg.get("beam_density", 0.0),
            beam_update_prob=cfg.get("beam_update_prob", 0.0),
            incorrect_spans_key=cfg.get("incorrect_spans_key"),
            scorer=ner.scorer,
        )
        fast.cfg = dict(cfg)
        fast._multitasks = ner._multitasks
        fast._rehearsal_model = ner._rehearsal_model
        return fast

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        """`Parser.pipe`, except that a batch the numpy path takes is decoded in one go
        (`pipe_whole_batches`)."""
        return pipe_whole_batches(self, docs, batch_size, self._fast_path)

    def predict(self, docs: Any) -> Any:
        if isinstance(docs, Doc):
            docs = [docs]
        docs = list(docs)
        if not self._fast_path(docs):
            return super().predict(docs)
        return _Decoded(_decode(self, docs))

    def set_annotations(self, docs: Any, states_or_beams: Any) -> None:
        if not isinstance(states_or_beams, _Decoded):
            super().set_annotations(docs, states_or_beams)
            return
        for doc, found in zip(docs, states_or_beams.ents, strict=True):
            spans = [Span(doc, s, e, label=label) for s, e, label in found]
            # the stock path: these spans, other tokens "unmodified" then O (ent_iob 2); with
            # no preset entity (the fast path's condition) that is every other token set to O
            doc.set_ents(spans, default="outside")
            for hook in self.postprocesses:
                hook(doc)

    def _fast_path(self, docs: list[Doc]) -> bool:
        if self.cfg.get("beam_width", 1) != 1 or not any(len(d) for d in docs):
            return False
        if _moves(self) is None or not _shapes_ok(self.model):
            return False
        # preset entities (an entity ruler before the NER) go through spaCy's loop
        return not any(len(d) and d.to_array([ENT_IOB, ENT_TYPE]).any() for d in docs)


def pipe_whole_batches(
    component: Any, docs: Iterable[Doc], batch_size: int, whole: Callable[[list[Doc]], bool]
) -> Iterator[Doc]:
    """spaCy's `Parser.pipe` (batches of `batch_size`, each sorted by length, annotated, yielded
    in input order, a failing batch handed to the error handler), with one change: a batch
    `whole` accepts goes to `predict` in one piece instead of spaCy's sub-batches of a quarter
    of `batch_size`. In numpy a decoding step costs about the same for one document as for
    thirty, so one batch of 32 takes a quarter of the steps of four sub-batches of 8. A
    document's result does not depend on the others in its batch: same feature rows, same
    per-row products (the tests compare batches of 1, 3 and 32 with the stock component);
    the one batch-wide value, the lowest score given to classes the model never saw, keeps
    spaCy's sub-batches when the model has such classes. A batch of more than
    `WHOLE_BATCH_TOKENS` tokens keeps them too: the precomputed hidden layer holds 4 KB a
    token for the parser, so one batch of 32 long bodies would take several times the memory
    of spaCy's sub-batches."""
    error_handler = component.get_error_handler()
    unseen = bool(component.model.attrs.get("unseen_classes"))
    for batch in minibatch(docs, size=batch_size):
        batch_in_order = list(batch)
        try:
            by_length = sorted(batch_in_order, key=len)
            small = sum(len(d) for d in by_length) <= WHOLE_BATCH_TOKENS
            if small and not unseen and whole(by_length):
                component.set_annotations(by_length, component.predict(by_length))
            else:
                for subbatch in minibatch(by_length, size=max(batch_size // 4, 2)):
                    subbatch = list(subbatch)
                    component.set_annotations(subbatch, component.predict(subbatch))
            yield from batch_in_order
        except Exception as e:
            error_handler(component.name, component, batch_in_order, e)


def _shapes_ok(model: Any) -> bool:
    if not model.attrs.get("has_upper") or not isinstance(model.ops, NumpyOps):
        return False
    lower = model.get_ref("lower")
    return bool(lower.get_dim("nF") == 3 and lower.get_dim("nP") == 2)


def _moves(ner: EntityRecognizer) -> _Moves | None:
    """The class table of `ner`'s transition system, kept on the component and built again
    when its moves change (a label added); None when a move is not a BILUO move."""
    names = tuple(ner.moves.get_class_name(i) for i in range(ner.moves.n_moves))
    kept = ner.__dict__.get("_fast_moves")
    if kept is not None and kept[0] == names:
        return kept[1]
    table = _table(ner, names)
    ner.__dict__["_fast_moves"] = (names, table)
    return table


def _table(ner: EntityRecognizer, names: tuple[str, ...]) -> _Moves | None:
    n = len(names)
    move = np.zeros(n, dtype=np.int64)
    label = np.zeros(n, dtype=np.uint64)
    letters = {"B": BEGIN, "I": IN, "L": LAST, "U": UNIT, "O": OUT}
    for i, name in enumerate(names):
        head, _, tail = name.partition("-")
        if head not in letters:
            return None
        move[i] = letters[head]
        label[i] = ner.vocab.strings.add(tail) if tail else 0
    labelled = label != 0
    return _Moves(
        begin=(move == BEGIN) & labelled,
        inside=(move == IN) & labelled,
        last=(move == LAST) & labelled,
        unit=(move == UNIT) & labelled,
        out=move == OUT,
        move=move,
        label=label,
    )


def _decode(ner: EntityRecognizer, docs: list[Doc]) -> list[list[tuple[int, int, int]]]:
    """Greedy BILUO decoding of `docs` as one batch, as `Parser.greedy_parse` does it."""
    from blis.py import gemm  # type: ignore[import-untyped]  # the C loop's products

    moves = _moves(ner)
    assert moves is not None
    model = ner.model
    tokvecs = model.layers[0].predict(docs)
    lower = model.layers[1]
    cached = lower.predict(tokvecs)  # (tokens + 1, nF, nO, nP); row 0 is the padding
    n_feats = cached.shape[1]
    feats = np.ascontiguousarray(cached.reshape(cached.shape[0], n_feats, -1))
    bias = lower.get_param("b").reshape(-1)
    upper = model.layers[2]
    weights = np.ascontiguousarray(upper.get_param("W"), dtype=np.float32)
    upper_bias = upper.get_param("b")
    unseen = sorted(model.attrs.get("unseen_classes", ()))

    lengths = np.array([len(d) for d in docs], dtype=np.int64)
    offsets = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
    total = int(lengths.sum())
    space = np.zeros(total, dtype=bool)
    starts = np.zeros(total, dtype=bool)
    for doc, offset in zip(docs, offsets, strict=True):
        if len(doc):
            rows = doc.to_array([IS_SPACE, SENT_START])
            space[offset : offset + len(doc)] = rows[:, 0] != 0
            starts[offset : offset + len(doc)] = rows[:, 1].astype(np.int64) == 1

    n_docs = len(docs)
    pos = np.zeros(n_docs, dtype=np.int64)
    is_open = np.zeros(n_docs, dtype=bool)
    ent_start = np.zeros(n_docs, dtype=np.int64)
    ent_label = np.zeros(n_docs, dtype=np.uint64)
    found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
    active = np.flatnonzero(lengths > 0)
    width = feats.shape[2]
    n_hidden = width // 2
    while active.size:
        p, length, opened = pos[active], lengths[active], is_open[active]
        b0 = offsets[active] + p
        # feature rows: +1 skips the padding row; a missing feature (-1) reads the padding
        ids1 = np.where(opened, offsets[active] + ent_start[active] + 1, 0)
        ids2 = np.where(opened, b0, 0)
        summed = np.zeros((active.size, width), dtype=np.float32)
        summed += feats[b0 + 1, 0]
        summed += feats[ids1, 1]
        summed += feats[ids2, 2]
        summed += bias
        pieces = summed.reshape(active.size, n_hidden, 2)
        first, second = pieces[:, :, 0], pieces[:, :, 1]
        hidden = np.ascontiguousarray(np.where(first > second, first, second))
        scores = gemm(hidden, weights, trans2=True, alpha=1.0, beta=0.0)
        scores += upper_bias
        if unseen:
            scores[:, unseen] = scores.min()
        two_left = (length - p) >= 2
        next_start = np.zeros(active.size, dtype=bool)
        next_start[two_left] = starts[b0[two_left] + 1]
        on_space = space[b0]
        closed = ~opened
        same = ent_label[active][:, None] == moves.label[None, :]
        valid = (
            (moves.begin & (closed & two_left & ~next_start & ~on_space)[:, None])
            | (moves.inside & (opened & two_left & ~next_start)[:, None] & same)
            | (moves.last & opened[:, None] & same)
            | (moves.unit & (closed & ~on_space)[:, None])
            | (moves.out & closed[:, None])
        )
        masked = np.where(valid, scores, -np.inf)
        guess = masked.argmax(axis=1)
        none_valid = ~valid[np.arange(active.size), guess]
        move = moves.move[guess]
        label = moves.label[guess]
        begin = (move == BEGIN) & ~none_valid
        ent_start[active[begin]] = p[begin]
        ent_label[active[begin]] = label[begin]
        is_open[active[begin]] = True
        for k in np.flatnonzero(((move == LAST) | (move == UNIT)) & ~none_valid):
            doc_i = int(active[k])
            if move[k] == LAST:
                found[doc_i].append((int(ent_start[doc_i]), int(p[k]) + 1, int(ent_label[doc_i])))
                is_open[doc_i] = False
            else:
                found[doc_i].append((int(p[k]), int(p[k]) + 1, int(label[k])))
        pos[active] = p + 1
        pos[active[none_valid]] = length[none_valid]  # spaCy: force_final
        active = active[pos[active] < lengths[active]]
    return found
