"""Handlers for the triggers area: the guided check and the one-shot answers.

The check keeps only the user's yes/no answers in session memory; a condition or
procedure the user names only picks which general answer to give and is never kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plugins.triggers import check, intents
from skill.area import AnswerHandler, Area, AreaHandler, TopicHandler
from skill.speech import join
from skill.turn import Card, Turn

if TYPE_CHECKING:
    from ask_sdk_model import Response

# How to speak of a named procedure: the gentler options worth asking about differ by
# kind, so "physical therapy first" is said only where it fits: for joints and spines, and
# for an operation left unnamed ("surgery"), as the seed guide puts it.
PROCEDURE_KINDS = {
    "joint": {
        "BACK_SURGERY",
        "SPINAL_FUSION",
        "KNEE_REPLACEMENT",
        "KNEE_SURGERY",
        "HIP_REPLACEMENT",
        "SHOULDER_SURGERY",
        "CARPAL_TUNNEL",
    },
    "cancer_surgery": {
        "MASTECTOMY",
        "PROSTATECTOMY",
        "COLON_SURGERY",
        "KIDNEY_REMOVAL",
        "LUNG_SURGERY",
        "WHIPPLE",
    },
    "heart_brain": {"HEART_SURGERY", "HEART_PROCEDURE", "BRAIN_SURGERY"},
    "other_surgery": {
        "HYSTERECTOMY",
        "GALLBLADDER_REMOVAL",
        "HERNIA_REPAIR",
        "WEIGHT_LOSS_SURGERY",
        "THYROID_SURGERY",
        "CATARACT_SURGERY",
        "C_SECTION",
    },
    "transplant": {"TRANSPLANT"},
    "amputation": {"AMPUTATION"},
    # Treatments other than an operation.
    "treatment": {
        "CHEMOTHERAPY",
        "RADIATION",
        "IMMUNOTHERAPY",
        "HORMONE_THERAPY",
        "INJECTION",
        "DIALYSIS",
        "BIOPSY",
        "LONG_TERM_MEDICATION",
    },
}
# With a plain "surgery", the condition named beside it says which kind it is.
CONDITION_KINDS = {
    "heart_brain": {"HEART_DISEASE", "HEART_FAILURE", "HEART_VALVE", "ARRHYTHMIA", "BRAIN_TUMOR"},
    "joint": {
        "ARTHRITIS",
        "HERNIATED_DISC",
        "SPINAL_STENOSIS",
        "BACK_PAIN",
        "SCOLIOSIS",
        "TORN_LIGAMENT",
    },
}
# Diagnoses that make the complex-diagnosis answer fit (besides every cancer); another
# named condition hears the general answer for a new diagnosis.
COMPLEX_CONDITIONS = frozenset(
    {
        "SARCOMA",
        "BRAIN_TUMOR",
        "MULTIPLE_SCLEROSIS",
        "PARKINSONS",
        "ALS",
        "EPILEPSY",
        "DEMENTIA",
        "NEUROPATHY",
        "LUPUS",
        "AUTOIMMUNE",
        "RARE_DISEASE",
        "HEART_FAILURE",
        "LONG_COVID",
    }
)

# One-shot topics: each has <topic>.summary, <topic>.reprompt and <topic>.details, and
# optionally <topic>.card.title / <topic>.card for the Alexa app.
TOPICS = (
    "surgery",
    *(kind for kind in PROCEDURE_KINDS),
    "finding",
    "fresh_review",
    "scared",
    "how_long",
    "complex",
    "unclear",
    "not_helping",
    "uneasy",
    "nothing_can_be_done",
    "required",
)

# Topics whose "want to hear more?" leads to another topic's details.
MORE = {"finding": "fresh_review", "joint": "surgery"}

# Details that end by offering another area: <topic>.offer, made only while that area
# is loaded.
OFFERS = {
    "complex": "specialist",
    "uneasy": "communicating",
    "required": "insurance",
}

# The areas the open reprompt offers, in order.
NEXT_AREAS = ("communicating", "records", "specialist")


# -- offers of other areas ----------------------------------------------------------
def ask_with_offers(
    turn: Turn, say: str, offers: list[tuple[str, str]], card: Card | None = None
) -> Response:
    """``say``, then the first of ``offers`` (area, offer key) whose area is loaded; with
    none loaded, what else the user would like to know."""
    for area, key in offers:
        offered = turn.ask_offer(say, area, key, card=card)
        if offered is not None:
            return offered
    return ask_open(turn, join(say, turn.t("open.ask")), card)


def ask_open(turn: Turn, say: str, card: Card | None = None) -> Response:
    """``say``, with the open reprompt; "the second one" picks from the areas it names."""
    return turn.ask(say, open_reprompt(turn), card=card, options=turn.entries_of(*NEXT_AREAS))


def open_reprompt(turn: Turn) -> str:
    """What to ask next: the other areas that are loaded, or this area's own topics."""
    examples = turn.examples_of(*NEXT_AREAS)
    if not examples:
        return turn.t("open.reprompt.alone")
    return turn.t("open.reprompt", options=turn.choices(examples))


# -- one-shot answers ----------------------------------------------------------------
def summary(turn: Turn, topic: str) -> Response:
    check.heard_topic(turn, topic)
    more = MORE.get(topic, topic)
    return turn.ask_yes_no(
        turn.for_person(f"{topic}.summary"), turn.t(f"{topic}.reprompt"), about=f"{more}.more"
    )


def details(turn: Turn, topic: str) -> Response:
    offers = [(OFFERS[topic], f"{topic}.offer")] if topic in OFFERS else []
    return ask_with_offers(turn, turn.for_person(f"{topic}.details"), offers, turn.card(topic))


def more(turn: Turn, question: str) -> Response:
    """A yes to "want to hear more?" after a summary: that topic's details."""
    return details(turn, question.removesuffix(".more"))


def is_cancer(condition_id: str | None) -> bool:
    return bool(condition_id) and (condition_id == "CANCER" or condition_id.endswith("_CANCER"))


def procedure_topic(turn: Turn) -> str | None:
    """The topic for a named procedure (``joint``, ``treatment``, ...), ``None`` if none."""
    procedure = turn.slot(intents.PROCEDURE_SLOT)
    if procedure is None:
        return None
    for kind, ids in PROCEDURE_KINDS.items():
        if procedure.id in ids:
            return kind
    condition = turn.slot(intents.CONDITION_SLOT)
    condition_id = condition.id if condition else None
    if is_cancer(condition_id) or condition_id == "SARCOMA":
        return "cancer_surgery"
    for kind, ids in CONDITION_KINDS.items():
        if condition_id in ids:
            return kind
    return "surgery"


def diagnosis_topic(turn: Turn) -> str:
    """``complex`` for a cancer, a hard diagnosis or a stage; ``diagnosis`` for another."""
    condition = turn.slot(intents.CONDITION_SLOT)
    if condition is None or not condition.matched or turn.slot(intents.STAGE_SLOT):
        return "complex"
    if is_cancer(condition.id) or condition.id in COMPLEX_CONDITIONS:
        return "complex"
    return "diagnosis"


def first_records(turn: Turn, question: str) -> Response:
    """The records to start with; then the full checklist, or else finding a doctor, if
    loaded."""
    offers = [("records", "offer.records"), ("specialist", "offer.specialist")]
    return ask_with_offers(turn, turn.t("pointer.records"), offers)


def telling(turn: Turn, question: str) -> Response:
    """How to raise it with a doctor; more words to use, if that area is loaded."""
    return ask_with_offers(turn, turn.t("pointer.tell"), [("communicating", "offer.tell")])


class SurgeryHandler(AreaHandler):
    """Surgery or another major treatment recommended."""

    intents = (intents.SURGERY,)

    def answer(self, turn: Turn) -> Response:
        return summary(turn, procedure_topic(turn) or "surgery")


class CheckHandler(AreaHandler):
    """The guided check; or straight to the point when the user named the treatment.

    A check left earlier in this session picks up where it stopped; a hard diagnosis
    named in the question ("should my mom get a second opinion for pancreatic cancer")
    answers the check's first question.
    """

    intents = (intents.CHECK,)

    def answer(self, turn: Turn) -> Response:
        topic = procedure_topic(turn)
        if topic is not None:
            return summary(turn, topic)
        if check.unfinished(check.stored_answers(turn.handler_input, turn.area.name)):
            return check.continue_check(turn)
        heard = {}
        if turn.slot(intents.CONDITION_SLOT) and diagnosis_topic(turn) == "complex":
            heard["complex"] = True
        return check.start_check(turn, heard=heard)


class DiagnosisHandler(AreaHandler):
    """A diagnosis named, with or without a stage or the person it is about."""

    intents = (intents.COMPLEX_DIAGNOSIS,)

    def answer(self, turn: Turn) -> Response:
        topic = diagnosis_topic(turn)
        if topic == "diagnosis":
            return turn.ask_yes_no(
                turn.t("diagnosis.summary"), turn.t("overview.reprompt"), about="start_check"
            )
        return summary(turn, topic)


def about_me(turn: Turn, topic: str) -> Response:
    """Who is speaking: not a doctor, and general information only."""
    return ask_open(turn, turn.t(topic))


def offer_check(turn: Turn, topic: str) -> Response:
    """What a second opinion is (or why asking is normal), then an offer of the check."""
    return turn.ask_yes_no(turn.t(topic), turn.t("overview.reprompt"), about="start_check")


def waiting(turn: Turn, topic: str) -> Response:
    """Is it safe to wait? Never for an emergency; otherwise ask the doctor."""
    return turn.ask_yes_no(turn.t(topic), turn.t(f"{topic}.reprompt"), about="tell")


def start(turn: Turn, question: str) -> Response:
    return check.start_check(turn)


def resume(turn: Turn, question: str) -> Response:
    return check.resume_check(turn)


def drop_check(turn: Turn, question: str) -> Response:
    """No to picking the check up again: it is forgotten."""
    turn.progress.pop(check.CHECK_KEY, None)
    turn.save_progress()
    return ask_open(turn, turn.t("check.dropped"))


def declined(turn: Turn, question: str) -> Response:
    return ask_open(turn, turn.t("no_thanks"))


class Answers(AnswerHandler):
    """Yes and no to the check's questions and to this area's offers; "kind of" and "not
    sure" to the check's questions too."""

    questions = (check.QUESTION,)
    hedged = (check.QUESTION,)
    on_yes = {
        "resume": resume,
        "start_check": start,
        "records": first_records,
        "tell": telling,
        **{f"{t}.more": more for t in TOPICS},
    }
    on_no = {**dict.fromkeys(on_yes, declined), "resume": drop_check}

    def answer(self, turn: Turn) -> Response:
        if turn.question == check.QUESTION:
            return check.record_answer(turn)
        return super().answer(turn)


def handlers(area: Area) -> list[AreaHandler]:
    """This area's handlers, in the order they are tried."""
    return [
        check.CheckHelpHandler(area),
        check.CheckStepHandler(area),
        check.RestartCheckHandler(area),
        Answers(area),
        CheckHandler(area),
        TopicHandler(area, intents.WHAT_IS, "what_is", offer_check),
        TopicHandler(area, intents.ARE_YOU_A_DOCTOR, "about_me", about_me),
        DiagnosisHandler(area),
        TopicHandler(area, intents.OVERVIEW, "overview", offer_check),
        SurgeryHandler(area),
        TopicHandler(area, intents.WAITING, "waiting", waiting),
        TopicHandler(area, intents.NO_DIAGNOSIS, "unclear", summary),
        TopicHandler(area, intents.NOT_WORKING, "not_helping", summary),
        TopicHandler(area, intents.UNEASY, "uneasy", summary),
        TopicHandler(area, intents.NOTHING_CAN_BE_DONE, "nothing_can_be_done", summary),
        TopicHandler(area, intents.REQUIRED, "required", summary),
        TopicHandler(area, intents.FINDING, "finding", summary),
        TopicHandler(area, intents.FRESH_REVIEW, "fresh_review", summary),
        TopicHandler(area, intents.SCARED, "scared", summary),
        TopicHandler(area, intents.HOW_LONG, "how_long", summary),
    ]
