"""Rules that find an act's other party where the trigger's own reading cannot (#11).

A coded act with no recipient loses the party PLOVER needs most; news often names it only
in a place the trigger's pattern does not look:

- `aid_beneficiary`: whom aid is for is often said by a purpose clause, not by a "to"
  phrase ("will give $40 million in aid to help the contractors which supply the navy",
  "sent doctors to assist flood victims"); the parser may also split a hyphenated noun into
  several objects or read "help farmers hit by the floods" as a clause with "farmers" its
  subject.
- `transfer_destination`: what is handed over (a suspect, vaccine doses) is no party; the
  party it goes to is ("extradited a Russian programmer to the United States").
- `purchase_seller`: a state buying aircraft or arms names its seller as the maker in the
  product's name ("agreed to purchase 60 Boeing 737 aircraft"), which the parser reads as a
  modifier of the product and the nlp stage may not tag as an organisation at all.
- `offer_addressee`: an offer or a request is addressed to the party that received, opened
  or weighed it ("said the head of the privatisation agency after opening X's offer"): the
  body that party heads when the text says so.
- `deal_counterparty`: a deal killed, rejected or signed has a counterparty, named in the
  deal's own phrase ("the lease deal with Zentrix") or where the sentence says whom the deal
  favoured or was with ("the deal was killed by the ministry because reports said the deal
  had favoured Zentrix").
"""

from __future__ import annotations

from functools import cache

import pycountry
from spacy.tokens import Token

from eventline.events.args import ActorIndex, children, first, prep_objects, subject, unique
from eventline.events.candidate import EventCandidate, own_actor
from eventline.events.rules_base import RuleContext, excluding
from eventline.model import ActorRef, content_id


def aid_beneficiary(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """AID with no recipient: the party a purpose clause of helping names ("gave aid to help
    X", "to assist X"), or the object of the helping verb that is the trigger itself when the
    parser split that object ("help the sub-contractors")."""
    verbs = ctx.lex.cue("beneficiary_verbs")
    for c in cands:
        if c.type != "AID" or c.recipient or not c.actor:
            continue
        for helper in _helping_verbs(c, verbs):
            if found := excluding(_helped(helper, ctx), c.actor):
                c.recipient = found
                break
    return cands


# Types whose act moves someone or something to a party ("extradited a suspect to the US",
# "delivered vaccine doses to Zimbabwe", "handed their weapons over to UN troops").
_TRANSFER_TYPES = frozenset({"AID", "COOPERATE", "RETREAT"})


def transfer_destination(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Spain extradited a Russian programmer to the United States": what is handed over is
    no party; the party it goes to (the verb's "to" phrase) is the recipient, not the
    nationality of the person or the maker of the goods moved."""
    for c in cands:
        verb = _transfer_verb(c)
        if verb is None or not c.actor:
            continue
        objs = list(children(verb, "dobj"))
        if not objs or any(o.pos_ == "PRON" or ctx.actors.covering(o) for o in objs):
            continue  # "sent Kyiv to the talks": the object is itself a party
        moved = {r.id for o in objs for r in (*ctx.actors.refs(o), *own_actor(o, ctx.actors))}
        if any(r.id not in moved for r in c.recipient):
            continue  # a recipient found elsewhere than in what is moved stays
        found = unique(r for _, p in prep_objects(verb, ("to",)) for r in ctx.actors.refs(p))
        if found := excluding(found, c.actor):
            c.recipient = found
    return cands


def goods_carried(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Tonnes of medical supplies were flown to Libya by the UAE", "the army flew food to
    the flooded region": a travel verb whose load is relief goods is a delivery of aid (AID),
    not a visit; the destination stays the recipient."""
    goods = ctx.lex.cue("relief_goods")
    for c in cands:
        if c.type != "CONSULT" or c.pattern.roles != "destination" or c.trigger.pos_ != "VERB":
            continue
        subj, passive = subject(c.trigger)
        load = subj if passive else first(c.trigger, "dobj")
        if load is None:
            continue
        heads = [load, *(p for _, p in prep_objects(load, ("of",)))]
        if any(h.lemma_.lower() in goods or h.lower_ in goods for h in heads):
            c.type, c.mode = "AID", None
    return cands


def _transfer_verb(c: EventCandidate) -> Token | None:
    """The verb that moves what is handed over: the trigger, or the verb whose object the
    trigger noun is ("delivered doses to Laos, the third donation from Beijing")."""
    if c.type not in _TRANSFER_TYPES:
        return None
    if c.trigger.pos_ == "VERB":
        return c.trigger
    head = c.trigger.head
    return head if c.trigger.dep_ == "dobj" and head.pos_ == "VERB" else None


def _helping_verbs(c: EventCandidate, verbs: frozenset[str]) -> list[Token]:
    """The trigger when it is a helping verb, and the infinitive purpose clauses of helping
    hung on the trigger, on its clause or on the verb whose object the aid noun is."""
    holders = [c.trigger, c.clause]
    if c.trigger.pos_ == "NOUN" and c.trigger.dep_ in ("pobj", "dobj"):
        holders.append(c.trigger.head.head if c.trigger.dep_ == "pobj" else c.trigger.head)
    found = [c.trigger] if c.trigger.lemma_.lower() in verbs else []
    for holder in dict.fromkeys(holders):
        found += [
            x
            for x in children(holder, "advcl", "xcomp", "acl")
            if x.lemma_.lower() in verbs and _infinitive(x)
        ]
    return list(dict.fromkeys(found))


def _infinitive(verb: Token) -> bool:
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def _helped(verb: Token, ctx: RuleContext) -> tuple[ActorRef, ...]:
    """Whom `verb` helps: a party or a role noun among its objects (the last noun first: the
    head of an object the parser split, "sub - contractors"), or the subject of a clause the
    parser made of "farmers hit by the floods"."""
    heads = [x for x in reversed(list(children(verb, "dobj"))) if x.pos_ in ("NOUN", "PROPN")]
    heads += [s for x in children(verb, "ccomp") if (s := first(x, "nsubj")) is not None]
    for head in heads:
        if found := ctx.actors.refs(head) or ctx.actors.descriptor(head):
            return found
    return ()


def purchase_seller(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """An act of buying (its trigger, its complement or the clause it is told in is a verb of
    buying) with no recipient: the maker named before the model of what is bought."""
    verbs = ctx.lex.cue("purchase_verbs")
    for c in cands:
        if not c.actor:
            continue
        obj = first(c.trigger, "dobj")
        heads = [c.trigger, c.clause, *children(c.trigger, "xcomp", "ccomp", "acl")]
        heads += list(children(obj, "acl")) if obj is not None else []  # "a deal to buy"
        heads += [x for x in children(c.trigger, "advcl") if _infinitive(x)]  # "signed .. to buy"
        buying = [h for h in dict.fromkeys(heads) if h.lemma_.lower() in verbs]
        for verb in buying:
            bought = first(verb, "dobj")
            maker = _maker(bought, ctx.actors)
            if maker is None or bought is None:
                continue
            if not c.recipient or _model_only(c.recipient, maker, bought, ctx):
                c.recipient = excluding((_maker_ref(maker, ctx),), c.actor)
            break
    return cands


def bought_goods(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Air Meridia will purchase 20 new Skyforge jets": what is bought (jets, aircraft,
    vehicles: `goods_nouns`) is never a party, even when the nlp stage tagged its phrase as
    one (a maker's model read as a body) or a country's adjective names whose make it is.
    A recipient named only inside the bought object's phrase is dropped, so that a company
    buying goods from a company is left to `political_parties` as business (#13), while
    `purchase_seller` can still name the maker as the seller of a state's order."""
    verbs = ctx.lex.cue("purchase_verbs")
    goods = ctx.lex.cue("goods_nouns")
    for c in cands:
        if not c.recipient:
            continue
        heads = [c.trigger, *children(c.trigger, "xcomp", "ccomp", "acl")]
        obj = first(c.trigger, "dobj")
        heads += list(children(obj, "acl")) if obj is not None else []
        heads += [x for x in children(c.trigger, "advcl") if _infinitive(x)]
        for verb in (h for h in dict.fromkeys(heads) if h.lemma_.lower() in verbs):
            bought = first(verb, "dobj")
            if bought is None or bought.lemma_.lower() not in goods:
                continue
            inside = {r.id for r in ctx.actors.refs(bought)}
            inside |= {r.id for t in bought.subtree if (r := ctx.actors.covering(t)) is not None}
            c.recipient = tuple(r for r in c.recipient if r.id not in inside)
            break
    return cands


def _model_only(refs: tuple[ActorRef, ...], maker: Token, bought: Token, ctx: RuleContext) -> bool:
    """Whether every party in `refs` is named only by words of the product's model, after its
    maker ("737 Max" read as a person): such a party is no party at all."""
    model = [t for t in bought.doc[maker.i + 1 : bought.i + 1]]
    ids = {r.id for t in model if (r := ctx.actors.covering(t)) is not None}
    return bool(ids) and all(r.id in ids for r in refs)


# Entity labels a maker's name may carry: an organisation, a product name the maker starts,
# or none (the nlp stage often reads it as part of the product).
_MAKER_LABELS = frozenset({"ORG", "PRODUCT", ""})


def _maker(obj: Token | None, actors: ActorIndex) -> Token | None:
    """ "60 Boeing 737 Max aircraft", "four Lockheed C-130 transport planes": the first
    capitalised proper noun before the object's head with a model name or number after it
    (a bare "Dreamliner jets" names a model, not a maker), unless it only begins a longer
    name of an actor ("500 National Guard vehicles")."""
    if obj is None or obj.pos_ != "NOUN" or actors.descriptor(obj):
        return None
    words = [t for t in obj.doc[obj.left_edge.i : obj.i] if not t.is_punct]
    for k, tok in enumerate(words):
        if tok.pos_ != "PROPN" or not tok.is_alpha or not tok.text[:1].isupper():
            continue
        if tok.ent_type_ not in _MAKER_LABELS:
            return None  # "Chinese", "French": a country's, not a maker's
        if any(span.end > tok.i + 1 for span, _ in actors.by_token.get(tok.i, ())):
            return None  # "National Guard": one name, not a maker and a model
        return tok if k + 1 < len(words) else None
    return None


def _maker_ref(maker: Token, ctx: RuleContext) -> ActorRef:
    """The document's actor of that name when the nlp stage found it elsewhere, else an
    organisation known by its name only (as the nlp stage codes a name it cannot resolve)."""
    for pairs in ctx.actors.by_token.values():
        for _, ref in pairs:
            if ref.name == maker.text:
                return ref
    return ActorRef(id=content_id("act", "organization", maker.text.casefold()), name=maker.text)


# Types whose noun ("offer", "bid", "proposal", "request") is addressed to someone.
_ADDRESSED = frozenset({"AGREE", "REQUEST"})


def offer_addressee(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """An offer or a request noun with no recipient, the object of another party's verb of
    receiving or weighing it, or of yielding to it ("bowed to pressure from X"): that party,
    or the body it heads ("X, head of the Y agency, after opening Z's offer": Y), is whom it
    was addressed to."""
    for c in cands:
        noun = c.trigger
        if c.recipient or not c.actor or noun.pos_ != "NOUN" or c.type not in _ADDRESSED:
            continue
        verb = _receiving_verb(noun, ctx)
        if verb is None:
            continue
        subj, passive = subject(verb)
        if subj is None or passive:
            continue
        c.recipient = excluding(_headed_body(subj, ctx) or ctx.actors.refs(subj), c.actor)
    return cands


def _receiving_verb(noun: Token, ctx: RuleContext) -> Token | None:
    """The verb whose subject receives an offer or a demand: "rejected an offer from X",
    "bowed to pressure from X", "came under pressure from X"."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in ctx.lex.cue("offer_receiving_verbs"):
        return noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("to", "under") or prep.head.pos_ != "VERB":
        return None
    verb = prep.head
    return verb if verb.lemma_.lower() in ctx.lex.cue("yielding_verbs") else None


def _headed_body(person: Token, ctx: RuleContext) -> tuple[ActorRef, ...]:
    """ "Ion Marin, head of the State Privatisation Agency": the body a person's apposition
    says they head."""
    heads = ctx.lex.cue("role_heads")
    for role in children(person, "appos"):
        if role.lemma_.lower() not in heads:
            continue
        for prep in children(role, "prep"):
            if prep.lower_ in ("of", "at"):
                for body in children(prep, "pobj"):
                    if found := ctx.actors.refs(body):
                        return found
    return ()


# Types whose object may be a deal with a counterparty (a deal rejected, killed, agreed).
_DEAL_TYPES = frozenset({"REJECT", "AGREE", "SUPPORT", "RETREAT"})
_DEAL_PREPS = ("with", "for", "to")


def deal_counterparty(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """A deal (a contract, a lease, an agreement) an act is about, with no recipient: the
    party the deal is with, in its own phrase ("the lease deal with Zentrix", "Zentrix's
    contract"), or, when the sentence names the deal again ("... because reports said the
    deal had favoured Zentrix"), the party that other mention's clause gives it."""
    deals = ctx.lex.cue("cancellable_objects")
    for c in cands:
        if c.recipient or not c.actor or c.type not in _DEAL_TYPES or c.trigger.pos_ != "VERB":
            continue
        obj = first(c.trigger, "dobj", "nsubjpass")
        if obj is None or obj.lemma_.lower() not in deals or ctx.actors.refs(obj):
            continue
        found = own_actor(obj, ctx.actors) or unique(
            r for _, p in prep_objects(obj, _DEAL_PREPS) for r in ctx.actors.refs(p)
        )
        found = found or _named_again(obj, ctx.actors) or regional_parties(obj, c.actor)
        c.recipient = excluding(found, c.actor)
    return cands


@cache
def _region_countries() -> dict[str, frozenset[str]]:
    """Each first-level region name of ISO 3166-2 (casefolded) -> the alpha-3 codes of the
    countries that have a region of that name ("punjab" -> IND, PAK)."""
    found: dict[str, set[str]] = {}
    for region in pycountry.subdivisions:
        if getattr(region, "parent_code", None):
            continue  # a second-level unit
        country = pycountry.countries.get(alpha_2=region.country_code)
        if country is not None:
            found.setdefault(region.name.casefold(), set()).add(str(country.alpha_3))
    return {name: frozenset(codes) for name, codes in found.items()}


# Nouns of a first-level region whose "of" phrase names it ("the province of Ontario").
_REGION_NOUNS = frozenset({"province", "state", "territory", "region", "canton", "prefecture"})


def regional_parties(
    deal: Token, actor: tuple[ActorRef, ...], *, preps: tuple[str, ...] = ("with",)
) -> tuple[ActorRef, ...]:
    """ "The federal government signed an agreement with Ontario and Quebec", "Ottawa reached
    a deal with the province of Ontario": a state's deal with its own provinces or states,
    which the nlp stage reads as places, not actors. Each region the deal's "with" phrase
    names (a place entity, or a region noun's "of" phrase), its conjuncts included, is a
    sub-national government of the actor's one country, when ISO 3166-2 lists a first-level
    region of that country by the name (a state deals with its own regions; a foreign one
    would be named with its country, an actor). `preps`: the phrases read
    ("by"/"from" for whose bid or proposal it is)."""
    countries = {a.country for a in actor if a.country}
    if len(countries) != 1:
        return ()
    (country,) = countries
    heads = [p for _, p in prep_objects(deal, preps)]
    heads = [h for p in heads for h in (p, *p.conjuncts)]
    return unique(r for head in heads if (r := region_party(head, country)) is not None)


def region_party(head: Token, country: str) -> ActorRef | None:
    """The government of the first-level region of `country` that `head` names (a place
    entity, or a region noun's "of" phrase: "the province of Ontario"), when ISO 3166-2 lists
    one of that country by the name; None for anything else (a foreign region would be named
    with its country, an actor)."""
    if head.lemma_.lower() in _REGION_NOUNS:
        head = next((p for _, p in prep_objects(head, ("of",))), head)
    if head.ent_type_ != "GPE" or head.pos_ != "PROPN":
        return None
    ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    name = ent.text if ent is not None else head.text
    if country not in _region_countries().get(name.casefold(), ()) and not _admin1_of(
        name, country
    ):
        return None  # no region of the state ("an offer from Afganistan", misspelt)
    key = name.casefold().replace(" ", "-")
    return ActorRef(id=f"region:{country}:{key}", name=name, country=country, sector="GOV")


def _admin1_of(name: str, country: str) -> bool:
    """Is `name` the English name of a first-level region of `country` in the gazetteer
    ("Bavaria", which ISO 3166-2 lists as "Bayern")?"""
    from eventline.nlp.places import resolve_place

    place = resolve_place(name, towns=False)
    return place is not None and place.kind == "admin1" and place.country == country


def _named_again(deal: Token, actors: ActorIndex) -> tuple[ActorRef, ...]:
    """ "the deal had favored Boeing", "the deal with Boeing": another definite mention of
    the same noun later in the sentence, and the party its clause's object or its own "with"
    phrase names."""
    for other in deal.sent:
        if other.i <= deal.i or other.lemma_ != deal.lemma_ or other.pos_ != "NOUN":
            continue
        if not any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in other.children):
            continue
        found = unique(r for _, p in prep_objects(other, _DEAL_PREPS) for r in actors.refs(p))
        if not found and other.dep_ in ("nsubj", "nsubjpass") and other.head.pos_ == "VERB":
            found = actors.refs(first(other.head, "dobj"))
        if found:
            return found
    return ()


# Prepositions that name whom a pledged or given thing is for.
_FOR_PREPS = ("for", "to")


def pledged_beneficiary(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Japan pledged $1.5 billion in reconstruction aid for Ukraine at a conference in
    Tokyo": a pledge or a gift whose recipient is only the actor's own state (read from the
    venue) is for the party its object names ("aid for Ukraine"), however deep the parser
    hangs it under the amount."""
    for c in cands:
        if c.type not in ("AGREE", "AID") or c.trigger.pos_ != "VERB" or not c.actor:
            continue
        own = {a.country for a in c.actor}
        if c.recipient and any(r.country not in own for r in c.recipient):
            continue
        obj = first(c.trigger, "dobj")
        if obj is None:
            continue
        for prep in (t for t in obj.subtree if t.dep_ == "prep" and t.lower_ in _FOR_PREPS):
            found = tuple(
                r
                for p in prep.children
                if p.dep_ == "pobj"
                for r in ctx.actors.refs(p)
                if r.country not in own
            )
            if found:
                c.recipient = found
                break
    return cands
