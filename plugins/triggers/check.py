"""The quick check: up to five yes or no questions on whether a second opinion makes sense.

Only the yes/no answers are kept (in :attr:`skill.turn.Turn.progress`, so a check left
halfway can be picked up). What an answer named besides, a procedure or who it is for,
only steers this session: a question already answered that way is not asked again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plugins.triggers import intents
from skill import session
from skill.area import AreaHandler
from skill.speech import join, spoken_list
from skill.turn import Card, Turn

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model import Response

# The five questions, in the order asked; each has a question and a reason in the locale
# file (check.q.<name>, check.reason.<name>), and may have a ".other" form that speaks of
# the person the user is helping.
QUESTIONS = ("complex", "major_treatment", "unclear", "not_helping", "uneasy")
CHECK_KEY = "check"
#: What a check question is about, for :meth:`skill.turn.Turn.ask_yes_no`.
QUESTION = "check"
#: Session memory: answers heard before their question came up, ``{question: bool}``.
HEARD_KEY = "heard"
CLEAR_AFTER = 2  # two reasons make the answer clear: no need to ask the rest
#: The question a named procedure answers: one has been recommended, or not.
PROCEDURE_QUESTION = "major_treatment"
#: Topics other than the questions' own names whose summary says a question's answer is
#: yes: a recommended operation or treatment of any kind.
TOPIC_ANSWERS = {
    kind: PROCEDURE_QUESTION
    for kind in (
        "surgery", "joint", "cancer_surgery", "heart_brain", "transplant", "amputation",
        "treatment",
    )
}  # fmt: skip


def stored_answers(handler_input: HandlerInput, area_name: str) -> list[bool] | None:
    """The check's answers so far in this session, or ``None`` if it hasn't started."""
    answers = session.memory(handler_input, area_name).get(CHECK_KEY)
    if isinstance(answers, list) and all(isinstance(a, bool) for a in answers):
        return answers
    return None


def unfinished(answers: object) -> bool:
    """Answers of a check that was started and has no recommendation yet."""
    return (
        isinstance(answers, list)
        and 0 < len(answers) < len(QUESTIONS)
        and all(isinstance(a, bool) for a in answers)
        and sum(answers) < CLEAR_AFTER
    )


def keep_answers(turn: Turn, answers: list[bool]) -> None:
    """The check's answers, as yes/no flags only, kept so it can be picked up later."""
    turn.memory[CHECK_KEY] = answers
    turn.progress[CHECK_KEY] = list(answers)
    turn.save_progress()


def heard_topic(turn: Turn, topic: str) -> None:
    """The user told us about ``topic`` ("my doctor wants me to have surgery"): a check
    started later in the session won't ask the question it answers."""
    question = topic if topic in QUESTIONS else TOPIC_ANSWERS.get(topic)
    if question is not None:
        turn.memory.setdefault(HEARD_KEY, {})[question] = True


def start_check(
    turn: Turn, intro_key: str = "check.intro", *, heard: dict[str, bool] | None = None
) -> Response:
    """The check from its first question; ``heard`` answers questions the user already has,
    as do the topics heard earlier in the session."""
    heard = {**(turn.memory.get(HEARD_KEY) or {}), **(heard or {})}
    turn.memory.pop(HEARD_KEY, None)
    if heard:
        turn.memory[HEARD_KEY] = heard
    keep_answers(turn, [])
    return ask_question(turn, turn.t(intro_key))


def resume_check(turn: Turn) -> Response:
    """Pick a check from an earlier session up at the question after the last answered."""
    turn.memory[CHECK_KEY] = list(turn.progress.get(CHECK_KEY) or [])
    return ask_question(turn, turn.t("check.resumed"))


def continue_check(turn: Turn) -> Response:
    """Back to a check left earlier in this session, at the question it stopped on."""
    return ask_question(turn, turn.t("check.resumed"))


def ask_question(turn: Turn, lead: str = "") -> Response:
    answers = turn.memory[CHECK_KEY]
    heard = turn.memory.get(HEARD_KEY) or {}
    while len(answers) < len(QUESTIONS) and QUESTIONS[len(answers)] in heard:
        answers.append(bool(heard.pop(QUESTIONS[len(answers)])))
    if answers != turn.progress.get(CHECK_KEY):
        keep_answers(turn, answers)
    if len(answers) >= len(QUESTIONS) or sum(answers) >= CLEAR_AFTER:
        return recommend(turn, answers)
    question = turn.for_person(f"check.q.{QUESTIONS[len(answers)]}")
    if len(answers) == len(QUESTIONS) - 1:
        lead = join(lead, turn.t("check.last"))
    return turn.ask_yes_no(
        join(lead, question), join(turn.t("check.reprompt"), question), about=QUESTION
    )


def note_heard(turn: Turn, answers: list[bool], yes: bool) -> None:
    """An answer that named a procedure answers the question about one, whichever was asked."""
    procedure = turn.slot(intents.PROCEDURE_SLOT)
    if procedure is None or QUESTIONS[len(answers)] == PROCEDURE_QUESTION:
        return
    if PROCEDURE_QUESTION not in QUESTIONS[: len(answers)]:
        turn.memory.setdefault(HEARD_KEY, {})[PROCEDURE_QUESTION] = yes


def record_answer(turn: Turn) -> Response:
    """Take the answer to the open question: yes, no, or "kind of" (partly true is a yes)."""
    answers = stored_answers(turn.handler_input, turn.area.name)
    if answers is None or len(answers) >= len(QUESTIONS):
        return start_check(turn)
    if turn.answer == "unsure":
        return ask_question(turn, turn.t("check.unsure"))
    yes = turn.answer in ("yes", "partly")
    note_heard(turn, answers, yes)
    answers.append(yes)
    keep_answers(turn, answers)
    ack = "check.ack.partly" if turn.answer == "partly" else f"check.ack.{'yes' if yes else 'no'}"
    return ask_question(turn, turn.t(ack))


def recommend(turn: Turn, answers: list[bool]) -> Response:
    """Name the user's own reasons and offer the next step; or, with none, their right."""
    turn.progress.pop(CHECK_KEY, None)  # a finished check is nothing to come back to
    turn.save_progress()
    asked = QUESTIONS[: len(answers)]
    reasons = [
        turn.for_person(f"check.reason.{q}") for q, yes in zip(asked, answers, strict=True) if yes
    ]
    if not reasons:
        return turn.ask_yes_no(
            turn.t("check.result.none"), turn.t("check.result.none.reprompt"), about="tell"
        )
    say = turn.for_person("check.result.yes", reasons=spoken_list(reasons, turn.t("and")))
    return turn.ask_yes_no(
        join(say, turn.for_person("check.offer")),
        turn.t("check.offer.reprompt"),
        about="records",
        card=Card(turn.t("card.next_steps.title"), turn.t("card.next_steps")),
    )


def checking(handler_input: HandlerInput, area_name: str) -> bool:
    """Whether a check question is the open question."""
    return session.question(handler_input) == session.Question(area_name, QUESTION)


class RestartCheckHandler(AreaHandler):
    """Start over, while in the check: the check again from the first question."""

    intents = (intents.START_OVER,)
    only_when_current = True

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if not super().can_handle(handler_input):
            return False
        return stored_answers(handler_input, self.area.name) is not None

    def answer(self, turn: Turn) -> Response:
        return start_check(turn, "check.restart")


class CheckHelpHandler(AreaHandler):
    """Help, or an answer that isn't yes or no, while a check question is open."""

    intents = (intents.HELP, intents.FALLBACK)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return super().can_handle(handler_input) and checking(handler_input, self.area.name)

    def answer(self, turn: Turn) -> Response:
        if stored_answers(turn.handler_input, turn.area.name) is None:
            return start_check(turn)
        key = "check.help" if turn.intent_name == intents.HELP else "check.unclear"
        return ask_question(turn, turn.t(key))


class CheckStepHandler(AreaHandler):
    """ "Go back" and "skip" while a check question is open: the question before, again;
    or this one passed over, counted as a no."""

    intents = (intents.PREVIOUS, intents.NEXT)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return super().can_handle(handler_input) and checking(handler_input, self.area.name)

    def answer(self, turn: Turn) -> Response:
        answers = stored_answers(turn.handler_input, turn.area.name)
        if answers is None:
            return start_check(turn)
        if turn.intent_name == intents.NEXT:
            answers.append(False)
            keep_answers(turn, answers)
            return ask_question(turn, turn.t("check.skipped"))
        if not answers:
            return ask_question(turn, turn.t("check.back.first"))
        answers.pop()
        keep_answers(turn, answers)
        return ask_question(turn, turn.t("check.back"))
