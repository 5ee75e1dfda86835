"""Score cross-document actor resolution on NewsReader MEANTIME (English, 120 Wikinews texts).

MEANTIME links entity mentions (ENTITY_MENTION, token anchors) through REFERS_TO relations to
ENTITY instances; those with `external_ref` carry a DBpedia link. For every link we ask whether
eventline resolves its mentions to one canonical actor (consistency) and whether two links end
up on the same actor (wrong merges). Persons are reported apart: no two person links may merge.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventline.eval.entities import pick_mention
from eventline.eval.report import Metric, SectionReport
from eventline.model import Article, Mention

CORPUS = "intra_cross-doc_annotation"


@dataclass(frozen=True)
class GoldMention:
    doc: str
    start: int
    end: int
    link: str
    kind: str
    named: bool


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
    return article, list(_linked(root, article.id, offsets))


def _linked(root: Any, doc: str, offsets: dict[str, tuple[int, int]]) -> Iterator[GoldMention]:
    markables = root.find("Markables")
    mentions: dict[str, tuple[int, int, str]] = {}
    entities: dict[str, tuple[str, str]] = {}
    for element in markables if markables is not None else []:
        if element.tag == "ENTITY_MENTION":
            spans = [offsets[a.get("t_id")] for a in element if a.get("t_id") in offsets]
            if spans:
                kind = element.get("syntactic_type", "")
                mentions[element.get("m_id")] = (spans[0][0], spans[-1][1], kind)
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
                start, end, syntactic = found
                yield GoldMention(doc, start, end, link, kind, syntactic in ("NAM", "PRE.NAM"))


def _rates(
    gold: list[GoldMention], resolved: dict[GoldMention, str | None]
) -> tuple[float, float, float, dict[str, str]]:
    """Consistency share, merged-link share, person merged-link share, majority per link."""
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
    owners = Counter(majority.values())
    merged = {link for link, actor in majority.items() if owners[actor] > 1}
    persons = [link for link in by_link if kinds[link] == "PER"]
    share = consistent / len(gold) if gold else 1.0
    merged_share = len(merged) / len(by_link) if by_link else 0.0
    person_merged = len([p for p in persons if p in merged]) / len(persons) if persons else 0.0
    return share, merged_share, person_merged, majority


def score_meantime_entities(root: Path, nlp: Any, *, n_process: int = 1) -> SectionReport:
    """Consistency and wrong merges of DBpedia-linked entities over the English corpus."""
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
        picked = pick_mention(by_article.get(g.doc, []), g.start, g.end)
        resolved[g] = picked.actor.id if picked and picked.actor else None
    share, merged, person_merged, _ = _rates(gold, resolved)
    named = [g for g in gold if g.named]
    n_share, _, _, _ = _rates(named, resolved)
    links = len({g.link for g in gold})
    metrics = (
        Metric("linked_mentions_consistent", share, None, f"{len(gold)} mentions, {links} links"),
        Metric("named_mentions_consistent", n_share, None, f"{len(named)} NAM/PRE.NAM mentions"),
        Metric("links_wrongly_merged", merged, None, "share of links sharing an actor"),
        Metric("person_links_kept_apart", 1 - person_merged, 1.0, "persons: no merges allowed"),
    )
    return SectionReport("meantime_entities", metrics, (f"{len(files)} documents",))
