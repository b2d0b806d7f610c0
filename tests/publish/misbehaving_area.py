"""A plugin that breaks one certification rule per request, to show certify catches each."""

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.utils import get_request_type
from ask_sdk_model.ui import SimpleCard

from skill import hookimpl
from skill.area import is_request

#: intent: (sample, what the answer does wrong)
INTENTS = {
    "DeadEndIntent": "end the chat right here",
    "PollyTagIntent": "take a breath for me",
    "BigCardIntent": "send me a huge card",
    "HugeSessionIntent": "remember a great deal",
    "NoRepromptIntent": "leave me hanging",
}


class Misbehaving(AbstractRequestHandler):
    def can_handle(self, handler_input):
        kind = get_request_type(handler_input)
        return kind in ("LaunchRequest", "SessionEndedRequest") or is_request(
            handler_input, "AMAZON.StopIntent", *INTENTS
        )

    def handle(self, handler_input):
        builder = handler_input.response_builder
        kind = get_request_type(handler_input)
        name = getattr(handler_input.request_envelope.request, "intent", None)
        name = name.name if name else kind
        if name == "LaunchRequest":
            return builder.speak("Hello and goodbye.").set_should_end_session(True).response
        if name in ("SessionEndedRequest", "AMAZON.StopIntent"):
            return builder.speak("Wait, one more thing?").ask("Still there?").response
        if name == "DeadEndIntent":
            return builder.speak("That's all.").set_should_end_session(True).response
        if name == "PollyTagIntent":
            return builder.speak("In <amazon:breath/> and out?").ask("Again?").response
        if name == "BigCardIntent":
            builder.set_card(SimpleCard(title="Everything", content="word " * 2000))
            return builder.speak("Sent. Anything else?").ask("Anything else?").response
        if name == "HugeSessionIntent":
            handler_input.attributes_manager.session_attributes["notes"] = "x" * 30000
            return builder.speak("Noted. Anything else?").ask("Anything else?").response
        builder.speak("Well?").set_should_end_session(False)
        return builder.response


@hookimpl
def register_handlers():
    return [Misbehaving()]


@hookimpl
def register_interaction_model(locale):
    return {"intents": [{"name": n, "samples": [s]} for n, s in INTENTS.items()]}
