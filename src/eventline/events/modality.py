"""Whether an event is asserted, planned, hypothetical, negated, alleged or speculative.

PLOVER's auxiliary modes (future, hypothetical, negation) plus two that news needs: alleged
(someone's unconfirmed claim: "reportedly", "accused of", "denied") and speculative (an
inference: "the most obvious explanation is that ..."). The decision walks from the trigger up
through the clauses that govern it, collecting cues at each level:

- the trigger's own modifiers: negation ("not", "no offer of"), modals, adverbs;
- each governing clause: a conditional marker (if/unless), a governing verb or noun of
  intention, allegation or inference, and that governor's own subject and complements
  ("the explanation is that X": the cue sits on the governor's subject);
- a negated speech or cognition verb above ("did not confirm that X") makes X alleged.

Negation binds tighter than anything else; then hypothetical, speculative, alleged, planned.
Article kind adds two rules: in a fact-check, an event inside a direct quote or under a claim
word is the claim being reviewed (alleged, never asserted nor merely speculative: "the claim
that X severed ties is an unfounded assumption"); in an opinion piece, an inference
cue anywhere above the event makes it speculative.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.patterns import EventLexicon
from eventline.model import Modality

_ORDER: tuple[Modality, ...] = (
    "negated",
    "hypothetical",
    "speculative",
    "alleged",
    "planned",
    "asserted",
)
_EMBED = {"ccomp", "xcomp", "advcl", "acl", "relcl", "pcomp", "pobj", "prep", "dobj", "attr"}
_EMBED |= {"conj", "csubj", "nsubj", "nsubjpass", "oprd", "appos", "advmod", "npadvmod"}
_SPEECH_OR_THOUGHT = {"say", "confirm", "report", "claim", "show", "prove", "suggest", "mean"}
_FUTURE_TAGS = {"MD"}
# Prepositions that place their object before the event they date ("after", "following").
_PAST_PREPS = frozenset({"following", "after", "since", "amid"})
_FUTURE_AUX = {"will", "would", "shall", "'ll", "wo"}
_MODALS = frozenset({"can", "could", "may", "might", "must", "should"})


def _strongest(found: set[Modality]) -> Modality:
    return next((m for m in _ORDER if m in found), "asserted")


def _own_cues(tok: Token, lex: EventLexicon) -> set[Modality]:
    """Cues carried by the trigger's own modifiers."""
    found: set[Modality] = set()
    for child in tok.children:
        low = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "det" and low in lex.cue("negation")):
            found.add("negated")
        elif child.dep_ in ("aux", "advmod", "amod", "mark") or child.tag_ in _FUTURE_TAGS:
            found |= _word_cues(child, lex)
    if _none_as_party(tok, lex):
        found.add("negated")  # "no officers will be sent", "arrested no one"
    return found


def _none_as_party(verb: Token, lex: EventLexicon) -> bool:
    """A verb whose subject or direct object is quantified by "no"/"neither" ("no troops were
    sent", "neither side agreed", "the police arrested no protesters") reports that the event
    did not happen."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return any(
        d.dep_ == "det" and d.lower_ in lex.cue("negation")
        for s in verb.children
        if s.dep_ in ("nsubj", "nsubjpass", "dobj")
        for d in s.children
    )


def _word_cues(tok: Token, lex: EventLexicon) -> set[Modality]:
    lemma, low = tok.lemma_.lower(), tok.lower_
    found: set[Modality] = set()
    if low in lex.cue("hypothetical_marks") and tok.dep_ == "mark":
        found.add("hypothetical")
    if lemma in lex.cue("speculative_words") or low in lex.cue("speculative_words"):
        found.add("speculative")
    if lemma in lex.cue("alleged_words") or low in lex.cue("alleged_words"):
        found.add("alleged")
    if lemma in lex.cue("planned_words") or low in lex.cue("planned_words"):
        found.add("planned")
    return found


def _governor_cues(gov: Token, via: Token, lex: EventLexicon) -> set[Modality]:
    """Cues a governing clause passes down to the clause `via` that it embeds."""
    found = _word_cues(gov, lex) - {"hypothetical"}
    if gov.lemma_ == "say" or gov.lemma_ in lex.cue("speech_verbs"):
        found -= {"planned", "alleged"} if gov.lemma_ not in {"claim", "allege", "deny"} else set()
    negated = any(c.dep_ == "neg" for c in gov.children)
    if negated and gov.lemma_ in _SPEECH_OR_THOUGHT | lex.cue("speech_verbs"):
        found.add("alleged")
    elif negated and via.dep_ in ("xcomp", "conj"):
        found.add("negated")
    if gov.lemma_ in lex.cue("negating_governors") and via.dep_ == "xcomp":
        found.add("negated")
    if via.dep_ in ("xcomp", "advcl") and _none_as_party(gov, lex):
        found.add("negated")  # "no officers will be sent to assist": no assistance either
    if gov.lemma_.lower() in lex.cue("wish_words") and via.dep_ in ("xcomp", "ccomp"):
        found.add("hypothetical")  # "we would like to see X withdraw": a wish, not a plan
    hope = lex.cue("hope_words")
    if via.dep_ == "ccomp" and (gov.lemma_.lower() in hope or gov.lower_ in hope):
        found.add("hypothetical")  # "hopes that the union will back the deal": not its plan
    if via.dep_ == "prep" and via.lower_ == "against" and gov.lemma_ in {"warn", "caution"}:
        found.add("hypothetical")
    for child in gov.children:
        if child == via:
            continue
        if child.dep_ in ("nsubj", "acomp", "advmod", "attr", "aux") and child.pos_ != "PRON":
            found |= _word_cues(child, lex) & {"speculative", "alleged"}
        if child.dep_ == "aux" and child.lower_ in {"will", "shall", "'ll", "would"}:
            found.add("planned")
    return found


def _presupposed(node: Token) -> bool:
    """What a sentence takes as given whatever it then speculates about: a relative clause in
    the past ("an ally with which Putin signed a treaty in January", in "it was unclear what
    Russia might do"), an event a clause reacts to ("due to the ban", "in response to the
    attack"), an event named as someone's by its subject ("Israel's attack on Iran could be a
    jackpot")."""
    if node.dep_ == "relcl" and is_past(node):
        return True
    if node.dep_ == "pobj" and node.head.lower_ in _PAST_PREPS:
        return True  # "talks following the US aggression": the aggression took place
    if node.dep_ == "pobj" and _cause(node.head):
        return True  # "told airlines not to buy jets due to the EU ban": the ban is in force
    if node.dep_ == "pobj" and _given_occasion(node):
        return True  # "had planned to strike before Israel's June 13 attack": it took place
    return (
        node.pos_ == "NOUN"
        and node.dep_ in ("nsubj", "nsubjpass")
        and any(c.dep_ == "poss" for c in node.children)
    )


# Prepositions that place a past plan before the act they name, and the one of a grievance.
_BEFORE_PREPS = frozenset({"before", "prior"})


def _given_occasion(noun: Token) -> bool:
    """A definite act noun ("the June 13 attack", "Israel's attack", "its invasion") that a
    clause puts as a grievance ("sanction Iran over its attack") or as the limit of a past
    plan ("had planned to strike the sites before the June 13 attack"): the act is a fact the
    sentence builds on, not part of the plan. A plan still ahead ("will strike before the
    vote") says nothing of whether its limit took place, so only a past plan counts."""
    if noun.pos_ != "NOUN" or not _definite(noun):
        return False
    prep = noun.head
    if prep.lower_ == "over":
        return any(c.dep_ == "poss" for c in noun.children)
    if prep.lower_ == "to" and prep.head.lower_ == "prior":
        prep = prep.head
    if prep.lower_ not in _BEFORE_PREPS:
        return False
    verb = prep.head
    while verb.dep_ == "xcomp" and verb.head != verb:  # "had planned to strike": the plan
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or not is_past(verb):
        return False
    # The past perfect sets the plan before a past point, the act that limits it; a simple past
    # ("told airlines not to buy jets before the ban") may look ahead to a limit still to come,
    # unless the act is dated ("before the June 13 attack").
    return _perfect(verb) or any(_dated(c) for c in noun.children)


def _perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _dated(mod: Token) -> bool:
    return mod.dep_ in ("nmod", "compound", "npadvmod") and mod.ent_type_ == "DATE"


def _definite(noun: Token) -> bool:
    """Named as a known act: owned, dated or with "the"."""
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") or _dated(c)
        for c in noun.children
    )


# Two-word prepositions of cause ("due to", "because of"): what they name is given.
_CAUSE_PAIRS = frozenset({("due", "to"), ("because", "of"), ("owing", "to"), ("thanks", "to")})
_RESPONSE_NOUNS = frozenset({"response", "retaliation", "reaction", "reprisal"})


def _cause(prep: Token) -> bool:
    """ "due to", "because of", "in response to", "in retaliation for": a preposition of
    cause, whose object is what the clause reacts to, not part of what it hedges."""
    if (prep.head.lower_, prep.lower_) in _CAUSE_PAIRS:
        return True
    noun = prep.head
    return (
        prep.lower_ in ("to", "for")
        and noun.lemma_.lower() in _RESPONSE_NOUNS
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "in"
    )


def presupposed_below(trigger: Token, anchor: Token) -> bool:
    """Whether the event noun `trigger` is taken as given on its way up to the clause
    `anchor` whose modality it would otherwise share ("would hold talks following the
    aggression": the talks are planned, the aggression happened)."""
    node = trigger
    for _ in range(8):
        if node == anchor or node.head == node:
            return False
        if _presupposed(node):
            return True
        node = node.head
    return False


def _in_conditional(node: Token, lex: EventLexicon) -> bool:
    """A clause marked as a condition: "if", "unless"; "as long as", "provided that"; "once"
    or "until" under a future or modal clause ("once the loans are repaid, X will own")."""
    if any(c.dep_ == "mark" and c.lower_ in lex.cue("hypothetical_marks") for c in node.children):
        return True
    if node.dep_ != "advcl":
        return False
    if _opens_condition(node, lex):
        return True
    marks = lex.cue("future_condition_marks")
    return any(c.dep_ == "mark" and c.lower_ in marks for c in node.children) and _unreal(node.head)


def _opens_condition(clause: Token, lex: EventLexicon) -> bool:
    """ "As long as the ban is in place, ...": the clause's first words are a conditional
    phrase (the parser hangs "as long" on the main verb and the clause on "long")."""
    start = clause.head.left_edge if clause.head.lower_ == "long" else clause.left_edge
    text = " ".join(t.lower_ for t in clause.doc[start.i : start.i + 4])
    return any(text == o or text.startswith(o + " ") for o in lex.cue("conditional_openers"))


def _unreal(verb: Token) -> bool:
    """A clause in the future or under a modal: what it depends on has not happened."""
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX | _MODALS for c in verb.children)


def _condition_phrase(node: Token, lex: EventLexicon) -> bool:
    """ "can take control upon repayment of the loans": the object of a condition
    preposition under a future or modal verb; "faces the prospect of an attack": the object
    of a possibility noun."""
    if node.dep_ != "pobj":
        return False
    prep = node.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in lex.cue("possibility_nouns"):
        return True
    if prep.lower_ not in lex.cue("condition_preps"):
        return False
    verb = _clause_verb(node.head)  # "took control upon ...", "a majority upon ..."
    return verb is not None and _unreal(verb)


def _clause_verb(tok: Token) -> Token | None:
    node = tok
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head == node:
            return None
        node = node.head
    return None


def _forecast(tok: Token, lex: EventLexicon) -> Modality | None:
    """A forecast, not a report. What forecasters expect ("analysts expect Peru to cut
    ties") is their speculation, nobody's plan; a conditional-mood prediction with a
    likelihood adverb ("a war would divert attention and likely trigger a shift in aid") is
    hypothetical. Conjecture about the past ("may have asked") is left to the cues."""
    verb = _clause_verb(tok)
    if verb is not None and verb.dep_ == "pcomp" and verb.head != verb:
        verb = _clause_verb(verb.head)  # "likely trigger a shift to aiding X"
    if verb is None or verb.tag_ == "VBD" or any(c.lemma_ == "have" for c in verb.children):
        return None
    adverbs = lex.cue("forecast_adverbs")
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    if verb.dep_ == "conj" and not auxes:  # "would divert ... and likely trigger"
        auxes = [c for c in verb.head.children if c.dep_ == "aux"]
    conditional = any(a.lower_ in ("would", "wo") for a in auxes)
    if conditional and any(
        c.dep_ in ("advmod", "amod") and c.lower_ in adverbs for c in verb.children
    ):
        return "hypothetical"
    gov = verb.head
    if verb.dep_ not in ("xcomp", "ccomp") or gov == verb:
        return None
    subj = next((c for c in gov.children if c.dep_ == "nsubj"), None)
    forecaster = (
        gov.lemma_.lower() in lex.cue("forecast_verbs")
        and subj is not None
        and subj.lemma_.lower() in lex.cue("forecaster_words")
    )
    return "speculative" if forecaster else None


def modality(
    trigger: Token,
    lex: EventLexicon,
    *,
    kind: str = "news",
    in_quote: bool = False,
) -> Modality:
    """The modality of the event whose trigger is `trigger` (see the module docstring)."""
    found = _own_cues(trigger, lex)
    condition = _in_conditional(trigger, lex)
    if condition:
        found.add("hypothetical")
    node = trigger
    for _ in range(10):
        gov = node.head
        if gov == node or node.dep_ not in _EMBED or _presupposed(node):
            break
        if gov.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            found |= _governor_cues(gov, node, lex)
        if _in_conditional(gov, lex) or _condition_phrase(node, lex):
            found.add("hypothetical")
        if kind == "fact-check" and gov.lemma_.lower() in lex.cue("claim_words"):
            found.add("alleged")
        node = gov
    if condition:
        found.discard("negated")  # "if Henry did not resign": a condition, nothing reported
    if "planned" in found and is_past(trigger):
        found.discard("planned")  # "mounted its long-threatened invasion": it happened
    if found & {"speculative", "planned"} and (forecast := _forecast(trigger, lex)):
        found.add(forecast)  # a forecast: nothing has happened
    if kind == "fact-check" and in_quote:
        found.add("alleged")
    if kind == "fact-check" and "alleged" in found:
        found -= {"speculative", "planned"}  # the claim under review, however it is hedged
    if kind == "opinion" and "planned" not in found and _inference_above(trigger, lex):
        found.add("speculative")
    return _strongest(found)


def is_past(verb: Token) -> bool:
    """A verb in the simple past or the perfect, with no future auxiliary: what it reports
    happened, whatever planning words surround it."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX or a.tag_ == "MD" for a in auxes):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)


def _inference_above(trigger: Token, lex: EventLexicon) -> bool:
    """An opinion writer's inference: a speculative cue anywhere in the governing chain."""
    node = trigger
    while node.head != node:
        node = node.head
        if any(_word_cues(c, lex) & {"speculative"} for c in node.children):
            return True
    return False
