"""What a screen is: an APL document, when it is shown, and what a touch on it does."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model import Response

    from skill.area import Area
    from skill.turn import Turn

APL_INTERFACE = "Alexa.Presentation.APL"

Show = Callable[["Turn", "Response"], "dict | None"]
Touch = Callable[["Turn", list], "Response"]


@dataclass(frozen=True)
class Screen:
    """One APL document of one area.

    :param area: the area that owns the screen; touches on it are routed to that area.
    :param name: unique within the area, e.g. ``"checklist"``; with the area's name it is
        the document's token (``records.checklist``) and the second ``SendEvent`` argument.
    :param document: the APL document; the host adds its shared layout to it.
    :param show: ``show(turn, response)`` returns the data for this answer (the
        ``screen`` data source), or ``None`` when this screen doesn't fit it. Fill it from
        the area's own strings and catalogue ids, never from what the user said.
    :param touch: ``touch(turn, values)`` answers a ``SendEvent`` whose arguments were
        ``[area, name, *values]``, as the voice path would, with a spoken confirmation.
    """

    area: Area
    name: str
    document: dict = field(repr=False)
    show: Show = field(repr=False)
    touch: Touch | None = field(default=None, repr=False)

    @property
    def token(self) -> str:
        return f"{self.area.name}.{self.name}"


def documents_in(package: str) -> dict[str, dict]:
    """The APL documents in ``package``'s ``screens/`` folder, by file name without ``.json``."""
    folder = resources.files(package) / "screens"
    return {
        path.name.removesuffix(".json"): json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(folder.iterdir(), key=lambda p: p.name)
        if path.name.endswith(".json")
    }


def supports_apl(handler_input: HandlerInput) -> bool:
    """Whether the device this request came from renders APL."""
    system = getattr(handler_input.request_envelope.context, "system", None)
    device = getattr(system, "device", None)
    interfaces = getattr(device, "supported_interfaces", None)
    return getattr(interfaces, "alexa_presentation_apl", None) is not None
