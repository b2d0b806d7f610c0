"""A small guidance area from another distribution: bringing someone to the appointment.

It shows everything a plugin needs and nothing in ``skill/`` changes to add it.
"""

from example_area import intents
from example_area.handlers import make_handlers
from skill import hookimpl
from skill.area import Area

# The area's name is the plugin's entry-point name (see pyproject.toml).
AREA = Area("second_opinion_companion", __name__, rank=90)


@hookimpl
def register_area():
    return AREA


@hookimpl
def register_handlers():
    return make_handlers(AREA)


@hookimpl
def register_interaction_model(locale):
    if not locale.startswith("en"):
        return None
    return {
        "intents": [
            {
                "name": intents.BRING_SOMEONE,
                "slots": [],
                "samples": [
                    "can i bring someone with me",
                    "can i bring someone to my appointment",
                    "should someone come with me to the appointment",
                    "can a friend come with me",
                    "is it a good idea to bring a family member",
                ],
            }
        ]
    }
