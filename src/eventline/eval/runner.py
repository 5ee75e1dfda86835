"""Run eventline against gold data and benchmarks, section by section.

Gold sections (articles, entities, events, …) share one run of the pipeline over the sample
folder in a temporary store, made only when one of them is asked for. Benchmark sections
(meantime-*, plover-gsr) read their own corpora."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePath

from spacy.language import Language

from eventline.analyse import analyse
from eventline.errors import InputError
from eventline.eval.actor_checks import score_actor_checks, score_fresh_actor_checks
from eventline.eval.articles import gold_ids, score_articles
from eventline.eval.claims import score_claims
from eventline.eval.duplicates import score_duplicates, score_stories
from eventline.eval.entities import score_entities
from eventline.eval.events import linked_dates, score_events
from eventline.eval.factchecks import score_factchecks  # H6: fact-check section
from eventline.eval.floors import apply_floors
from eventline.eval.gold import Gold, load_gold
from eventline.eval.listings import score_listings
from eventline.eval.meantime_entities import score_meantime_entities
from eventline.eval.meantime_events import score_meantime_events
from eventline.eval.meantime_timex import score_meantime_timex, score_meantime_timex_f1
from eventline.eval.pages import score_pages
from eventline.eval.pages_fresh import score_pages_fresh
from eventline.eval.party_dates import score_party_dates
from eventline.eval.places import fresh_places, meantime_coded, score_place_examples, score_places
from eventline.eval.plover_fresh import score_plover_fresh
from eventline.eval.plover_gsr import score_plover_gsr, score_plover_gsr_f1
from eventline.eval.quotes import load_quote_files, score_quote_attributions, score_quotes
from eventline.eval.report import SectionReport
from eventline.eval.timex_examples import score_timex_examples, score_timex_fresh
from eventline.events import CodedDoc, code_doc, code_text
from eventline.model import Article, Claim, Document, DuplicateGroup, Event, EventMention, Story
from eventline.nlp import ActorExtraction, extract_actors, load_nlp
from eventline.pipeline import ingest, plan_sources
from eventline.settings import Settings
from eventline.store import Store


@dataclass
class EvalRun:
    gold: Gold
    articles: dict[str, Article]  # gold-style id ("<file stem>" or "<file stem>#n") → article
    documents: dict[str, Document]  # source file stem → document
    store: Store


def prepare_run(gold_path: Path, samples: Path, *, workdir: Path) -> EvalRun:
    """Ingest `samples` into a fresh store under `workdir` and index articles by gold id."""
    gold = load_gold(gold_path)
    if not samples.is_dir():
        raise InputError(str(samples), "samples folder not found")
    settings = Settings(db=str(workdir / "eval.db"))
    store = Store(settings.db_url)
    sources, _ = plan_sources([str(samples)])
    ingest(store, sources, settings=settings)
    articles = gold_ids(store.iter_articles())
    documents: dict[str, Document] = {}
    for doc_id in {a.document_id for a in articles.values()}:
        document = store.document(doc_id)
        if document is not None:
            documents[PurePath(document.source_path).stem] = document
    return EvalRun(gold=gold, articles=articles, documents=documents, store=store)


@dataclass
class EvalContext:
    """Inputs of an evaluation; the gold run is prepared on first use."""

    gold_path: Path
    samples: Path
    meantime: Path
    plover: Path
    workdir: Path
    _stores: list[Store] = field(default_factory=list)

    @cached_property
    def run(self) -> EvalRun:
        prepared = prepare_run(self.gold_path, self.samples, workdir=self.workdir)
        self._stores.append(prepared.store)
        return prepared

    @cached_property
    def nlp(self) -> Language:
        return load_nlp()

    @cached_property
    def extraction(self) -> ActorExtraction:
        return extract_actors(self.nlp, list(self.run.articles.values()))

    @cached_property
    def coded(self) -> dict[str, CodedDoc]:
        """Events, quotes and timexes per gold article id."""
        out = {}
        for (key, article), doc in zip(
            self.run.articles.items(), self.extraction.docs, strict=True
        ):
            published = article.published.value if article.published else None
            out[key] = code_doc(doc, article_id=article.id, published=published, kind=article.kind)
        return out

    @cached_property
    def analysed(self) -> Store:
        """The gold run's store after the full analysis (corpus stages included)."""
        analyse(self.run.store, settings=Settings(db=str(self.workdir / "eval.db")))
        return self.run.store

    def close(self) -> None:
        for store in self._stores:
            store.close()


def _articles(ctx: EvalContext) -> SectionReport:
    return score_articles(ctx.run.gold, ctx.run.articles, documents=ctx.run.documents)


def _entities(ctx: EvalContext) -> SectionReport:
    return score_entities(ctx.run.gold, ctx.run.articles, ctx.extraction)


def _events(ctx: EvalContext) -> SectionReport:  # dates after linking (storydate helper)
    linked = ctx.analysed.records("event_mentions", EventMention)
    coded = linked_dates(ctx.coded, ctx.run.articles, linked)
    return score_events(ctx.run.gold, ctx.run.articles, coded)


def _quotes(ctx: EvalContext) -> SectionReport:
    return score_quotes(ctx.run.gold, ctx.coded)


def _plover_gsr(ctx: EvalContext) -> SectionReport:
    return score_plover_gsr(ctx.plover, ctx.nlp)


def _actors(ctx: EvalContext) -> SectionReport:
    return score_actor_checks(ctx.nlp)


def _places(ctx: EvalContext) -> SectionReport:
    coded = zip(ctx.extraction.docs, (c.events for c in ctx.coded.values()), strict=True)
    return score_places("places", coded)


def _meantime_places(ctx: EvalContext) -> SectionReport:
    return score_places("meantime_places", meantime_coded(ctx.meantime, ctx.nlp))


def _meantime_entities(ctx: EvalContext) -> SectionReport:
    return score_meantime_entities(ctx.meantime, ctx.nlp)


def _duplicates(ctx: EvalContext) -> SectionReport:
    groups = ctx.analysed.records("duplicate_groups", DuplicateGroup)
    return score_duplicates(ctx.run.gold, ctx.run.articles, groups)


def _stories(ctx: EvalContext) -> SectionReport:
    stories = ctx.analysed.records("stories", Story)
    return score_stories(ctx.run.gold, ctx.run.articles, stories)


def _claims(ctx: EvalContext) -> SectionReport:
    store = ctx.analysed
    claims = store.records("claims", Claim)
    return score_claims(
        ctx.run.gold, ctx.run.articles, claims, events=store.records("events", Event)
    )


def _factchecks(ctx: EvalContext) -> SectionReport:  # H6: fact-check section
    return score_factchecks(ctx.run.gold, ctx.run.articles, ctx.run.documents)


def _meantime_events(ctx: EvalContext) -> SectionReport:
    nlp = ctx.nlp

    def code(text: str, anchor: str | None) -> list[EventMention]:
        return code_text(nlp, text, published=anchor).events

    return score_meantime_events(ctx.meantime, code=code)


def _meantime_timex(ctx: EvalContext) -> SectionReport:
    return score_meantime_timex(ctx.meantime)


def _meantime_timex_f1(ctx: EvalContext) -> SectionReport:
    return score_meantime_timex_f1(ctx.meantime)


def _quote_attributions(ctx: EvalContext) -> SectionReport:
    files = load_quote_files(Path("examples") / "expected.yaml")
    return score_quote_attributions(
        files, lambda text, day: code_text(ctx.nlp, text, published=day).quotes
    )


def _quote_attributions_2(ctx: EvalContext) -> SectionReport:
    """The larger quote-attribution set written before the rules (resources/quotes/)."""
    from eventline.eval.quotes import HELD_OUT_SECTION, held_out_quote_files

    return score_quote_attributions(
        held_out_quote_files(),
        lambda text, day: code_text(ctx.nlp, text, published=day).quotes,
        section=HELD_OUT_SECTION,
    )


def _quotes_fresh_5(split: str, section: str) -> Callable[[EvalContext], SectionReport]:
    """The fifth quote set (resources/quotes/fresh5/): US political news, one half."""
    from eventline.eval.quotes import fresh_5_quote_files

    def run(ctx: EvalContext) -> SectionReport:
        return score_quote_attributions(
            fresh_5_quote_files(split),
            lambda text, day: code_text(ctx.nlp, text, published=day).quotes,
            section=section,
        )

    return run


def _place_examples_2(ctx: EvalContext) -> SectionReport:
    """The second place set, written before the rules it measures (eval/places.py)."""
    from eventline.eval.places import EXAMPLES_2

    return score_place_examples(ctx.nlp, path=EXAMPLES_2, section="place_examples_2")


def _meantime_quotes(section: str) -> Callable[[EvalContext], SectionReport]:
    """Quote attribution on the MEANTIME quote gold (eval/meantime_quotes.py): one half."""
    from eventline.eval.meantime_quotes import score_meantime_quotes

    def run(ctx: EvalContext) -> SectionReport:
        return score_meantime_quotes(
            ctx.meantime,
            lambda text, day: code_text(ctx.nlp, text, published=day).quotes,
            section=section,
        )

    return run


SECTIONS: dict[str, Callable[[EvalContext], SectionReport]] = {
    "articles": _articles,
    "entities": _entities,
    "actors": _actors,
    "places": _places,
    "events": _events,
    "quotes": _quotes,
    "plover-gsr": _plover_gsr,
    "meantime-entities": _meantime_entities,
    "duplicates": _duplicates,
    "stories": _stories,
    "claims": _claims,
    "factchecks": _factchecks,  # H6
    "meantime-events": _meantime_events,
    "meantime-timex": _meantime_timex,
    "meantime-places": _meantime_places,
    "meantime-timex-f1": _meantime_timex_f1,
    "timex-examples": lambda ctx: score_timex_examples(),
    "listings": lambda ctx: score_listings(Path("examples")),
    "plover-gsr-f1": lambda ctx: score_plover_gsr_f1(ctx.plover, ctx.nlp),
    "quote-attributions": _quote_attributions,  # dates helper: quotes on examples/quotes/
    "place-examples": lambda ctx: score_place_examples(ctx.nlp),  # issue 9: eval/places.py
    "quote-attributions-2": _quote_attributions_2,  # quotes helper: resources/quotes/
    "actors-fresh": lambda ctx: score_fresh_actor_checks(ctx.nlp, "actors-fresh"),
    "actors-fresh-test": lambda ctx: score_fresh_actor_checks(ctx.nlp, "actors-fresh-test"),
    "actors-fresh-2": lambda ctx: score_fresh_actor_checks(ctx.nlp, "actors-fresh-2"),  # actors
    "actors-fresh-2-test": lambda ctx: score_fresh_actor_checks(ctx.nlp, "actors-fresh-2-test"),
    "place-examples-2": _place_examples_2,  # places helper: resources/places/examples_2.yaml
    "place-examples-fresh": fresh_places("place-examples-fresh"),  # places3: fresh set, dev
    "place-examples-fresh-test": fresh_places("place-examples-fresh-test"),  # held out
    "meantime-quotes": _meantime_quotes("meantime_quotes"),  # quotes helper: dev half
    "meantime-quotes-test": _meantime_quotes("meantime_quotes_test"),  # held out
    "meantime-quotes-2": _meantime_quotes("meantime_quotes_2"),  # second annotator: dev half
    "meantime-quotes-2-test": _meantime_quotes("meantime_quotes_2_test"),  # held out
    "meantime-quotes-3": _meantime_quotes("meantime_quotes_3"),  # third annotator: dev half
    "meantime-quotes-3-test": _meantime_quotes("meantime_quotes_3_test"),  # held out
    "plover-fresh": lambda ctx: score_plover_fresh(ctx.nlp, "plover-fresh"),  # pfresh helper
    "plover-fresh-test": lambda ctx: score_plover_fresh(ctx.nlp, "plover-fresh-test"),
    "plover-fresh-2": lambda ctx: score_plover_fresh(ctx.nlp, "plover-fresh-2"),  # 2nd annotator
    "plover-fresh-2-test": lambda ctx: score_plover_fresh(ctx.nlp, "plover-fresh-2-test"),
    "plover-fresh-3": lambda ctx: score_plover_fresh(ctx.nlp, "plover-fresh-3"),  # 3rd annotator
    "plover-fresh-3-test": lambda ctx: score_plover_fresh(ctx.nlp, "plover-fresh-3-test"),
    "plover-fresh-4": lambda ctx: score_plover_fresh(ctx.nlp, "plover-fresh-4"),  # 4th: elections
    "plover-fresh-4-test": lambda ctx: score_plover_fresh(ctx.nlp, "plover-fresh-4-test"),
    "pages": lambda ctx: score_pages(Path("examples")),  # pages helper: examples/pages.yaml
    "party-dates": lambda ctx: score_party_dates(ctx.nlp),  # parties helper: #11 review 7
    "pages-fresh": lambda ctx: score_pages_fresh(Path("examples")),  # pages by another author
    "timex-fresh": lambda ctx: score_timex_fresh("timex-fresh"),  # TimeML articles: dev half
    "timex-fresh-test": lambda ctx: score_timex_fresh("timex-fresh-test"),  # held out
    "plover-fresh-5": lambda ctx: score_plover_fresh(ctx.nlp, "plover-fresh-5"),  # 5th: wire copy
    "plover-fresh-5-test": lambda ctx: score_plover_fresh(ctx.nlp, "plover-fresh-5-test"),
    "quotes-fresh-5": _quotes_fresh_5("dev", "quotes_fresh_5"),  # US political news: dev half
    "quotes-fresh-5-test": _quotes_fresh_5("test", "quotes_fresh_5_test"),  # held out
}


def evaluate(
    *,
    gold_path: Path,
    samples: Path,
    meantime: Path,
    plover: Path,
    sections: Sequence[str] = (),
) -> list[SectionReport]:
    """Score the chosen sections (all by default)."""
    unknown = [s for s in sections if s not in SECTIONS]
    if unknown:
        raise InputError(", ".join(unknown), f"unknown section; choose from {', '.join(SECTIONS)}")
    with tempfile.TemporaryDirectory(prefix="eventline-eval-") as tmp:
        ctx = EvalContext(gold_path, samples, meantime, plover, Path(tmp))
        try:
            return [apply_floors(SECTIONS[name](ctx)) for name in (sections or SECTIONS)]
        finally:
            ctx.close()
