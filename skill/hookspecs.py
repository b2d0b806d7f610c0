"""Every hook a guidance area can implement, in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from skill import hookspec

if TYPE_CHECKING:
    from ask_sdk_core.dispatch_components import AbstractRequestHandler

    from skill.area import Area
    from skill.screens import Screen


@hookspec
def register_area() -> Area | None:
    """Describe the guidance area this plugin adds.

    Called once per skill build. The host uses the area's strings (``title``, ``try``
    and ``help`` in its locale files) to offer it at launch, to name it in fallback
    answers, and to give area-specific help while the user is inside it. The build stops,
    naming the fix, when a locale the skill speaks lacks one of them, or when the area's
    name is not the plugin's entry-point name.

    :returns: an :class:`skill.area.Area`, or ``None`` for a plugin that only adds
        handlers.
    """


@hookspec
def register_handlers() -> list[AbstractRequestHandler]:
    """Return the request handlers this plugin contributes.

    Called once per skill build. Plugin handlers are tried before the host's own, so an
    area can answer built-in intents (Yes, No, StartOver) while it is the current area.
    The host wraps each handler: an exception it raises is logged with the request id
    and answered gracefully, and the other areas keep working. The build stops when a
    handler declares (``intents``) an intent a locale's model does not have.

    :returns: handler instances; order within the list is kept.
    """


@hookspec
def register_interaction_model(locale: str) -> dict | None:
    """Return the interaction-model fragment this plugin needs Alexa to hear.

    Called for each locale when the skill is built, when the simulator loads a locale's
    model and by ``second-opinion model export``. Built-in areas keep their intents in
    ``interaction_models/<locale>.json`` and return nothing; a plugin installed from
    another distribution returns its intents and slot types here, in Alexa's own schema,
    and they are merged into that model. An intent or slot type the model has already
    gains the fragment's samples, slots, values and synonyms; nothing is removed, and a
    slot may not change type nor a value its id.

    :param locale: e.g. ``"en-US"``.
    :returns: ``{"intents": [...], "types": [...]}`` (either key may be absent), or
        ``None`` when the plugin has nothing for this locale.
    """


@hookspec
def register_screens() -> list[Screen]:
    """Return the screens (APL documents) this plugin shows on devices with a display.

    Called once per skill build. Keep each document as an APL JSON file in the plugin's
    ``screens/`` folder (``skill.screens.documents_in(__name__)`` reads them) and build on
    the host's shared layouts (``Header``, ``Body``, ``Footer``, ``Button``, ``Buttons``,
    ``Row``) and colour and size resources, which the host adds to every document. After
    each answer on a device with ``Alexa.Presentation.APL``, the screens of the area the
    user is in are asked first, in order: the first whose ``show`` returns data is shown;
    otherwise the host's own screens (a question, a list page, home, or the answer as
    text) are. A touch whose ``SendEvent`` arguments are ``[area, screen name, *values]``
    comes back to that screen's ``touch``. The host adds ``title``, ``footer``,
    ``asking`` (the question waiting: ``"more"``, ``"yes_no"`` or ``""``) and ``labels``
    (its button words) to the data. Show only the plugin's own strings and catalogue ids,
    never what the user said.

    :returns: :class:`skill.screens.Screen` objects, each belonging to this plugin's area.
    """
