"""The host's own screens: home, a yes/no question, a page of a list, and a long answer."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from skill import paging, session
from skill.core import CORE
from skill.i18n import strings_for
from skill.screens.screen import Screen, documents_in
from skill.speech import plain

if TYPE_CHECKING:
    from ask_sdk_model import Response

    from skill.turn import Turn

strings = strings_for("skill.screens")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def say(turn: Turn, key: str, **values) -> str:
    return strings.get(turn.locale, key, **values)


def said(response: Response) -> str:
    """The spoken answer as plain text: our own strings, never the user's words."""
    return plain(getattr(response.output_speech, "ssml", None) or "")


MORE = (paging.MORE_QUESTION["area"], paging.MORE_QUESTION["about"])


def pending(turn: Turn) -> tuple[str | None, str | None]:
    """``(area, about)`` of the yes/no question waiting for an answer; ``about`` is
    ``None`` when no yes or no is expected."""
    question = session.question(turn.handler_input)
    return (question.area, question.about) if question else (None, None)


def asking(turn: Turn) -> str:
    """The question waiting, as an area's screen offers buttons for it: ``"more"`` (a
    list page), ``"yes_no"``, or ``""``."""
    if pending(turn) == MORE:
        return "more"
    return "yes_no" if pending(turn)[1] is not None else ""


def labels(turn: Turn) -> dict[str, str]:
    """The host's button labels, for an area's screen to use the same words."""
    return {key: say(turn, key) for key in ("yes", "no", "more", "back")}


def stays_open(response: Response) -> bool:
    return not response.should_end_session and response.reprompt is not None


def home(turn: Turn, response: Response) -> dict | None:
    """At the top level (no area current) with the session open: every area, touchable."""
    menu = getattr(turn.handler_input.context, "menu", None)
    if session.current_area(turn.handler_input) or not stays_open(response) or menu is None:
        return None
    return {
        "areas": [
            {
                "name": area.name,
                "title": capitalised(area.title(turn.locale)),
                "hint": say(turn, "home.hint", example=area.example(turn.locale)),
            }
            for area in menu.areas
        ]
    }


def list_page(turn: Turn, response: Response) -> dict | None:
    """A list being read, with more to come: this page's items, more and back."""
    current = paging.active(turn.handler_input)
    if current is None or pending(turn) != MORE:
        return None
    start = current.get("start", 0)
    return {
        "items": [plain(item) for item in current["items"][start : current["pos"]]],
        "more": say(turn, "more"),
        "back": say(turn, "back") if start > 0 else "",
    }


def question(turn: Turn, response: Response) -> dict | None:
    """A yes/no question is waiting: the answer so far, with a Yes and a No button."""
    if pending(turn)[1] is None or pending(turn) == MORE or not stays_open(response):
        return None
    words = said(response)
    return {
        "text": words,
        "question": last_sentence(words),
        "yes": say(turn, "yes"),
        "no": say(turn, "no"),
    }


def text(turn: Turn, response: Response) -> dict | None:
    """Any other answer, as readable text."""
    words = said(response)
    return {"text": words} if words else None


def last_sentence(words: str) -> str:
    """The question that ends an answer, for a screen with room for only that."""
    return SENTENCE_END.split(words.strip())[-1]


def capitalised(title: str) -> str:
    return title[:1].upper() + title[1:]


def host_screens() -> list[Screen]:
    """The host's screens in the order they are tried, after the current area's own."""
    documents = documents_in("skill")
    return [
        Screen(CORE, "list", documents["list"], list_page),
        Screen(CORE, "question", documents["question"], question),
        Screen(CORE, "home", documents["home"], home),
        Screen(CORE, "text", documents["text"], text),
    ]
