"""Same output, less work: drop-in speed-ups of two of the model's rule-based components.

The English model's `attribute_ruler` runs a spaCy `Matcher` of 179 patterns over every token,
and its rule `lemmatizer` recomputes the lemma of every token (its own cache skips the common
case, base forms). Both results are pure functions of a few token attributes, so
`speed_up(nlp)` swaps the two components' classes for subclasses that remember them:

- `CachedAttributeRuler`: which single-token rules match depends only on a token's TAG, LOWER,
  DEP and IS_SPACE (every attribute the model's patterns read), so it is computed once per
  distinct combination, by the spaCy `Matcher` itself on that one token; the few multi-token
  rules still run through a `Matcher` of their own. Matched rules are applied per token in
  rule order, as `AttributeRuler` does (later rules win).
- `CachedLemmatizer`: the rule lemma of a token depends only on its ORTH, POS and MORPH
  (`Lemmatizer.rule_lemmatize` keys its cache the same way), so it is computed once per key.

A single-token pattern that reads any other attribute goes with the multi-token ones. Tests
compare every token attribute with the stock components (tests/nlp/test_pipeline_speed.py).
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

#: Token attributes a cached single-token rule may read (the key of the cache).
_KEY_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
#: Entries kept before a cache starts over (bounds memory on endless input).
CACHE_LIMIT = 500_000


class CachedAttributeRuler(AttributeRuler):
    """`AttributeRuler` with single-token matches remembered per (TAG, LOWER, DEP, IS_SPACE)."""

    _fast: tuple[int, Matcher, Matcher, dict[tuple[int, ...], tuple[int, ...]]] | None = None

    def _tables(self) -> tuple[int, Matcher, Matcher, dict[tuple[int, ...], tuple[int, ...]]]:
        """(rule count, single-token matcher, multi-token matcher, cache), rebuilt when rules
        are added."""
        if self._fast is not None and self._fast[0] == len(self.attrs):
            return self._fast
        single, multi = Matcher(self.vocab), Matcher(self.vocab)
        for rule in range(len(self.attrs)):
            key = self.vocab.strings[str(rule)]
            _, patterns = self.matcher.get(key)
            one = all(len(p) == 1 and not _reads_other(p[0]) for p in patterns)
            (single if one else multi).add(key, patterns)
        self._fast = (len(self.attrs), single, multi, {})
        return self._fast

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            self._apply(doc)
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def _apply(self, doc: Doc) -> None:
        _, single, multi, cache = self._tables()
        if len(cache) > CACHE_LIMIT:
            cache.clear()
        strings = self.vocab.strings
        per_token: dict[int, list[int]] = {}
        for i, key in enumerate(map(tuple, doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist())):
            rules = cache.get(key)
            if rules is None:
                found = single(doc[i : i + 1], allow_missing=True, as_spans=False)
                rules = tuple(sorted({int(strings[m]) for m, _, _ in found}))
                cache[key] = rules
            if rules:
                per_token[i] = list(rules)
        if len(multi):
            for match_id, start, end in multi(doc, allow_missing=True, as_spans=False):
                rule = int(strings[match_id])
                index = self.indices[rule]
                target = (start if index >= 0 else end) + index
                if not start <= target < end:
                    raise ValueError(f"attribute rule {rule}: index {index} outside its match")
                per_token.setdefault(target, []).append(rule)
        for i, matched in per_token.items():
            token = doc[i]
            for rule in sorted(matched):
                set_token_attrs(token, self.attrs[rule])


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
    versions; other components are left as they are."""
    for _, proc in nlp.pipeline:
        if type(proc) is AttributeRuler:
            proc.__class__ = CachedAttributeRuler
        elif type(proc) is EnglishLemmatizer:
            proc.__class__ = CachedEnglishLemmatizer
        elif type(proc) is Lemmatizer:
            proc.__class__ = CachedLemmatizer
    return nlp
