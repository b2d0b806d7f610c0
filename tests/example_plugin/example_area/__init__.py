"""A small guidance area from another distribution: bringing someone to the appointment.

It shows everything a plugin needs and nothing in ``skill/`` changes to add it.
"""

from example_area import handlers, intents
from skill import hookimpl
from skill.area import Area

# The area's name is the plugin's entry-point name (see pyproject.toml).
AREA = Area("second_opinion_companion", __name__, rank=90)


@hookimpl
def register_area():
    return AREA


@hookimpl
def register_handlers():
    return handlers.handlers(AREA)


# What people say to ask for the area, by language: every language the skill speaks needs
# its own, or the host refuses to start (an intent a locale's model lacks is never sent).
SAMPLES = {
    "en": [
        "can i bring someone with me",
        "can i bring someone to my appointment",
        "should someone come with me to the appointment",
        "can a friend come with me",
        "is it a good idea to bring a family member",
    ],
    "es": [
        "puedo llevar a alguien conmigo",
        "puedo llevar a alguien a mi cita",
        "debería ir alguien conmigo a la cita",
        "puede acompañarme un amigo",
        "es buena idea llevar a un familiar",
    ],
}


@hookimpl
def register_interaction_model(locale):
    samples = SAMPLES.get(locale.split("-")[0])
    if samples is None:
        return None
    return {"intents": [{"name": intents.BRING_SOMEONE, "slots": [], "samples": samples}]}
