"""Same output, less work: drop-in speed-ups of two of the model's rule-based components.

The English model's `attribute_ruler` runs a spaCy `Matcher` of 179 patterns over every token,
and its rule `lemmatizer` recomputes the lemma of every token (its own cache skips the common
case, base forms). Both results are pure functions of a few token attributes, so
`speed_up(nlp)` swaps the two components' classes for subclasses that remember them:

- `CachedAttributeRuler`: which single-token rules match depends only on a token's TAG, LOWER,
  DEP and IS_SPACE (every attribute the model's patterns read), so it is computed once per
  distinct combination, by the spaCy `Matcher` itself on that one token; the few multi-token
  rules still run through a `Matcher` of their own, but only on a window from each token that
  can begin one (a match begins with a token its first pattern token matches; which tokens do
  is cached by the same key), not over the whole text. Matched rules are applied per token in
  rule order, as `AttributeRuler` does (later rules win).
- `CachedLemmatizer`: the rule lemma of a token depends only on its ORTH, POS and MORPH
  (`Lemmatizer.rule_lemmatize` keys its cache the same way), so it is computed once per key.

A single-token pattern that reads any other attribute goes with the multi-token ones; a
multi-token pattern with a quantifier, or whose first token reads another attribute, makes the
multi-token `Matcher` run over the whole text as before. Tests
compare every token attribute with the stock components (tests/nlp/test_pipeline_speed.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, DependencyParser, EntityRecognizer, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from eventline.nlp.fastner import FastEntityRecognizer
from eventline.nlp.fastparse import FastDependencyParser

#: Token attributes a cached single-token rule may read (the key of the cache).
_KEY_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
#: Entries kept before a cache starts over (bounds memory on endless input).
CACHE_LIMIT = 500_000


@dataclass(frozen=True)
class _Tables:
    """The ruler's rules split for the cached path; rebuilt when a rule is added."""

    rules: int
    single: Matcher  # single-token rules reading only _KEY_ATTRS
    multi: Matcher  # the other rules
    starts: Matcher  # the first token of each multi-token rule
    window: int  # longest multi-token rule; 0: run `multi` over the whole doc
    #: key -> (single-token rules matched, whether a multi-token rule may begin here)
    cache: dict[tuple[int, ...], tuple[tuple[int, ...], bool]]


class CachedAttributeRuler(AttributeRuler):
    """`AttributeRuler` with single-token matches remembered per (TAG, LOWER, DEP, IS_SPACE)."""

    _fast: _Tables | None = None

    def add(self, patterns: Any, attrs: dict[str, Any], index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._fast = None  # a rule added (loading a model adds every rule): rebuild

    def _tables(self) -> _Tables:
        if self._fast is not None and self._fast.rules == len(self.attrs):
            return self._fast
        single, multi, starts = Matcher(self.vocab), Matcher(self.vocab), Matcher(self.vocab)
        firsts: list[dict[str, Any]] = []
        window = 1
        for rule in range(len(self.attrs)):
            key = self.vocab.strings[str(rule)]
            _, patterns = self.matcher.get(key)
            one = all(len(p) == 1 and not _reads_other(p[0]) for p in patterns)
            (single if one else multi).add(key, patterns)
            if not one:
                firsts += [p[0] for p in patterns]
                window = max([window] + [len(p) for p in patterns])
                if any("OP" in t for p in patterns for t in p):
                    window = 0  # a quantifier: a match's length is not the pattern's
        if firsts and window and not any(_reads_other(t) for t in firsts):
            starts.add("start", [[t] for t in firsts])
        else:
            window = 0
        self._fast = _Tables(len(self.attrs), single, multi, starts, window, {})
        return self._fast

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            self._apply(doc)
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def _apply(self, doc: Doc) -> None:
        tables = self._tables()
        cache = tables.cache
        if len(cache) > CACHE_LIMIT:
            cache.clear()
        strings = self.vocab.strings
        per_token: dict[int, list[int]] = {}
        begins: list[int] = []
        for i, key in enumerate(map(tuple, doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist())):
            entry = cache.get(key)
            if entry is None:
                one = doc[i : i + 1]
                found = tables.single(one, allow_missing=True, as_spans=False)
                rules = tuple(sorted({int(strings[m]) for m, _, _ in found}))
                begin = bool(len(tables.starts)) and bool(tables.starts(one, allow_missing=True))
                entry = cache[key] = (rules, begin)
            if entry[0]:
                per_token[i] = list(entry[0])
            if entry[1]:
                begins.append(i)
        for rule, target in self._multi_targets(doc, tables, begins):
            per_token.setdefault(target, []).append(rule)
        for i, matched in per_token.items():
            token = doc[i]
            for rule in sorted(matched):
                set_token_attrs(token, self.attrs[rule])

    def _multi_targets(self, doc: Doc, tables: _Tables, begins: list[int]) -> list[tuple[int, int]]:
        """(rule, token) of every multi-token match: in a window from each token that can
        begin one, or over the whole doc when the rules' length is not fixed."""
        if not len(tables.multi):
            return []
        if tables.window:
            found = {
                (match, i + start, i + end)
                for i in begins
                for match, start, end in tables.multi(
                    doc[i : i + tables.window], allow_missing=True, as_spans=False
                )
            }
        else:
            found = set(tables.multi(doc, allow_missing=True, as_spans=False))
        out = []
        for match_id, start, end in sorted(found):
            rule = int(self.vocab.strings[match_id])
            index = self.indices[rule]
            target = (start if index >= 0 else end) + index
            if not start <= target < end:
                raise ValueError(f"attribute rule {rule}: index {index} outside its match")
            out.append((rule, target))
        return out


def _reads_other(token_pattern: dict[str, Any]) -> bool:
    return any(k not in _KEY_ATTRS for k in token_pattern)


class CachedLemmatizer(Lemmatizer):
    """Rule-mode `Lemmatizer` with every lemma remembered per (ORTH, POS, MORPH)."""

    _lemmas: dict[tuple[int, int, int], int] | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables()
        error_handler = self.get_error_handler()
        try:
            self._apply(doc)
            return doc
        except Exception as e:
            error_handler(self.name, self, [doc], e)
            return doc

    def _apply(self, doc: Doc) -> None:
        if self._lemmas is None or len(self._lemmas) > CACHE_LIMIT:
            self._lemmas = {}
        lemmas = self._lemmas
        strings = self.vocab.strings
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma != 0 and not self.overwrite:
                continue
            key = (orth, pos, morph)
            value = lemmas.get(key)
            if value is None:
                value = strings.add(self.lemmatize(doc[i])[0])
                lemmas[key] = value
            doc[i].lemma = value


class CachedEnglishLemmatizer(CachedLemmatizer, EnglishLemmatizer):
    """The English model's lemmatizer (its own `is_base_form`) with the cache."""


def speed_up(nlp: Language) -> Language:
    """Swap the model's `attribute_ruler` and English rule `lemmatizer` for the cached
    versions, its `EntityRecognizer` for one decoding in numpy (nlp/fastner.py) and its
    `DependencyParser` for one scoring its moves in numpy (nlp/fastparse.py); other
    components are left as they are."""
    for index, (name, proc) in enumerate(nlp._components):  # disabled ones too
        if type(proc) is EntityRecognizer:  # an extension type: a new object, same parts
            nlp._components[index] = (name, FastEntityRecognizer.sharing(proc))
        elif type(proc) is DependencyParser:
            nlp._components[index] = (name, FastDependencyParser.sharing(proc))
        elif type(proc) is AttributeRuler:
            proc.__class__ = CachedAttributeRuler
        elif type(proc) is EnglishLemmatizer:
            proc.__class__ = CachedEnglishLemmatizer
        elif type(proc) is Lemmatizer:
            proc.__class__ = CachedLemmatizer
    return nlp
