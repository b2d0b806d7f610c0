"""Answers for the insurance area: coverage and network first, then what to ask the insurer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plugins.insurance import intents
from skill import speech
from skill.area import AnswerHandler, Area, AreaHandler, TopicHandler
from skill.turn import Card, Turn

if TYPE_CHECKING:
    from ask_sdk_core.dispatch_components import AbstractRequestHandler
    from ask_sdk_model import Response

QUESTION_IDS = ("covered", "referral", "network", "cost")


HEARD_KEY = "heard_questions"
"""Memory key: the insurer questions were read this session, so stop offering them."""

NEXT_AREAS = ("specialist", "records")
"""The areas offered after insurance, in order, where loaded."""


def options(turn: Turn, *, skip: str | None = None) -> str:
    """What to ask next: plan types (unless ``skip`` is "plans"), then the other loaded areas.

    ``skip`` is the topic just heard or just turned down, so it isn't offered again.
    """
    questions = [turn.t("ask.plans")] if skip != "plans" else []
    questions += turn.examples_of(*NEXT_AREAS)
    return turn.choices(questions or [turn.t("ask.questions")])


def option_intents(turn: Turn, *, skip: str | None = None) -> list[str]:
    """The intents :func:`options` names, in order, so "the second one" picks the second."""
    own = [intents.PLAN_RULES] if skip != "plans" else []
    return own + turn.entries_of(*NEXT_AREAS)


def offer_questions(turn: Turn, key: str) -> Response:
    """Say ``key``, then offer the insurer questions unless they were heard already."""
    if turn.memory.get(HEARD_KEY):
        return turn.ask(
            speech.join(turn.t(key), turn.t("else")),
            turn.t("else.reprompt", options=options(turn, skip=key)),
            options=option_intents(turn, skip=key),
        )
    return turn.ask_yes_no(
        speech.join(turn.t(key), turn.t("offer")), turn.t("offer.reprompt"), about="questions"
    )


def insurer_questions(turn: Turn, topic: str) -> Response:
    turn.memory[HEARD_KEY] = True
    card_lines = "\n".join(f"- {turn.t(f'question.{key}.card')}" for key in QUESTION_IDS)
    return turn.read_list(
        turn.t("questions.intro", count=len(QUESTION_IDS)),
        [turn.t(f"question.{key}") for key in QUESTION_IDS],
        then=turn.t("questions.then"),
        then_reprompt=turn.t("questions.then_reprompt"),
        then_about="plans",
        card=Card(
            turn.t("questions.card.title"), f"{card_lines}\n\n{turn.t('questions.card.tip')}"
        ),
    )


def plan_rules(turn: Turn, topic: str) -> Response:
    """The rules of the plan type the user named, or how plan types differ (``topic``)."""
    plan = turn.slot(intents.PLAN_SLOT)
    key = f"{topic}.{plan.id.lower()}" if plan and plan.id else topic
    return offer_questions(turn, key if turn.has(key) else topic)


def steps_offer(turn: Turn, topic: str) -> Response:
    """A short answer that offers its steps; a yes reads ``<topic>.details``."""
    return turn.ask_yes_no(turn.t(topic), turn.t(f"{topic}.reprompt"), about=topic)


def steps(turn: Turn, topic: str) -> Response:
    return turn.ask(
        speech.join(turn.t(f"{topic}.details"), turn.t("else")),
        turn.t("else.reprompt", options=options(turn)),
        card=turn.card(topic),
        options=option_intents(turn),
    )


def denial(turn: Turn, topic: str) -> Response:
    """How to appeal; Medicaid and Medicare Advantage have routes of their own."""
    plan = turn.slot(intents.PLAN_SLOT)
    if plan is not None and plan.id in intents.PUBLIC_PLANS:
        return turn.ask_yes_no(turn.t(f"{topic}.public"), turn.t(f"{topic}.reprompt"), about=topic)
    return steps_offer(turn, topic)


class AbroadHandler(AreaHandler):
    """The route in another country, only when the user says where they are."""

    intents = (intents.ABROAD,)

    def answer(self, turn: Turn) -> Response:
        slot = turn.slot(intents.COUNTRY_SLOT)
        if slot is None:
            return turn.ask(turn.t("abroad.which"), turn.t("abroad.which_reprompt"))
        if slot.id == intents.HOME:
            return offer_questions(turn, "overview")
        route = slot.id if slot.id in intents.ROUTES else "other"
        return turn.ask(
            speech.join(turn.t(f"abroad.{route}"), turn.t("abroad.ask")),
            turn.t("abroad.reprompt", options=options(turn, skip="plans")),
            options=option_intents(turn, skip="plans"),
        )


def declined(turn: Turn, question: str) -> Response:
    """What else to ask, without what was just turned down."""
    choices = options(turn, skip=question)
    return turn.ask(
        turn.t("next", options=choices),
        turn.t("next.reprompt", options=choices),
        options=option_intents(turn, skip=question),
    )


class InsuranceAnswerHandler(AnswerHandler):
    """Yes and no to the insurance area's own questions."""

    on_yes = {"questions": insurer_questions, "plans": plan_rules, "denial": steps, "cost": steps}
    on_no = dict.fromkeys(on_yes, declined)


def handlers(area: Area) -> list[AbstractRequestHandler]:
    """Every insurance handler, for ``area``."""
    return [
        InsuranceAnswerHandler(area),
        TopicHandler(area, intents.OVERVIEW, "overview", offer_questions),
        TopicHandler(area, intents.QUESTIONS, "questions", insurer_questions),
        TopicHandler(area, intents.PLAN_RULES, "plans", plan_rules),
        TopicHandler(area, intents.MEDICARE, "medicare", offer_questions),
        AbroadHandler(area),
        TopicHandler(area, intents.DENIAL, "denial", denial),
        # No insurance, or what it costs: the self-pay price and where to find help.
        TopicHandler(area, intents.COST, "cost", steps_offer),
    ]
