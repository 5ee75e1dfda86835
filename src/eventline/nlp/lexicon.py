"""Role titles, institutions and descriptor words from `roles.yaml`, as token matchers.

A title tells a person's sector ("foreign minister" -> GOV, "commander" -> MIL); the country
comes from the words before it ("Iran's", "Russian", "Kremlin", "Hezbollah").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from eventline.nlp.kb import Institution, RolesFile, Title

POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
REF_LABELS = frozenset({"COUNTRY", "NORP", "METONYM", "ORG"})
STATE_LABELS = frozenset({"COUNTRY", "NORP", "METONYM"})


@dataclass(frozen=True)
class RoleMatch:
    """A title or institution found in text, with what its context says."""

    start: int
    end: int
    title: Title | None = None
    institution: Institution | None = None
    relational: bool = False


class ActorLexicon:
    def __init__(self, nlp: Language, roles: RolesFile) -> None:
        self.roles = roles
        self.titles = {t.key: t for t in roles.titles}
        self.past = frozenset(roles.past_markers)
        self.determiners = frozenset(roles.determiners)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._by_key: dict[str, Title | Institution | None] = {}
        for title in roles.titles:
            self._add(nlp, f"T|{title.key}", title.forms, title)
        for inst in roles.institutions:
            self._add(nlp, f"I|{inst.key}", inst.forms, inst)
        self._add(nlp, "R|relational", roles.relational, None)

    def _add(
        self, nlp: Language, key: str, forms: list[str], item: Title | Institution | None
    ) -> None:
        self._by_key[key] = item
        patterns = [nlp.make_doc(f) for f in forms]
        # "sen." is tokenised "sen" "." alone but stays one token before a name ("Sen. Ann
        # Ostrow"): an abbreviation is also matched as the single token it is in running text
        patterns += [Doc(nlp.vocab, words=f.split()) for f in forms if f.endswith(".")]
        self.matcher.add(key, patterns)

    def find(self, doc: Doc) -> dict[int, RoleMatch]:
        """Longest title/institution matches, keyed by start token."""
        spans: list[Span] = filter_spans(self.matcher(doc, as_spans=True))
        found: dict[int, RoleMatch] = {}
        for span in spans:
            item = self._by_key[span.label_]
            kind = span.label_[0]
            found[span.start] = RoleMatch(
                span.start,
                span.end,
                title=item if kind == "T" and isinstance(item, Title) else None,
                institution=item if kind == "I" and isinstance(item, Institution) else None,
                relational=kind == "R",
            )
        return found

    def compatible(self, wanted: RoleMatch, role: dict[str, Any]) -> bool:
        """Can a descriptor's title ("the Iranian minister") name a holder of `role`?"""
        if wanted.relational:
            return True
        if wanted.title is None:
            return False
        held = self.titles.get(role.get("key", ""))
        if held is None:
            return False
        if wanted.title.key == held.key or held.parent == wanted.title.key:
            return True
        return wanted.title.key == "leader" and held.head
