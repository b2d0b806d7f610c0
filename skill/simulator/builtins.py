"""What Alexa hears for its built-in intents, which carry no samples in a skill's model.

Alexa trains these itself; the simulator needs phrasings to match. The lists hold the
common ways people say each one: ``SAMPLES`` in English, ``SAMPLES_ES`` in Spanish;
:func:`samples` picks by the model's language.
"""

from __future__ import annotations

#: Alexa requires these in every custom skill, declared or not.
REQUIRED = (
    "AMAZON.HelpIntent",
    "AMAZON.StopIntent",
    "AMAZON.CancelIntent",
    "AMAZON.NavigateHomeIntent",
)

SAMPLES: dict[str, tuple[str, ...]] = {
    "AMAZON.HelpIntent": (
        "help", "help me", "i need help", "can you help me", "what can i do",
        "what can you do", "what can i say", "what do i say", "how does this work",
        "what are my options", "i am confused", "i do not know what to say",
    ),
    "AMAZON.StopIntent": (
        "stop", "off", "shut up", "be quiet", "stop talking", "that is enough", "enough",
        "i am done", "i am finished", "that is all", "goodbye", "bye",
    ),
    "AMAZON.CancelIntent": (
        "cancel", "cancel that", "never mind", "nevermind", "forget it", "forget about it",
    ),
    "AMAZON.NavigateHomeIntent": (
        "go home", "home", "main menu", "go to the main menu", "back to the main menu",
        "go back to the main menu", "take me home", "back to the menu",
    ),
    "AMAZON.RepeatIntent": (
        "repeat", "repeat that", "say that again", "can you repeat that", "please repeat",
        "what did you say", "come again", "pardon", "one more time", "say it again",
    ),
    "AMAZON.StartOverIntent": (
        "start over", "restart", "start again", "begin again", "start from the beginning",
        "from the beginning", "from the top", "let us start over",
    ),
    "AMAZON.YesIntent": (
        "yes", "yeah", "yep", "yup", "yes please", "sure", "okay", "ok", "of course",
        "please do", "go ahead", "absolutely", "sounds good", "alright", "all right",
        "i do", "i would", "why not", "definitely", "correct", "that is right",
    ),
    "AMAZON.NoIntent": (
        "no", "nope", "nah", "no thanks", "no thank you", "not really", "not now",
        "i do not", "i would not", "no way", "not at all", "not yet",
    ),
    "AMAZON.NextIntent": (
        "next", "next one", "skip", "skip it", "skip that", "go on", "continue",
        "keep going", "go forward", "move on",
    ),
    "AMAZON.PreviousIntent": (
        "previous", "previous one", "go back", "back", "last one", "the one before",
        "go back one", "before that",
    ),
    "AMAZON.MoreIntent": (
        "more", "tell me more", "more please", "give me more", "what else",
        "keep reading",
    ),
    "AMAZON.PauseIntent": ("pause", "pause that", "hold on", "wait"),
    "AMAZON.ResumeIntent": ("resume", "continue where we left off", "unpause"),
}  # fmt: skip

#: The same intents as Spanish speakers say them (folded or not: the resolver folds accents).
SAMPLES_ES: dict[str, tuple[str, ...]] = {
    "AMAZON.HelpIntent": (
        "ayuda", "ayúdame", "necesito ayuda", "me puedes ayudar", "me puede ayudar",
        "qué puedo hacer", "qué puedes hacer", "qué puedo decir", "qué digo",
        "cómo funciona esto", "cuáles son mis opciones", "qué te puedo preguntar",
        "qué le puedo preguntar", "estoy confundido",
        "estoy confundida", "no sé qué decir",
    ),
    "AMAZON.StopIntent": (
        "para", "detente", "alto", "basta", "ya basta", "cállate", "silencio",
        "deja de hablar", "es suficiente", "ya terminé", "terminé", "eso es todo",
        "adiós", "chao", "bye",
    ),
    "AMAZON.CancelIntent": (
        "cancela", "cancelar", "cancela eso", "olvídalo", "olvida eso", "no importa",
        "déjalo",
    ),
    "AMAZON.NavigateHomeIntent": (
        "inicio", "ir al inicio", "menú principal", "ve al menú principal",
        "regresa al menú principal", "vuelve al menú", "llévame al inicio",
    ),
    "AMAZON.RepeatIntent": (
        "repite", "repítelo", "repite eso", "dilo otra vez", "puedes repetir",
        "me lo repites", "qué dijiste", "cómo", "otra vez", "una vez más",
        "repítemelo por favor",
    ),
    "AMAZON.StartOverIntent": (
        "empieza de nuevo", "empezar de nuevo", "volver a empezar", "vuelve a empezar",
        "reinicia", "desde el principio", "comienza otra vez", "empecemos de nuevo",
    ),
    "AMAZON.YesIntent": (
        "sí", "sí por favor", "claro", "claro que sí", "por supuesto", "ok", "okey",
        "está bien", "dale", "adelante", "de acuerdo", "sale", "órale", "ándale",
        "sí quiero", "correcto", "así es", "exacto", "me parece bien", "por qué no",
    ),
    "AMAZON.NoIntent": (
        "no", "no gracias", "no por ahora", "ahorita no", "todavía no", "para nada",
        "no quiero", "claro que no", "de ninguna manera", "nel", "no realmente",
    ),
    "AMAZON.NextIntent": (
        "siguiente", "el siguiente", "sáltalo", "salta eso", "sigue", "continúa",
        "adelante con el siguiente", "pasa al siguiente", "el que sigue",
        "sáltate esta", "sáltatela", "brinca esa", "pásale", "la que sigue",
    ),
    "AMAZON.PreviousIntent": (
        "anterior", "el anterior", "regresa", "atrás", "vuelve atrás", "el de antes",
        "regresa uno",
    ),
    "AMAZON.MoreIntent": ("más", "dime más", "cuéntame más", "quiero más", "qué más"),
    "AMAZON.PauseIntent": ("pausa", "pon pausa", "espera", "espérate", "un momento"),
    "AMAZON.ResumeIntent": ("reanuda", "sigue donde quedamos", "continúa donde íbamos"),
}  # fmt: skip


def samples(language: str = "en") -> dict[str, tuple[str, ...]]:
    """The built-in intents' phrasings for a model's language (``"en"`` or ``"es"``)."""
    return SAMPLES_ES if language == "es" else SAMPLES


#: Said while a session is open, these close it without a request to the skill's intents:
#: Alexa sends SessionEndedRequest with reason USER_INITIATED. ("salir": Spanish.)
EXIT_PHRASES = frozenset(
    {"exit", "quit", "exit skill", "quit skill", "alexa exit", "alexa quit", "salir", "alexa salir"}
)
