"""Long lists read a few items at a time, with next, previous and more.

An area starts a list with :meth:`skill.turn.Turn.read_list`; the host's own handlers
move through it, so every area pages the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from skill import dialog, session, speech
from skill.i18n import locale_of, strings_for
from skill.turn import respond

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model import Response

    from skill.turn import Card, Turn

PAGE_SIZE = 3
MORE_QUESTION = {"area": "core", "about": "list_more"}
"""The question after each page but the last: "want to hear more?"."""

strings = strings_for("skill")


def start(
    turn: Turn,
    *,
    intro: str,
    items: list[str],
    then: str,
    then_reprompt: str,
    then_about: str | None,
    card: Card | None,
) -> Response:
    session.start_reading(
        turn.handler_input,
        turn.area.name,
        items,
        then=then,
        then_reprompt=then_reprompt,
        then_about=then_about,
    )
    return read_page(turn.handler_input, 0, intro=intro, card=card)


def active(handler_input: HandlerInput) -> dict | None:
    """The list being read in this session, if any."""
    return session.reading(handler_input)


def read_page(
    handler_input: HandlerInput, start_at: int, *, intro: str = "", card: Card | None = None
) -> Response:
    """Read the page of the active list that begins at ``start_at``."""
    current = session.reading(handler_input)
    items = current["items"]
    start_at = max(0, min(start_at, max(len(items) - 1, 0)))
    end = min(start_at + PAGE_SIZE, len(items))
    current["pos"] = end
    current["start"] = start_at
    body = speech.paused(items[start_at:end])
    if end == len(items):
        return close(handler_input, speech.join(intro, body), card=card)
    left = len(items) - end
    ask = say(handler_input, "list.more", count=left)
    reprompt = say(handler_input, "list.more_reprompt")
    dialog.asked(handler_input, MORE_QUESTION["area"], MORE_QUESTION["about"], reprompt)
    return respond(handler_input, speech.join(intro, body, ask), reprompt=reprompt, card=card)


def asking_for_more(handler_input: HandlerInput) -> bool:
    """Whether the open question is "want to hear more?" after a page."""
    return session.question(handler_input) == session.Question(**MORE_QUESTION)


def next_page(handler_input: HandlerInput) -> Response:
    current = active(handler_input)
    if current["pos"] >= len(current["items"]):
        return finish(handler_input, ended=True)
    return read_page(handler_input, current["pos"])


def previous_page(handler_input: HandlerInput) -> Response:
    current = active(handler_input)
    return read_page(handler_input, current.get("start", 0) - PAGE_SIZE)


def finish(handler_input: HandlerInput, ended: bool = False) -> Response:
    """Skip the rest of the list (or note it has ended) and ask the area's closing question."""
    current = active(handler_input)
    current["pos"] = len(current["items"])
    return close(handler_input, say(handler_input, "list.end") if ended else "")


def close(handler_input: HandlerInput, opening: str, *, card: Card | None = None) -> Response:
    """``opening``, then the area's closing question; a yes or no to it goes to the area."""
    current = session.reading(handler_input)
    dialog.asked(
        handler_input, current["area"], current["then_about"] or None, current["then_reprompt"]
    )
    return respond(
        handler_input,
        speech.join(opening, current["then"]),
        reprompt=current["then_reprompt"],
        card=card,
    )


def say(handler_input: HandlerInput, key: str, **values) -> str:
    """One of the host's paging strings, in the request's locale."""
    request = handler_input.request_envelope.request
    return strings.get(locale_of(request), key, seed=request.request_id or "", **values)
