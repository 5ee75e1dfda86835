"""Type-specific coding rules, applied in order to each sentence's candidate events.

The trigger coder (`coder.py`) reads one trigger at a time and knows no event type; what
PLOVER says about particular types lives in named rules, one module per family of rules
(`rules_acts`, `rules_recipients`, `rules_counterparts`, `rules_conflict`, `rules_places`,
`rules_meetings`, `rules_not_events`, `rules_parties`, `rules_hedge`, `rules_weapons`,
`rules_descriptors`, `rules_crowds`, `rules_rhetoric`, `rules_modes`; what they share is in
`rules_base`).
`RULES` is the one place that says in which order they run, since a rule often relies on
what an earlier one of another family settled (a recipient filled before the rule that reads
it); `eventline code --explain` style debugging can run a prefix of it, and a learned coder
writing the same `doc.spans["events"]` can reuse them.

Rules read the parse only through `args` and the candidates; they never import the nlp stage.
"""

from __future__ import annotations

from eventline.events import (
    rules_acts,
    rules_appraised,
    rules_attachment,
    rules_blame,
    rules_conflict,
    rules_conjecture,
    rules_counterparts,
    rules_criticism,
    rules_crowds,
    rules_descriptors,
    rules_hedge,
    rules_holders,
    rules_locative,
    rules_meetings,
    rules_modes,
    rules_not_events,
    rules_occasion,
    rules_owners,
    rules_parties,
    rules_places,
    rules_recipients,
    rules_relatives,
    rules_requests,
    rules_rhetoric,
    rules_senses,
    rules_weapons,
)
from eventline.events.candidate import EventCandidate
from eventline.events.rules_base import ACT_TYPES as ACT_TYPES  # re-exported
from eventline.events.rules_base import Rule, RuleContext
from eventline.events.rules_parties import political_party as political_party  # re-exported

__all__ = ["ACT_TYPES", "RULES", "Rule", "RuleContext", "apply_rules", "political_party"]

_ORDER: tuple[Rule, ...] = (
    # first: the events these read from the parse pass every filter below
    rules_weapons.forces_moving,
    rules_parties.sector_gate,
    rules_acts.bloc_membership,
    rules_recipients.detached_origin,
    rules_recipients.relative_author,  # before a rule reads the act noun's recipient
    rules_relatives.undergone_relative,  # gives back what the patch above over-strips
    rules_meetings.plural_leaders,  # before a talk with one side is dropped
    rules_meetings.means_partner,
    rules_not_events.not_events,
    rules_rhetoric.questions_asked,
    rules_rhetoric.campaign_pledge,
    rules_rhetoric.electoral_win,
    rules_rhetoric.failed_deal,
    rules_rhetoric.confirmed_nominee,
    rules_rhetoric.name_calling,
    rules_rhetoric.campaigned_for,
    rules_meetings.venue_is_no_party,
    rules_meetings.meeting_side_met,
    rules_meetings.discussed_topic,
    rules_acts.root_noun_subject,
    rules_acts.refusal,
    rules_acts.failed_act,
    rules_acts.troop_movement,
    rules_senses.carried_person,
    rules_acts.leaving_ties,
    rules_crowds.crowd_object,
    rules_acts.crowd_control,
    rules_senses.access_allowed,
    rules_senses.natural_force,
    rules_senses.state_protest,
    rules_senses.released_things,
    rules_senses.signed_agreement,
    rules_senses.exercise_deployment,
    rules_senses.consult_purpose,
    rules_senses.person_handover,
    # types5: one signing, not a signing and its pact; a visit or a phone call told as the
    # setting of another act; a tour of a site; an agreement asked for is the request; an
    # apology at home; a signing named as a noun
    rules_acts.object_act_noun,
    rules_meetings.aside_visit,
    rules_meetings.toured_places,
    rules_meetings.call_as_setting,
    rules_requests.requested_agreement,
    # types6: a tour made by a thing; a firm's offer to its own workforce
    rules_owners.touring_things,
    rules_owners.workforce_offer,
    rules_senses.remorse,
    rules_senses.signing_noun,
    rules_crowds.crowd_riot,
    rules_crowds.labour_strike,
    rules_senses.armed_gathering,  # before a gathering of non-protesters is dropped
    rules_crowds.protesters_gathering,
    rules_conflict.protest_setting,
    rules_conflict.state_obstruction,
    rules_recipients.event_noun_targets,
    rules_acts.embedded_action,
    rules_acts.accused_act,
    rules_acts.regret_over_others,
    rules_recipients.accusation_target,
    rules_recipients.alleged_party,
    rules_recipients.drawn_criticism,
    rules_recipients.complement_recipient,
    rules_recipients.accompanying_actors,
    rules_recipients.own_state_recipient,
    rules_acts.speech_elaborating_an_act,
    rules_recipients.object_owner_recipient,
    rules_recipients.object_phrase_recipient,
    rules_recipients.refused_beneficiary,
    rules_counterparts.aid_beneficiary,
    rules_counterparts.pledged_beneficiary,
    rules_counterparts.goods_carried,
    rules_counterparts.transfer_destination,
    rules_counterparts.bought_goods,  # before the maker is named as the seller
    rules_counterparts.purchase_seller,
    rules_counterparts.offer_addressee,
    # args5
    rules_holders.release_holder,  # after the request's owner reading it corrects
    rules_attachment.stranded_noun_target,  # before the place rules fill an empty target
    rules_recipients.heading_target,  # args7: before the place rules fill an empty target
    rules_attachment.included_parties,
    rules_attachment.included_actors,
    rules_blame.blamed_attacker,  # after accusation_target left the victim out
    rules_blame.revenge_target,
    rules_occasion.meeting_counterpart,  # before the place rules fill an empty target
    rules_occasion.proposed_meeting_party,
    rules_appraised.appraised_act_author,
    rules_acts.reported_disapproval,
    rules_conflict.disapproved_attacker,
    rules_acts.military_preparation,
    rules_senses.protective_deployment,
    rules_weapons.weapon_tests,
    rules_weapons.solo_exercises,
    rules_weapons.weapons_moved,
    rules_weapons.arms_given_up,
    rules_acts.discontinued_help,
    rules_acts.ended_protest,
    rules_acts.self_disarmament,
    rules_acts.conditional_threat,
    rules_conflict.protest_target,
    rules_conflict.protest_demands,
    rules_conflict.mobilization_target,
    rules_places.protest_country,
    rules_crowds.counted_crowd,
    rules_places.place_recipient,
    rules_conflict.attack_responder,
    rules_places.armed_group_sector,
    rules_places.descriptor_country,
    rules_descriptors.known_country,  # after the event's own place, before the domestic rules
    rules_recipients.domestic_role_target,
    rules_places.state_body_country,
    rules_conflict.unattributed_attack,
    rules_places.protest_target_country,
    rules_acts.material_ties,
    rules_conflict.retaliation_target,
    rules_conflict.homeland_by_evidence,
    rules_meetings.meeting_setting,
    rules_conflict.help_for_the_attacked,
    rules_recipients.coordinated_recipients,
    rules_recipients.other_half,
    rules_recipients.threat_target,
    rules_criticism.criticised_acts,
    rules_conflict.disputed_attack,
    rules_acts.same_happening,
    rules_acts.retaliation_as_act,
    rules_parties.commercial_acts,
    rules_parties.consumer_advice,
    rules_parties.own_investment,
    rules_parties.political_parties,
    rules_not_events.abstract_force,
    rules_acts.misread_plural_noun,
    rules_places.anchored_descriptors,
    rules_acts.foreign_ban,  # before a ban at home is aimed at the state's own people
    rules_places.domestic_target,
    rules_hedge.figurative_object,
    rules_rhetoric.verbal_attack,
    rules_locative.located_not_target,  # after a verbal attack no longer aims at its place
    rules_counterparts.deal_counterparty,  # after a "killed" deal is read as a rejection
    rules_hedge.requested_content,
    rules_hedge.relationship_talk,  # before habitual drops the habit it is joined to
    rules_hedge.habitual,
    rules_hedge.generic_description,
    rules_hedge.stake_threat,
    rules_hedge.sports_contest,
    rules_conjecture.conjectured_acts,
    rules_meetings.own_meeting,
    rules_modes.object_mode,  # last: after every rule that changes a type
)
# Each rule by its function's name, in the order above.
RULES: dict[str, Rule] = {func.__name__: func for func in _ORDER}
if len(RULES) != len(_ORDER):
    raise ValueError("two rules share a name")


def apply_rules(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """Run every rule in order; an event no rule left an actor for is dropped."""
    for func in RULES.values():
        cands = func(cands, ctx)
    return [c for c in cands if c.actor]
