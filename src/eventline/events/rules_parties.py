"""Which parties make an event political (#11): PLOVER codes interactions of political
actors, so an act whose parties are all companies, products or names the nlp stage could not
resolve is business, and companies going to court is private litigation. The rules that
apply these tests are here (`sector_gate`, `commercial_acts`, `political_parties`);
`rules.RULES` runs them in their place in the order."""

from __future__ import annotations

from eventline.events.args import SPAN_KEY, prep_objects
from eventline.events.candidate import EventCandidate
from eventline.events.patterns import lexicon
from eventline.events.rules_base import RuleContext
from eventline.model import ActorRef

BUSINESS = frozenset({"BUS"})
# Sectors that make a party political (CAMEO/PLOVER actor codes): state bodies, armed and
# political groups, international and non-governmental organisations.
POLITICAL_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "IGO", "NGO", "SPY", "INS", "SEP"}
)
# Violence and protest by a party the nlp stage could not resolve stay events ("gunmen
# attacked", "a bomb exploded"); the gate is for acts that companies perform too.
UNGATED = frozenset({"ASSAULT", "COERCE", "PROTEST"})


def political_party(ref: ActorRef) -> bool:
    """Is `ref` a political actor: a body of a political sector (the KB gives a person the
    sector of the role held at the article's date), or a party the text places in a country:
    the state itself, its civilians, protesters, unions or clergy (PLOVER codes protesters
    against a government as CVL of that country), a former ruler? A party with no country
    and no political sector (a company, a product, a name the nlp stage could not resolve)
    is not. A business stays a business when the text gives its country ("Chinese airlines"
    BUS, "Air India": a named organisation the KB does not know, with only a country read
    from its name): only the state itself, a political sector or a described group of a
    country passes (#11)."""
    if ref.sector in POLITICAL_SECTORS:
        return True
    if ref.country is None or ref.sector in BUSINESS:
        return False
    if ref.sector is None and ref.id.startswith(_UNKNOWN_NAMED):
        return _political_name(ref.name)
    return True


def _political_name(name: str) -> bool:
    """An organisation the KB does not know is political when its name says what kind of
    body it is ("Nigerian Union of Teachers", "Liberian Peace Council", a "... Party"), not
    when it does not ("Qatar Airways", "Bank of Canada")."""
    words = lexicon().cue("political_org_words")
    return any(w in words or w.rstrip("s") in words for w in name.lower().split())


# Ids the nlp stage gives a name it could not resolve in the KB (`act_<hash>`).
_UNKNOWN_NAMED = "act_"


def political_event(c: EventCandidate, *, clashes: frozenset[str] = frozenset()) -> bool:
    """Violence and protest stay events when no party is resolved, but not when the only
    parties the text names are businesses ("Northrop defeated Boeing for the order", "Jobs
    fought cancer", "Boeing's protest of the award" is a bid protest, not a demonstration).
    Parties whose ids are in `clashes` (`name_clashes`) count as no political party."""
    parties = (*c.actor, *c.recipient)
    if _private_litigation(c):
        return False
    if any(political_party(p) and p.id not in clashes for p in parties):
        return True
    if c.type in UNGATED:
        return not any(p.sector in BUSINESS for p in parties)
    return False


def _private_litigation(c: EventCandidate) -> bool:
    """ "The two companies will need to ask a court to settle the dispute", "the firm
    appealed to the court": a court is the only political party and the sides that go to it
    are companies or names the nlp stage could not resolve, so the dispute is private
    (commercial litigation is no PLOVER event, #11)."""
    if not c.actor or not c.recipient or c.type in UNGATED:
        return False
    if any(political_party(a) for a in c.actor):
        return False
    return all(r.sector == "JUD" for r in c.recipient)


def sector_gate(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """Verbs with common non-political uses ("speak with", "travel to") need an actor of a
    listed sector."""
    kept = []
    for c in cands:
        sectors = {a.sector for a in c.actor}
        if c.pattern.sectors and None not in sectors and not sectors & c.pattern.sectors:
            continue
        kept.append(c)
    return kept


# Acts that companies perform too (offers, deals, support, resignations); violence and
# protest by an unresolved person stay events.
_COMMERCE_PRONE = frozenset(
    {"AGREE", "SUPPORT", "AID", "COOPERATE", "RETREAT", "CONSULT", "REQUEST", "CONCEDE", "REJECT"}
)


def _commercial(c: EventCandidate, ctx: RuleContext) -> bool:
    """ "Apple offered free cases to customers", "Jobs resigned as Apple CEO", "Boeing
    promised technical assistance to Aeroflot": PLOVER codes political actors. A cooperative
    act with no state body, political group or armed group among its parties is commercial
    when the text says so: a party is a business and none is a country, or the act is about
    products, customers or a company's officers. Parties the nlp stage could not resolve are
    no evidence either way ("the GAO called on the Air Force" stays an event)."""
    parties = (*c.actor, *c.recipient)
    if not parties or c.type not in _COMMERCE_PRONE:
        return False
    if any(p.sector and p.sector not in BUSINESS for p in parties):
        return False
    if any(p.sector in BUSINESS for p in parties) and not any(p.country for p in parties):
        return True
    words = ctx.lex.cue("commercial_words")
    objects = [t for t in c.trigger.children if t.dep_ in ("dobj", "nsubjpass", "attr")]
    objects += [p for _, p in prep_objects(c.trigger, ("to", "for", "with", "as", "of"))]
    objects += [t for t in c.trigger.children if t.dep_ in ("compound", "poss")]
    return any(t.lemma_.lower() in words or t.lower_ in words for t in objects)


def commercial_acts(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """Drops commercial acts (`_commercial`), once every rule has named the parties."""
    return [c for c in cands if not _commercial(c, ctx)]


def consumer_advice(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "The airline asked passengers to arrive early", "Volkswagen urged German drivers to
    bring their cars in", "Microsoft asked customers to install the patch": a firm's advice
    to its customers is no political demand. A REQUEST whose actors are all businesses is
    dropped when whom it addresses is customers (`consumer_words`) or people of no political
    standing only (civilians); one to a state, a court or a regulator stays ("the firm asked
    the regulator to approve the drug"). A firm the KB does not know has no sector ("Apple
    told US customers to use a case"): advice to customers by an actor of no political
    standing (`political_party`) is dropped too, while a state or a ministry telling
    consumers what to do stays a REQUEST."""
    words = ctx.lex.cue("consumer_words")
    kept = []
    for c in cands:
        if c.type == "REQUEST" and c.actor and not any(political_party(a) for a in c.actor):
            told = [t for t in c.trigger.children if t.dep_ in ("dobj", "dative")]
            told += [p for _, p in prep_objects(c.trigger, ("on", "to"))]
            if any(t.lemma_.lower() in words or t.lower_ in words for t in told):
                continue
            business = all(a.sector in BUSINESS for a in c.actor)
            if business and c.recipient and all(r.sector == "CVL" for r in c.recipient):
                continue
        kept.append(c)
    return kept


def political_parties(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """PLOVER codes interactions of political actors: "Thales will supply electronics",
    "Airbus offered discounts to Aer Lingus", "Apple released new laptops" are business.
    A non-violent event is kept only when its actor or recipient is a political party
    (`political_party`, a name clash aside: `name_clashes`); one whose parties are all
    companies, products, business people or unresolved names is dropped."""
    countries = _countries_named(ctx)
    return [c for c in cands if political_event(c, clashes=name_clashes(c, countries))]


def _countries_named(ctx: RuleContext) -> dict[str, list[ActorRef]]:
    """Each country the article's actors belong to, with the actors of it."""
    named: dict[str, list[ActorRef]] = {}
    for span in ctx.doc.spans.get(SPAN_KEY, ()):
        ref = getattr(span._, "actor", None) if span.has_extension("actor") else None
        if isinstance(ref, ActorRef) and ref.country:
            named.setdefault(ref.country, []).append(ref)
    return named


def _alone(ref: ActorRef, others: list[ActorRef]) -> bool:
    """Whether `ref` is all the article says of its country: every actor of that country is
    `ref` itself or another unknown name matched to the same kind of body ("SDK" twice)."""
    return all(
        o.id == ref.id or (o.id.startswith(_UNKNOWN_NAMED) and o.sector == ref.sector)
        for o in others
    )


def name_clashes(c: EventCandidate, countries: dict[str, list[ActorRef]]) -> frozenset[str]:
    """ "Apple and ABC have agreed to a deal" (ABC read as a party of Lesotho), "Apple
    releases the iPhone SDK" (a Slovak party), "challenged by Lockheed and Sikorsky" (a Polish
    minister): beside a company or an unresolved organisation, a one-word name (an acronym,
    a bare surname) the nlp stage matched to a political body (an `act_` id: no KB entry of
    its own) of a country the article names through no other actor is a match by accident.
    Returns the ids of such parties; none when no party of the event is a business."""
    parties = (*c.actor, *c.recipient)
    if not any(p.sector in BUSINESS or _unresolved_org(p) for p in parties):
        return frozenset()
    return frozenset(
        p.id
        for p in parties
        if p.id.startswith(_UNKNOWN_NAMED)  # matched by name, not an entry of the KB
        and " " not in p.name.strip()  # by one word: an acronym or a bare surname
        and p.country
        and p.sector in POLITICAL_SECTORS
        and _alone(p, countries.get(p.country, []))
    )


def _unresolved_org(ref: ActorRef) -> bool:
    return ref.id.startswith(_UNKNOWN_NAMED) and ref.country is None and ref.sector is None


# Sectors of a state or a political body: their spending is policy, not business.
_POLITICAL_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "PTY", "OPP", "IGO", "REB"})
# Verbs of spending money, and what a firm spends it on of its own.
_SPEND_VERBS = frozenset({"invest", "spend", "reinvest", "pour", "plough", "plow"})
_OWN_ASSETS = frozenset(
    {"plant", "factory", "facility", "site", "mill", "operation", "line", "refinery",
     "workshop", "warehouse", "headquarters", "store", "branch", "fleet", "research"}
)  # fmt: skip


def own_investment(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "The carmaker is still committed to invest $200 million into the plant", "pledged to
    spend $1 billion upgrading its factory": a promise to spend on one's own plant, by no
    state or political body and to no one, is a business plan, not a political act."""
    kept = []
    for c in cands:
        if c.type == "AGREE" and not c.recipient and c.actor and _spends_on_own(c):
            continue
        kept.append(c)
    return kept


def _spends_on_own(c: EventCandidate) -> bool:
    if any(a.sector in _POLITICAL_SECTORS or (a.country and not a.sector) for a in c.actor):
        return False  # a state body, or a state itself ("China pledged to invest in a plant")
    spends = [
        t
        for t in c.trigger.subtree
        if t.dep_ in ("xcomp", "advcl", "pcomp", "acl") and t.lemma_.lower() in _SPEND_VERBS
    ]
    for verb in spends:
        places = [p for _, p in prep_objects(verb, ("in", "into", "on"))]
        places += [t for t in verb.subtree if t.lemma_.lower() in _OWN_ASSETS]
        if any(p.lemma_.lower() in _OWN_ASSETS for p in places):
            return True
    return False
