"""Same parse, less CPU: the dependency parser's action scores in numpy, spaCy's own moves.

spaCy's `DependencyParser` decodes with a C loop (`Parser._parseC`) that, at each step and
for each unfinished document, adds up the state's 8 feature rows of the precomputed hidden
layer with one BLAS `saxpy` per feature, takes the maxout, scores the moves with a BLAS
`sgemm`, then checks, picks and applies a move. The loop runs without the interpreter's lock,
and the compiled `predict_states` of the spaCy 3.8 wheels takes it back
(`PyGILState_Ensure`/`Release`, Cython's exception checks) inside its loops over the states,
so every document and step pays lock round trips. `perf` of the parser's `predict` over the
benchmark's 20 news texts: about 43 % of the samples in `take_gil`/`drop_gil` and the mutexes
under them, and 11 % in BLIS's generic reference kernels
(docs/evaluation.md, "Analysis speed, ninth round").

`FastDependencyParser.predict` keeps spaCy's states and moves and computes only the scores
differently, a step at a time for all the batch's unfinished documents at once:

- the feature token ids from spaCy's own `ParserStepModel.get_token_ids` (the states'
  `set_context_tokens`, with each document's offset in the batch);
- their rows of the same precomputed hidden layer (`lower`, row 0 the padding a missing
  feature reads), added in the same order onto zeros, then the same bias, maxout as the C
  code takes it (`a if a > b else b`);
- the move scores with the same BLIS `sgemm` call the C loop makes (same shapes and
  strides), plus the same bias; unseen classes get the step's lowest score, as in C;
- then spaCy's `transition_states`: its validity rules, the first best valid move, its
  transition code and its final-state test, called with the lock held.

So every float is the C loop's and the states, arcs and labels are the same; `set_annotations`
(heads, labels, sentence starts, deprojectivisation) is spaCy's. A step in numpy costs about
40 us whatever the number of documents, the C loop about 7 us per document and step, so the
numpy path pays from about 8 documents in a batch on. spaCy's `Parser.pipe` hands `predict`
sub-batches of a quarter of the batch (8 of `nlp.pipe`'s 32), so `pipe` here gives it the
whole batch, sorted by length as spaCy sorts it (nlp/fastner.py `pipe_whole_batches`). A
batch of fewer than `MIN_DOCS` documents (a caption parsed alone, the last small batch of a
run) goes through spaCy's loop, as do a beam, a model other than the CPU greedy parser with
an upper layer and maxout over two pieces, and an empty batch. tests/nlp/test_fastparse.py
compares every token's head, label and sentence start with the stock component.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
from spacy.ml.parser_model import ParserStepModel
from spacy.pipeline import DependencyParser
from spacy.tokens import Doc
from thinc.api import NumpyOps, set_dropout_rate

from eventline.nlp.fastner import pipe_whole_batches

#: Fewest non-empty documents in a batch for the numpy path (module docstring).
MIN_DOCS = 10


class FastDependencyParser(DependencyParser):
    """`DependencyParser` whose move scores are computed in numpy (module docstring)."""

    @classmethod
    def sharing(cls, parser: DependencyParser) -> FastDependencyParser:
        """A component over the same vocab, model, moves and settings as `parser` (spaCy's
        extension type cannot change its class in place)."""
        cfg = parser.cfg
        fast = cls(
            parser.vocab,
            parser.model,
            parser.name,
            parser.moves,
            update_with_oracle_cut_size=cfg.get("update_with_oracle_cut_size", 100),
            min_action_freq=cfg.get("min_action_freq", 30),
            learn_tokens=cfg.get("learn_tokens", False),
            beam_width=cfg.get("beam_width", 1),
            beam_density=cfg.get("beam_density", 0.0),
            beam_update_prob=cfg.get("beam_update_prob", 0.0),
            incorrect_spans_key=cfg.get("incorrect_spans_key"),
            scorer=parser.scorer,
        )
        fast.cfg = dict(cfg)
        fast._multitasks = parser._multitasks
        fast._rehearsal_model = parser._rehearsal_model
        return fast

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        """`Parser.pipe`, except that a batch the numpy path takes is parsed in one go
        (nlp/fastner.py `pipe_whole_batches`)."""
        return pipe_whole_batches(self, docs, batch_size, self._fast_path)

    def predict(self, docs: Any) -> Any:
        if isinstance(docs, Doc):
            docs = [docs]
        docs = list(docs)
        if not self._fast_path(docs):
            return super().predict(docs)
        return _parse(self, docs)

    def _fast_path(self, docs: list[Doc]) -> bool:
        if self.cfg.get("beam_width", 1) != 1 or sum(1 for d in docs if len(d)) < MIN_DOCS:
            return False
        return _shapes_ok(self.model)


def _shapes_ok(model: Any) -> bool:
    if not model.attrs.get("has_upper") or not isinstance(model.ops, NumpyOps):
        return False
    if len(model.layers) != 3:
        return False
    return bool(model.get_ref("lower").get_dim("nP") == 2)


class _StepShape:
    """What `ParserStepModel.get_token_ids` reads of its model: the number of features."""

    def __init__(self, n_features: int) -> None:
        self.state2vec = _Features(n_features)


class _Features:
    def __init__(self, n_features: int) -> None:
        self.nF = n_features


def _parse(parser: DependencyParser, docs: list[Doc]) -> list[Any]:
    """Greedy parse of `docs` as one batch, as `Parser.greedy_parse` does it; returns spaCy's
    states (`StateClass`), final, for the stock `set_annotations`."""
    from blis.py import gemm  # type: ignore[import-untyped]  # the C loop's products

    parser._ensure_labels_are_added(docs)
    model = parser.model
    set_dropout_rate(model, 0.0)  # as greedy_parse does (predicting uses no dropout anyway)
    batch = parser.moves.init_batch(docs)
    tokvecs = model.layers[0].predict(docs)
    lower = model.layers[1]
    cached = lower.predict(tokvecs)  # (tokens + 1, nF, nO, nP); row 0 is the padding
    n_feats = cached.shape[1]
    width = cached.shape[2] * cached.shape[3]
    # row (token + 1) * nF + feature: a token id of -1 (no such token) reads the padding
    table = np.ascontiguousarray(cached.reshape(-1, width))
    shift = np.arange(n_feats, dtype=np.int32) + n_feats
    bias = lower.get_param("b").reshape(-1)
    upper = model.layers[2]
    weights = np.ascontiguousarray(upper.get_param("W"), dtype=np.float32)
    upper_bias = upper.get_param("b")
    unseen = sorted(model.attrs.get("unseen_classes", ()))
    shape = _StepShape(n_feats)
    n_hidden = width // 2

    states = [s for s in batch if not s.is_final()]
    while states:
        ids = ParserStepModel.get_token_ids(shape, states)  # (states, nF) int32, offsets added
        ids *= n_feats
        ids += shift
        # the features one after the other, as the C loop's saxpy calls add them: numpy
        # reduces an outer axis in order (tests/nlp/test_fastparse.py checks it bit for bit)
        summed = np.add.reduce(table.take(ids.T, axis=0), axis=0)
        summed += bias
        pieces = summed.reshape(len(states), n_hidden, 2)
        first, second = pieces[:, :, 0], pieces[:, :, 1]
        hidden = np.where(first > second, first, second)
        scores = gemm(hidden, weights, trans2=True, alpha=1.0, beta=0.0)
        scores += upper_bias
        if unseen:
            scores[:, unseen] = scores.min()
        states = parser.transition_states(states, scores)
    return list(batch)
