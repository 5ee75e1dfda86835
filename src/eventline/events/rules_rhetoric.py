"""Rules for political rhetoric that event words misread (#11): election and campaign
coverage, where politicians "attack" each other, "storm" a chamber, "promise voters" and
take reporters' questions, and deals fail in a vote.

- `verbal_attack`: a person who "attacked", "hit back at" or "went after" another person or
  a party's policy, with no weapon, criticised them (PLOVER ACCUSE disapprove), as does one
  who does so at a rally or in a debate.
- `campaign_pledge`: what a candidate promises or vows on the campaign trail (a rally, a
  nomination speech, "promising voters") is rhetoric, not a PLOVER AGREE or THREATEN toward
  the party it names.
- `electoral_win`: a party that "stormed", "swept" or "seized control of" a chamber in an
  election won votes; no force was used.
- `failed_deal`: a deal, bill or plan that "fails to pass" a chamber was rejected by that
  chamber (REJECT), and one that "collapsed" or "fell through" was never agreed.
- `questions_asked`: "asked X about Y" puts a question, not a request.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventline.events.args import first, prep_objects, subject
from eventline.events.candidate import EventCandidate, own_actor
from eventline.events.patterns import Pattern
from eventline.events.rules_base import RuleContext, is_weapon
from eventline.events.rules_parties import political_party
from eventline.model import ActorRef

_STATE_KINDS = frozenset({"MIL", "COP", "REB", "UAF", "SPY", "CRM"})


def verbal_attack(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Trump attacked Clinton over her emails", "Clinton hit back at Trump", "attacked
    China at a rally": an attack verb whose actors are all persons and that names no weapon
    is criticism when its target is a person or a political body, when it gives a topic
    ("over", "for"), or when it is told at a rally, a debate or in a speech."""
    for c in cands:
        if c.type != "ASSAULT" or c.trigger.pos_ != "VERB":
            continue
        if c.trigger.lemma_.lower() not in ctx.lex.cue("verbal_attack_verbs"):
            continue
        if not c.actor or not all(ctx.actors.is_person_ref(a) for a in c.actor):
            continue
        if any(a.sector in _STATE_KINDS for a in (*c.actor, *c.recipient)):
            continue  # "the general attacked the rebels"
        if _armed(c.trigger, ctx):
            continue
        if not (_verbal_target(c, ctx) or _topic(c.trigger, ctx) or _rhetoric_setting(c, ctx)):
            continue
        c.type, c.mode = "ACCUSE", "disapprove"
        c.context.discard("military")
    return cands


def _armed(verb: Token, ctx: RuleContext) -> bool:
    """A weapon or an instrument under the verb ("attacked him with a knife")."""
    return any(
        is_weapon(t, ctx.lex) or (t.dep_ == "prep" and t.lower_ in ("with", "using"))
        for t in verb.subtree
        if t != verb
    )


def campaigned_for(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Obama campaigned for Clinton in North Carolina": campaigning for a person or a party
    supports it (SUPPORT); campaigning for a thing ("for the release of X") asks for it."""
    for c in cands:
        tok = c.trigger
        if c.type != "REQUEST" or tok.lemma_.lower() not in ctx.lex.cue("campaigning_verbs"):
            continue
        backed = [p for _, p in prep_objects(tok, ("for",))]
        if backed and all(ctx.actors.refs(p) and ctx.actors.covering(p) for p in backed):
            c.type, c.mode = "SUPPORT", None
    return cands


def _verbal_target(c: EventCandidate, ctx: RuleContext) -> bool:
    """A person or a political body as the one attacked: people are hit with words far more
    often than with fists in the news."""
    if not c.recipient:
        return False
    return all(ctx.actors.is_person_ref(r) or political_party(r) for r in c.recipient) and not any(
        r.sector is None and r.id.startswith("kb:") for r in c.recipient
    )


def _topic(verb: Token, ctx: RuleContext) -> bool:
    """ "attacked X over trade", "hit back at critics for their remarks"."""
    times = ctx.lex.cue("time_nouns")
    for _, pobj in prep_objects(verb, ("over", "for")):
        if pobj.ent_type_ in ("DATE", "TIME") or pobj.lemma_.lower() in times:
            continue
        return True
    return False


def _rhetoric_setting(c: EventCandidate, ctx: RuleContext) -> bool:
    """The sentence sets the act in a campaign or a speech ("at a rally", "in a debate"), or
    goes on to say what was said ("..., calling it a disaster", "..., accusing it of ...")."""
    words = _words(c.trigger)
    if words & (ctx.lex.cue("campaign_words") | ctx.lex.cue("speech_setting_words")):
        return True
    speech = ctx.lex.cue("speech_verbs") | ctx.lex.cue("allegation_verbs") | {"call"}
    return any(
        x.dep_ in ("advcl", "conj", "xcomp") and x.lemma_.lower() in speech
        for x in c.trigger.children
    )


def _words(tok: Token) -> set[str]:
    """Lemmas and forms of the sentence, less the subjects of its speech verbs: "her
    campaign said" names a speaker, not a campaign setting. Computed once per sentence (the
    doc's scratch key `eventline_rhetoric_words`, cleared by `document.code_doc`)."""
    sent = tok.sent
    cache = tok.doc.user_data.setdefault("eventline_rhetoric_words", {})
    if sent.start not in cache:
        cache[sent.start] = _sentence_words(sent)
    words: set[str] = cache[sent.start]
    return words


def _sentence_words(sent: Span) -> set[str]:
    speakers = {
        t.i
        for verb in sent
        if verb.pos_ == "VERB" and verb.lemma_.lower() in _SPEECH
        for x in verb.children
        if x.dep_ == "nsubj"
        for t in x.subtree
    }
    kept = [t for t in sent if t.i not in speakers]
    return {t.lemma_.lower() for t in kept} | {t.lower_ for t in kept}


_SPEECH = frozenset({"say", "tell", "announce", "state", "add", "write", "claim", "note"})


def campaign_pledge(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "At a rally in Ohio, Clinton pledged to work with Canada", "accepted the nomination,
    vowing to end the war", "promising voters he would build a wall": a pledge made on the
    campaign trail is rhetoric addressed to voters, not an act toward the party it names."""
    return [c for c in cands if not _campaign_pledge(c, ctx)]


def _campaign_pledge(c: EventCandidate, ctx: RuleContext) -> bool:
    if _if_elected(c.trigger, ctx):
        return True  # "would jail her if he won the election", "vowed to ... if elected"
    cues = ctx.lex.cue("campaign_words") | ctx.lex.cue("campaign_pledge_words")
    if not _words(c.trigger) & cues:
        return False
    pledge = c.type in ("AGREE", "THREATEN") and c.trigger.pos_ == "VERB"
    if pledge and c.trigger.lemma_.lower() in ctx.lex.cue("intent_verbs"):
        return True
    return _promised(c.trigger, ctx)


def _promised(tok: Token, ctx: RuleContext) -> bool:
    """ "promised voters she would fight for reform", "told a rally he would bomb them": an
    act a candidate says he will do, in the clause of a pledge or of campaign speech; and
    what he says others keep doing ("told supporters that China was stealing their jobs"),
    a claim of the stump, not a reported act."""
    ongoing = tok.tag_ in ("VBZ", "VBP") or (
        tok.tag_ == "VBG" and any(x.dep_ == "aux" and x.lemma_ == "be" for x in tok.children)
    )
    future = ongoing or any(x.dep_ == "aux" and x.lower_ in _FUTURE for x in tok.children)
    pledged = tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ctx.lex.cue("intent_verbs")
    if not future and not pledged:
        return False
    node = tok
    verbs = ctx.lex.cue("intent_verbs") | ctx.lex.cue("speech_verbs")
    for _ in range(3):
        if node.dep_ not in ("ccomp", "xcomp") or node.head == node:
            return False
        node = node.head
        if node.lemma_.lower() in verbs:
            return True
    return False


_FUTURE = frozenset({"will", "would", "'ll", "shall"})


def _if_elected(tok: Token, ctx: RuleContext) -> bool:
    """An act made conditional on winning office ("if elected", "if he wins the election",
    "once she becomes president"), on its own clause or the pledge it is the content of."""
    nodes = [tok]
    if tok.dep_ in ("xcomp", "ccomp") and tok.head != tok:
        nodes.append(tok.head)
    for node in nodes:
        for cond in (x for x in node.children if x.dep_ == "advcl"):
            if not any(m.dep_ == "mark" and m.lower_ in ("if", "once") for m in cond.children):
                continue
            if cond.lemma_.lower() in ctx.lex.cue("office_winning_verbs"):
                return True
    return False


def electoral_win(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Republicans stormed back into control of the House in the midterm elections",
    "Democrats seized the Senate in November's election": taking a chamber, a majority or
    seats in an election is a vote won, not an assault or a seizure."""
    return [c for c in cands if not _electoral_win(c, ctx)]


def _electoral_win(c: EventCandidate, ctx: RuleContext) -> bool:
    if c.type not in ("ASSAULT", "COERCE") or c.trigger.pos_ != "VERB":
        return False
    if c.trigger.lemma_.lower() not in ctx.lex.cue("electoral_win_verbs"):
        return False
    if not _words(c.trigger) & ctx.lex.cue("electoral_words"):
        return False
    chambers = ctx.lex.cue("chamber_words")
    below = [t for x in c.trigger.children if x.dep_ in ("dobj", "prep", "prt") for t in x.subtree]
    return any(t.lemma_.lower() in chambers or t.lower_ in chambers for t in below)


def failed_deal(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Bailout deal fails to pass Senate": a pact or a bill that fails to pass, win or clear
    a chamber was rejected by it (REJECT, the chamber its actor); "the deal collapsed", "the
    accord fell through" tell that nothing was agreed. Either way the pact is no AGREE."""
    out: list[EventCandidate] = []
    for c in cands:
        tok = c.trigger
        if c.type not in ("AGREE", "SUPPORT") or tok.pos_ not in ("NOUN", "PROPN"):
            out.append(c)
            continue
        if tok.lemma_.lower() not in ctx.lex.cue("pact_words") | ctx.lex.cue("bill_words"):
            out.append(c)
            continue
        verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            out.append(c)
            continue
        if any(k.dep_ == "neg" for k in verb.children):
            out.append(c)  # "the deal did not collapse"
            continue
        lemma = verb.lemma_.lower()
        if lemma in ctx.lex.cue("failure_verbs"):
            if (rejection := _rejected_by(c, verb, ctx)) is not None:
                out.append(rejection)
            continue  # the pact failed: never agreed
        if lemma in ctx.lex.cue("collapse_verbs") or (
            lemma == "fall" and any(x.lower_ == "through" for x in verb.children)
        ):
            continue
        out.append(c)
    return out


def _rejected_by(c: EventCandidate, fail: Token, ctx: RuleContext) -> EventCandidate | None:
    """The chamber a failed pact did not pass: "fails to pass (the) Senate"."""
    comp = first(fail, "xcomp")
    if comp is None or comp.lemma_.lower() not in ctx.lex.cue("passing_verbs"):
        return None
    chamber = first(comp, "dobj")
    refs: tuple[ActorRef, ...] = ctx.actors.refs(chamber) or ctx.actors.descriptor(chamber)
    if not refs:
        return None
    pattern = Pattern(lemma=comp.lemma_.lower(), type="REJECT", pos="verb")
    return EventCandidate(
        pattern, comp, fail, refs, (), "REJECT", None, asserted=True, content=c.trigger.text
    )


def questions_asked(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Moderator Lester Holt asked Clinton about her server", "the anchor asked him what he
    would do": a question put to someone is no request (PLOVER REQUEST asks for an act). A
    request keeps its infinitive ("asked him to resign") or its "for" ("asked for aid")."""
    return [c for c in cands if not _question(c, ctx)]


def _question(c: EventCandidate, ctx: RuleContext) -> bool:
    tok = c.trigger
    if c.type != "REQUEST" or tok.lemma_.lower() not in ctx.lex.cue("question_verbs"):
        return False
    if any(x.dep_ == "xcomp" for x in tok.children):
        return False  # "asked Germany to send troops"
    if any(x.dep_ == "prep" and x.lower_ == "for" for x in tok.children):
        return False  # "asked Peru for help"
    about = any(x.dep_ == "prep" and x.lower_ in ("about", "on", "regarding") for x in tok.children)
    subj, _ = subject(tok)
    asker = subj is not None and _journalist(subj, ctx)
    return about or asker


def _journalist(subj: Token, ctx: RuleContext) -> bool:
    """ "Moderator Lester Holt", "CNN's Anderson Cooper", "a Fox News anchor": the asker is
    named or titled as a journalist, or works for a news outlet."""
    words = ctx.lex.cue("journalist_words")
    phrase = [t for t in subj.subtree if t.i <= subj.i]
    if any(t.lemma_.lower() in words or t.lower_ in words for t in phrase):
        return True
    return any(r.sector in ("MED", "JRN") for r in ctx.actors.refs(subj))


def confirmed_nominee(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "The Senate confirmed Neil Gorsuch": a chamber's confirmation supports the person it
    confirms; "the Senate confirmed that it would hold hearings" confirms a fact, no one."""
    return [c for c in cands if not _fact_confirmed(c, ctx)]


def _fact_confirmed(c: EventCandidate, ctx: RuleContext) -> bool:
    if c.type != "SUPPORT" or c.trigger.lemma_.lower() != "confirm":
        return False
    obj = first(c.trigger, "dobj")
    if obj is not None and obj.lemma_.lower() in ctx.lex.cue("nominee_words"):
        return False  # "voted to confirm the new defence secretary": a person named by role
    return not any(ctx.actors.is_person_ref(r) for r in c.recipient)


_THING_PRONOUNS = frozenset({"it", "this", "that", "these", "those", "which"})
_CALLING = Pattern(lemma="call", type="ACCUSE", pos="verb", mode="disapprove")


def name_calling(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Comey called her handling of the emails extremely careless", "Trump called the deal
    a disaster": calling a party or its act by a word of censure criticises that party
    (ACCUSE disapprove), the owner of the act when the act is named."""
    taken = {c.trigger.i for c in cands}
    words = ctx.lex.cue("censure_words") | ctx.lex.cue("disapproval_words")
    for tok in ctx.doc:
        if tok.i in taken or tok.pos_ != "VERB" or tok.lemma_.lower() != "call":
            continue
        obj = first(tok, "dobj")
        judged = [x for x in tok.children if x.dep_ in ("oprd", "xcomp", "ccomp", "acomp")]
        if obj is None or not judged or obj.lower_ in _THING_PRONOUNS:
            continue  # "calling it a war crime": the act criticised is told before
        said = [t for j in judged for t in j.subtree if t.dep_ != "neg"]
        if any(t.dep_ == "neg" for j in judged for t in j.subtree):
            continue
        if not any(t.lemma_.lower() in words or t.lower_ in words for t in said):
            continue
        subj, passive = subject(tok)
        actor = () if passive else ctx.actors.refs(subj)
        target = ctx.actors.refs(obj) or own_actor(obj, ctx.actors)
        if not actor or not target:
            continue
        ids = {a.id for a in actor}
        target = tuple(r for r in target if r.id not in ids) or _other_owner(obj, ids, ctx)
        if target:
            cands.append(EventCandidate(_CALLING, tok, tok, actor, target, "ACCUSE", "disapprove"))
    return cands


def _other_owner(obj: Token, ids: set[str], ctx: RuleContext) -> tuple[ActorRef, ...]:
    """ "he called her handling careless": a possessive pronoun of the object is not the one
    who speaks; it stands for the last other person named before it."""
    poss = first(obj, "poss")
    if poss is None or poss.pos_ != "PRON":
        return ()
    for i, ref in reversed(ctx.actors.persons):
        if i < poss.i and ref.id not in ids:
            return (ref,)
    return ()
