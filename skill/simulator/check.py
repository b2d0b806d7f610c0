"""``model check``: what Alexa would reject in a model, and samples more than one intent claims."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from skill.simulator import builtins
from skill.simulator.model import InteractionModel
from skill.simulator.normalize import normalize

ERROR = "error"
WARNING = "warning"

#: Words Alexa does not allow in an invocation name.
FORBIDDEN_IN_NAME = {
    "alexa", "amazon", "echo", "computer", "skill", "app",
    "launch", "ask", "tell", "load", "begin", "enable", "open", "start",
}  # fmt: skip
CONNECTING = {"to", "from", "by", "if", "and", "whether", "for", "about"}
# Samples hold words: letters, spaces, periods of initialisms, apostrophes, hyphens; slots.
_SAMPLE_OK = re.compile(r"^(?:[^\W\d_]|[ .'’-]|\{[A-Za-z][A-Za-z0-9_]*\})+$")
_SLOT_REF = re.compile(r"\{([^{}]*)\}")
_INTENT_NAME = re.compile(r"^[A-Za-z_]+$")
_NAME_OK = re.compile(r"^[a-z][a-z .']*[a-z.]$")
#: Outside English, the letters of the locale's alphabet ("guía de segunda opinión").
_NAME_OK_LETTERS = re.compile(r"^[^\W\d_](?:[^\W\d_]|[ .'])*(?:[^\W\d_]|\.)$")


@dataclass(frozen=True)
class Finding:
    level: str
    rule: str
    where: str
    message: str

    def as_json(self) -> dict:
        return {
            "level": self.level,
            "rule": self.rule,
            "where": self.where,
            "message": self.message,
        }

    def __str__(self) -> str:
        return f"{self.level:<8}{self.rule:<22}{self.where}: {self.message}"


def check(model: InteractionModel, *, ambiguity: bool = True) -> list[Finding]:
    """Every finding for ``model``, errors first.

    :param ambiguity: also report samples another intent matches (warnings that take
        seconds on a large model; Alexa's build does not refuse them).
    """
    findings = [
        *_invocation(model),
        *_intents(model),
        *_shared_samples(model),
        *_fallback_sensitivity(model),
        *_types(model),
        *(_ambiguity(model) if ambiguity else ()),
    ]
    return sorted(findings, key=lambda f: (f.level != ERROR, f.rule, f.where))


def _invocation(model: InteractionModel) -> list[Finding]:
    name = model.invocation_name
    where = "invocationName"
    if not name:
        return [Finding(ERROR, "invocation-name", where, "no invocation name")]
    found = []
    english = model.locale.split("-", 1)[0] == "en"
    allowed = _NAME_OK if english else _NAME_OK_LETTERS
    if not allowed.match(name) or name != name.lower():
        found.append(
            Finding(
                ERROR,
                "invocation-name",
                where,
                f"{name!r}: only lower-case letters, spaces, apostrophes and periods",
            )
        )
    if not 2 <= len(name) <= 50:
        found.append(Finding(ERROR, "invocation-name", where, "must be 2 to 50 characters"))
    words = name.lower().replace(".", " ").split()
    for word in words:
        if word in FORBIDDEN_IN_NAME:
            found.append(Finding(ERROR, "invocation-name", where, f"may not contain {word!r}"))
        elif word in CONNECTING:
            found.append(
                Finding(
                    WARNING,
                    "invocation-name",
                    where,
                    f"connecting word {word!r} can cut the name short when spoken",
                )
            )
    if len(words) < 2:
        found.append(
            Finding(WARNING, "invocation-name", where, "one word: allowed only for a brand name")
        )
    return found


def _intents(model: InteractionModel) -> list[Finding]:
    found = []
    names = set(model.intents)
    for required in builtins.REQUIRED:
        if required not in names:
            found.append(Finding(ERROR, "intent-required", required, "every skill must have it"))
    if "AMAZON.FallbackIntent" not in names:
        found.append(
            Finding(
                WARNING,
                "intent-fallback",
                "AMAZON.FallbackIntent",
                "missing: out-of-domain requests will land on the nearest intent",
            )
        )
    for intent in model.intents.values():
        builtin = intent.name.startswith("AMAZON.")
        if not builtin and not _INTENT_NAME.match(intent.name):
            found.append(Finding(ERROR, "intent-name", intent.name, "only letters and underscores"))
        if not builtin and not intent.samples:
            found.append(Finding(ERROR, "intent-samples", intent.name, "no sample utterances"))
        declared = {slot.name for slot in intent.slots}
        used: set[str] = set()
        seen: dict[str, str] = {}
        for sample in intent.samples:
            where = f"{intent.name}: {sample!r}"
            if not _SAMPLE_OK.match(sample):
                bad = sorted(set(_SLOT_REF.sub("", sample)) - set(" .'’-") - _letters(sample))
                detail = "spell numbers out" if any(c.isdigit() for c in bad) else f"has {bad}"
                found.append(Finding(ERROR, "sample-charset", where, detail))
            for ref in _SLOT_REF.findall(sample):
                used.add(ref)
                if ref not in declared:
                    found.append(
                        Finding(ERROR, "slot-undefined", where, f"{{{ref}}} is not a slot")
                    )
            key = normalize(_SLOT_REF.sub(lambda m: f" slot{m.group(1)} ", sample))
            if key in seen:
                # Alexa refuses the same text twice; a spelling variant is only redundant.
                same = " ".join(seen[key].lower().split()) == " ".join(sample.lower().split())
                found.append(
                    Finding(
                        ERROR if same else WARNING,
                        "sample-duplicate" if same else "sample-redundant",
                        where,
                        f"same words as {seen[key]!r}",
                    )
                )
            seen[key] = sample
        for slot in intent.slots:
            where = f"{intent.name}.{slot.name}"
            if not slot.type.startswith("AMAZON.") and slot.type not in model.types:
                found.append(
                    Finding(ERROR, "slot-type-missing", where, f"type {slot.type} is not defined")
                )
            if slot.name not in used and intent.samples:
                found.append(Finding(WARNING, "slot-unused", where, "no sample uses this slot"))
    return found


def _shared_samples(model: InteractionModel) -> list[Finding]:
    """The same sample in two intents: Alexa's build refuses the model."""
    owners: dict[str, list[str]] = defaultdict(list)
    for intent in model.intents.values():
        for sample in intent.samples:
            key = " ".join(_SLOT_REF.sub(lambda m: "{" + m.group(1) + "}", sample).lower().split())
            if intent.name not in owners[key]:
                owners[key].append(intent.name)
    return [
        Finding(ERROR, "sample-in-two-intents", f"{names[0]}: {sample!r}", f"also in {names[1:]}")
        for sample, names in sorted(owners.items())
        if len(names) > 1
    ]


#: What ``modelConfiguration.fallbackIntentSensitivity.level`` may be.
FALLBACK_LEVELS = ("LOW", "MEDIUM", "HIGH")


def _fallback_sensitivity(model: InteractionModel) -> list[Finding]:
    """A fallback intent needs its sensitivity set, to one of Alexa's levels."""
    language = model.document["interactionModel"]["languageModel"]
    level = ((language.get("modelConfiguration") or {}).get("fallbackIntentSensitivity") or {}).get(
        "level"
    )
    where = "modelConfiguration.fallbackIntentSensitivity"
    if level is None:
        if "AMAZON.FallbackIntent" in model.intents:
            return [Finding(WARNING, "fallback-sensitivity", where, "not set: Alexa uses LOW")]
        return []
    if level not in FALLBACK_LEVELS:
        return [
            Finding(
                ERROR, "fallback-sensitivity", where, f"{level!r} is not one of {FALLBACK_LEVELS}"
            )
        ]
    return []


def _letters(text: str) -> set[str]:
    return {c for c in text if c.isalpha()}


def _types(model: InteractionModel) -> list[Finding]:
    found = []
    used = {slot.type for intent in model.intents.values() for slot in intent.slots}
    for slot_type in model.types.values():
        if not slot_type.values:
            found.append(Finding(ERROR, "type-empty", slot_type.name, "no values"))
        if slot_type.name not in used:
            found.append(Finding(WARNING, "type-unused", slot_type.name, "no slot uses it"))
        owners: dict[str, set[str]] = defaultdict(set)
        for value in slot_type.values:
            if not value.name.strip():
                found.append(Finding(ERROR, "type-value", slot_type.name, "a value has no name"))
            for phrase in (value.name, *value.synonyms):
                owners[normalize(phrase)].add(value.name)
        for phrase, values in sorted(owners.items()):
            if len(values) > 1:
                found.append(
                    Finding(
                        WARNING,
                        "type-value-shared",
                        slot_type.name,
                        f"{phrase!r} names {sorted(values)}: entity resolution returns several",
                    )
                )
    return found


def _ambiguity(model: InteractionModel) -> list[Finding]:
    """Samples that match another intent word for word, slots filled with example values."""
    resolver = model.resolver
    found = []
    reported: set[tuple[str, str]] = set()
    builtin_phrases = {
        normalize(phrase): name
        for name, phrases in builtins.SAMPLES.items()
        if name in model.intents or name in builtins.REQUIRED
        for phrase in phrases
    }
    for intent in model.intents.values():
        for sample in intent.samples:
            text = _example(model, intent, sample)
            others = {other for other, _ in resolver.exact_matches(text) if other != intent.name}
            builtin = builtin_phrases.get(normalize(text))
            if builtin and builtin != intent.name:
                others.add(builtin)
            for other in sorted(others):
                pair = tuple(sorted((intent.name, other)))
                if (pair, text) in reported:
                    continue
                reported.add((pair, text))
                found.append(
                    Finding(
                        WARNING,
                        "sample-ambiguous",
                        f"{intent.name}: {sample!r}",
                        f"{text!r} also matches {other}",
                    )
                )
    return found


def _example(model: InteractionModel, intent, sample: str) -> str:
    """``sample`` with each slot replaced by a value it could hold."""

    def value(match: re.Match) -> str:
        slot = intent.slot(match.group(1))
        if slot is None:
            return "something"
        if slot.type == "AMAZON.NUMBER":
            return "five"
        slot_type = model.types.get(slot.type)
        if slot_type and slot_type.values:
            return slot_type.values[0].name
        return "something"

    return _SLOT_REF.sub(value, sample)
