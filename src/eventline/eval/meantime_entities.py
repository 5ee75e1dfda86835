"""Score cross-document actor resolution on NewsReader MEANTIME (English, 120 Wikinews texts).

MEANTIME links entity mentions (ENTITY_MENTION, token anchors) through REFERS_TO relations to
ENTITY instances; those with `external_ref` carry a DBpedia link. For every link we ask whether
eventline resolves its mentions to one canonical actor (consistency) and whether two links end
up on the same actor (wrong merges). Persons are reported apart: no two person links may merge.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventline.eval.entities import pick_mention
from eventline.eval.report import Metric, SectionReport
from eventline.model import Article, Mention

CORPUS = "intra_cross-doc_annotation"
#: Floors only go up. Consistency is low because unresolved nominal mentions ("the company")
#: count against it; persons must never merge.
CONSISTENT_FLOOR = 0.40
NAMED_FLOOR = 0.60
APART_FLOOR = 0.82
PERSON_APART_FLOOR = 1.0


@dataclass(frozen=True)
class GoldMention:
    doc: str
    start: int
    end: int
    link: str
    kind: str
    named: bool
    head: tuple[int, int] | None = None


def head_span(text: str, start: int, head: str) -> tuple[int, int] | None:
    """Offsets of the annotated head word(s) inside a mention's text (the last occurrence:
    "lenders in the United States" has head "lenders"), or None when unannotated."""
    head = " ".join(head.split())
    if not head:
        return None
    found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(head)}(?!\w)", text)]
    return (start + found[-1], start + found[-1] + len(head)) if found else None


def read_document(path: Path) -> tuple[Article, list[GoldMention]]:
    """One MEANTIME file as an Article (tokens joined by spaces) and its linked mentions."""
    root = ET.parse(path).getroot()
    doc_id = root.get("doc_id", path.stem)
    offsets: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    position, sentence = 0, None
    for token in root.iter("token"):
        if parts:
            gap = "\n" if token.get("sentence") != sentence else " "
            parts.append(gap)
            position += 1
        sentence = token.get("sentence")
        text = token.text or ""
        offsets[token.get("t_id", "")] = (position, position + len(text))
        parts.append(text)
        position += len(text)
    body = "".join(parts)
    article = Article(
        id=f"meantime_{doc_id}", document_id=doc_id, source_path=str(path), item=1, body=body
    )
    return article, list(_linked(root, article.id, offsets, body))


def _linked(
    root: Any, doc: str, offsets: dict[str, tuple[int, int]], body: str
) -> Iterator[GoldMention]:
    markables = root.find("Markables")
    mentions: dict[str, tuple[int, int, str, tuple[int, int] | None]] = {}
    entities: dict[str, tuple[str, str]] = {}
    for element in markables if markables is not None else []:
        if element.tag == "ENTITY_MENTION":
            spans = [offsets[a.get("t_id")] for a in element if a.get("t_id") in offsets]
            if spans:
                kind = element.get("syntactic_type", "")
                start, end = spans[0][0], spans[-1][1]
                head = head_span(body[start:end], start, element.get("head", ""))
                mentions[element.get("m_id")] = (start, end, kind, head)
        elif element.tag == "ENTITY" and element.get("external_ref"):
            entities[element.get("m_id")] = (element.get("external_ref"), element.get("ent_type"))
    for relation in root.iter("REFERS_TO"):
        target = relation.find("target")
        if target is None or target.get("m_id") not in entities:
            continue
        link, kind = entities[target.get("m_id")]
        for source in relation.findall("source"):
            found = mentions.get(source.get("m_id"))
            if found is not None:
                start, end, syntactic, head = found
                named = syntactic in ("NAM", "PRE.NAM")
                yield GoldMention(doc, start, end, link, kind, named, head)


def pick_gold(mentions: Sequence[Mention], gold: GoldMention) -> Mention | None:
    """The eventline mention standing for a gold mention. With an annotated head it must cover
    that head: in "lenders in the United States" the United States is a modifier, and
    resolving it says nothing about the lenders."""
    if gold.head is not None:
        h_start, h_end = gold.head
        mentions = [m for m in mentions if m.start < h_end and h_start < m.end]
    return pick_mention(mentions, gold.start, gold.end)


@dataclass(frozen=True)
class Rates:
    consistent: float  # share of gold mentions on their link's majority actor
    merged: float  # share of links whose majority actor is another link's too
    person_merged: float  # the same among person links
    merges: tuple[tuple[str, ...], ...]  # groups of links sharing one actor ("KIND name")


def _rates(gold: list[GoldMention], resolved: dict[GoldMention, str | None]) -> Rates:
    by_link: dict[str, list[str | None]] = {}
    kinds: dict[str, str] = {}
    for mention in gold:
        by_link.setdefault(mention.link, []).append(resolved[mention])
        kinds[mention.link] = mention.kind
    majority: dict[str, str] = {}
    consistent = 0
    for link, actors in by_link.items():
        counts = Counter(a for a in actors if a)
        if counts:
            majority[link], hits = counts.most_common(1)[0]
            consistent += hits
    groups: dict[str, list[str]] = {}
    for link, actor in majority.items():
        groups.setdefault(actor, []).append(link)
    merges = [g for g in groups.values() if len(g) > 1]
    merged = {link for g in merges for link in g}
    persons = [link for link in by_link if kinds[link] == "PER"]
    return Rates(
        consistent=consistent / len(gold) if gold else 1.0,
        merged=len(merged) / len(by_link) if by_link else 0.0,
        person_merged=len(merged.intersection(persons)) / len(persons) if persons else 0.0,
        merges=tuple(tuple(f"{kinds[k]} {k.rsplit('/', 1)[-1]}" for k in g) for g in merges),
    )


def score_meantime_entities(root: Path, nlp: Any, *, n_process: int = 1) -> SectionReport:
    """Consistency and wrong merges of DBpedia-linked entities over the English corpus; the
    misses list every group of links that share one actor, person merges first."""
    from eventline.nlp.pipeline import extract_actors

    files = sorted((root / CORPUS).glob("*/*.xml"))
    articles: list[Article] = []
    gold: list[GoldMention] = []
    for path in files:
        article, mentions = read_document(path)
        articles.append(article)
        gold.extend(mentions)
    extraction = extract_actors(nlp, articles, n_process=n_process)
    by_article: dict[str, list[Mention]] = {}
    for mention in extraction.mentions:
        by_article.setdefault(mention.article, []).append(mention)
    resolved: dict[GoldMention, str | None] = {}
    for g in gold:
        picked = pick_gold(by_article.get(g.doc, []), g)
        resolved[g] = picked.actor.id if picked and picked.actor else None
    rates = _rates(gold, resolved)
    named = [g for g in gold if g.named]
    links = len({g.link for g in gold})
    metrics = (
        Metric(
            "linked_mentions_consistent",
            rates.consistent,
            CONSISTENT_FLOOR,
            f"{len(gold)} mentions, {links} links",
        ),
        Metric(
            "named_mentions_consistent",
            _rates(named, resolved).consistent,
            NAMED_FLOOR,
            f"{len(named)} NAM/PRE.NAM mentions",
        ),
        Metric(
            "links_kept_apart",
            1 - rates.merged,
            APART_FLOOR,
            f"{rates.merged:.3f} of links share an actor with another link",
        ),
        Metric(
            "person_links_kept_apart",
            1 - rates.person_merged,
            PERSON_APART_FLOOR,
            "persons: no merges allowed",
        ),
    )
    merges = sorted(rates.merges, key=lambda g: not any(k.startswith("PER ") for k in g))
    misses = [f"{len(files)} documents", *(f"merged: {' + '.join(g)}" for g in merges)]
    return SectionReport("meantime_entities", metrics, tuple(misses))
