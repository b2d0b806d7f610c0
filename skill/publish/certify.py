"""Pre-certification: what Amazon's model build and certification tests would refuse.

Four groups of rules, run for every locale in a package written by ``package``:

- ``manifest``: Amazon's schema, example phrases (routed by that locale's model, opened
  in its language), disclaimer, URLs, locales and their countries, a listing of each
  country's own, events, permissions, icons, name-free interaction;
- ``model``: Alexa's build rules (:func:`skill.simulator.check.check`, plus Amazon's schema);
- ``functional``: launch, help, stop, cancel, fallback and every sample of every custom
  intent, one-shot and in session, through the simulator and the installed skill;
- ``responses``: every answer in those conversations, by :func:`skill.simulator.lint.lint`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from skill.publish import icons, manifest
from skill.publish.package import MODELS, RESOURCES, SKILL_PACKAGE
from skill.simulator import check, invocation
from skill.simulator.check import ERROR, WARNING, Finding
from skill.simulator.normalize import language_of

if TYPE_CHECKING:
    from skill.runtime import SkillRuntime
    from skill.simulator.conversation import Conversation, TurnResult
    from skill.simulator.model import InteractionModel

#: Intents whose answer ends the session by design: Alexa's own, and the emergency gate's.
CLOSING = frozenset({"AMAZON.StopIntent", "AMAZON.CancelIntent", "EmergencyIntent", "CrisisIntent"})
_WAKE = re.compile(r"^Alexa, (?:ask|open|tell|launch|start) ", re.IGNORECASE)


@dataclass
class Package:
    """A package as read from disk: its manifest, its models by locale, its resources."""

    root: Path
    manifest: dict = field(default_factory=dict)
    models: dict[str, dict] = field(default_factory=dict)
    resources: dict = field(default_factory=dict)

    @property
    def body(self) -> dict:
        return self.manifest.get("manifest") or {}

    @property
    def publishing(self) -> dict:
        return self.body.get("publishingInformation") or {}


def read(root: Path) -> tuple[Package, list[Finding]]:
    """The package in ``root``, and what keeps it from being read."""
    package = Package(root)
    found = []
    skill_json = root / SKILL_PACKAGE / "skill.json"
    try:
        package.manifest = json.loads(skill_json.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        found.append(Finding(ERROR, "package-layout", str(skill_json), str(exc)))
    for path in sorted((root / SKILL_PACKAGE / MODELS).glob("*.json")):
        try:
            package.models[path.stem] = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            found.append(Finding(ERROR, "package-layout", str(path), str(exc)))
    if not package.models:
        found.append(Finding(ERROR, "package-layout", MODELS, "no interaction models"))
    try:
        package.resources = json.loads((root / RESOURCES).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        found.append(Finding(ERROR, "package-layout", RESOURCES, str(exc)))
    return package, found


def certify(root: Path, runtime: SkillRuntime, *, talk: bool = True) -> list[Finding]:
    """Every finding for the package in ``root``, answered by ``runtime``'s skill.

    :param talk: hold the conversations too (``False``: manifest and model rules only).
    """
    package, found = read(root)
    if found:
        return found
    found += manifest_rules(package)
    for locale, document in sorted(package.models.items()):
        text = json.dumps(document, sort_keys=True)
        model = _model(locale, text)
        found += _model_rules(locale, text)
        if talk:
            found += functional_rules(package, model, runtime)
    return found


@lru_cache(maxsize=8)
def _model(locale: str, text: str) -> InteractionModel:
    """The model in ``text``, parsed once (its resolver is the costly part)."""
    from skill.simulator.model import InteractionModel

    return InteractionModel.from_document(json.loads(text), locale, source=locale)


@lru_cache(maxsize=8)
def _model_rules(locale: str, text: str) -> tuple[Finding, ...]:
    """Amazon's schema and Alexa's build rules for one locale's model."""
    schema = [
        Finding(ERROR, "model-schema", locale, problem)
        for problem in manifest.model_problems(json.loads(text))
    ]
    build = [
        Finding(f.level, f.rule, f"{locale} {f.where}", f.message)
        for f in check.check(_model(locale, text), ambiguity=False)
    ]
    return (*schema, *build)


# -- manifest ---------------------------------------------------------------------------
def manifest_rules(package: Package) -> list[Finding]:
    found = [
        Finding(ERROR, "manifest-schema", "skill.json", p)
        for p in manifest.manifest_problems(package.manifest)
    ]
    body, publishing = package.body, package.publishing
    listed = set(publishing.get("locales") or {})
    privacy = (body.get("privacyAndCompliance") or {}).get("locales") or {}
    models = set(package.models)
    for name, locales in (("publishing", listed), ("privacy", set(privacy))):
        if locales != models:
            found.append(
                Finding(
                    ERROR,
                    "manifest-locales",
                    name,
                    f"locales {sorted(locales)} but models for {sorted(models)}",
                )
            )
    countries = set(publishing.get("distributionCountries") or [])
    wanted = {manifest.country_of(locale) for locale in models}
    if countries != wanted:
        found.append(
            Finding(
                ERROR,
                "manifest-countries",
                "distributionCountries",
                f"{sorted(countries)}, but the locales are in {sorted(filter(None, wanted))}",
            )
        )
    for locale in sorted(models & listed):
        found += _listing(package, locale, publishing["locales"][locale])
        urls = privacy.get(locale) or {}
        for key in ("privacyPolicyUrl", "termsOfUseUrl"):
            if not str(urls.get(key) or "").startswith("https://"):
                found.append(
                    Finding(
                        ERROR, "manifest-urls", f"{locale} {key}", "an https:// URL is required"
                    )
                )
    found += _copied_listings({locale: publishing["locales"][locale] for locale in models & listed})
    events = {e.get("eventName") for e in (body.get("events") or {}).get("subscriptions") or []}
    for event in manifest.EVENTS:
        if event not in events:
            found.append(
                Finding(
                    ERROR,
                    "manifest-events",
                    event,
                    "not subscribed: the erase handler never hears it",
                )
            )
    if body.get("permissions"):
        found.append(
            Finding(ERROR, "manifest-permissions", "permissions", "the skill uses no permission")
        )
    custom = (body.get("apis") or {}).get("custom") or {}
    if {"type": "CAN_FULFILL_INTENT_REQUEST"} not in (custom.get("interfaces") or []):
        found.append(
            Finding(
                ERROR, "manifest-name-free", "interfaces", "CAN_FULFILL_INTENT_REQUEST not declared"
            )
        )
    found += _endpoint(package, custom)
    return found


def _copied_listings(listings: dict[str, dict]) -> list[Finding]:
    """Each country's listing speaks of its own health system: one read word for word in
    another country is the first's facts in the wrong place."""
    found = []
    first_with: dict[str, str] = {}
    for locale in sorted(listings):
        description = listings[locale].get("description") or ""
        first = first_with.setdefault(description, locale)
        if manifest.country_of(first) != manifest.country_of(locale):
            found.append(
                Finding(
                    ERROR,
                    "manifest-listing-country",
                    f"{locale} description",
                    f"the same as {first}'s, in another country: each needs its own "
                    "skill/publish/locale/<locale>.json",
                )
            )
    return found


def _listing(package: Package, locale: str, listing: dict) -> list[Finding]:
    found = []
    words = manifest.LISTING
    description = listing.get("description") or ""
    for key in ("disclaimer_words", "emergency_words"):
        if words.get(locale, key).lower() not in description.lower():
            found.append(
                Finding(
                    ERROR,
                    "manifest-disclaimer",
                    f"{locale} description",
                    f"must say {words.get(locale, key)!r}",
                )
            )
    for key in ("name", "summary", "description"):
        if not listing.get(key):
            found.append(Finding(ERROR, "manifest-listing", f"{locale} {key}", "missing"))
    phrases = listing.get("examplePhrases") or []
    if not 1 <= len(phrases) <= manifest.MAX_EXAMPLES:
        found.append(
            Finding(ERROR, "manifest-examples", locale, f"{len(phrases)} example phrases (1 to 3)")
        )
    model = _model(locale, json.dumps(package.models[locale], sort_keys=True))
    name = model.invocation_name
    for phrase in phrases:
        found += _example(model, name, locale, phrase)
    for key in ("smallIconUri", "largeIconUri"):
        found += _icon(package, locale, key, listing.get(key) or "")
    return found


def _example(model: InteractionModel, name: str, locale: str, phrase: str) -> list[Finding]:
    where = f"{locale} {phrase!r}"
    opened = _WAKE.match(phrase) if _english(locale) else phrase.startswith("Alexa, ")
    if not opened or name not in phrase.lower():
        return [
            Finding(
                ERROR,
                "manifest-examples",
                where,
                f'must start "Alexa, ask {name} ..." or "Alexa, open {name}"'
                if _english(locale)
                else f'must start "Alexa, " and name {name!r}',
            )
        ]
    called = _called(phrase, name, locale)
    if called is None:
        return [Finding(ERROR, "manifest-examples", where, "does not invoke the skill")]
    if called.kind == "launch":
        return []
    if _request(model, called, locale) is None:
        return [
            Finding(
                ERROR, "manifest-examples", where, f"{called.utterance!r} is not a sample utterance"
            )
        ]
    return []


def _english(locale: str) -> bool:
    return locale.split("-", 1)[0] == "en"


def _called(phrase: str, name: str, locale: str) -> invocation.Invocation | None:
    """How an example phrase opens the skill, in its locale's language."""
    if _english(locale):
        return invocation.parse(phrase.rstrip(".?!").replace(",", ""), name)
    # Another language opens a skill in its own words ("Alexa, abre …", "Alexa, pídele a
    # … que …"): up to three words before the name open it, the words after it are asked.
    spoken = re.sub(r"[,.?!¿¡]", " ", phrase).casefold().split()
    words = name.casefold().split()
    for start in range(2, 5):
        if spoken[start : start + len(words)] == words and spoken[0] == "alexa":
            rest = " ".join(spoken[start + len(words) :])
            return invocation.Invocation("one-shot" if rest else "launch", rest)
    return None


def _request(model: InteractionModel, called: invocation.Invocation, locale: str) -> str | None:
    """The sample an example asks, or ``None``. Outside English, a joining word after the
    name ("que", "si") may come first, as Alexa drops it."""
    heard = [called.utterance]
    if not _english(locale) and " " in called.utterance:
        heard.append(called.utterance.split(" ", 1)[1])
    return next((text for text in heard if model.resolver.exact_matches(text)), None)


def _icon(package: Package, locale: str, key: str, uri: str) -> list[Finding]:
    size = icons.SIZES[0] if key == "smallIconUri" else icons.SIZES[1]
    where = f"{locale} {key}"
    if not uri.startswith("file://"):
        return (
            []
            if uri.startswith("https://")
            else [Finding(ERROR, "manifest-icons", where, "missing")]
        )
    path = package.root / SKILL_PACKAGE / uri.removeprefix("file://")
    try:
        found = icons.dimensions(path.read_bytes())
    except OSError:
        return [Finding(ERROR, "manifest-icons", where, f"{path.name} is not in the package")]
    if found != (size, size):
        return [
            Finding(ERROR, "manifest-icons", where, f"must be a {size}x{size} PNG, not {found}")
        ]
    return []


def _endpoint(package: Package, custom: dict) -> list[Finding]:
    profile = (package.resources.get("profiles") or {}).get("default") or {}
    deployer = (profile.get("skillInfrastructure") or {}).get("type")
    endpoint = custom.get("endpoint")
    if deployer == "@ask-cli/lambda-deployer":
        code = ((profile.get("code") or {}).get("default") or {}).get("src") or ""
        if not (package.root / code / "requirements.txt").is_file():
            return [Finding(ERROR, "package-layout", "code", f"{code}/requirements.txt missing")]
        return []
    if not endpoint or not str(endpoint.get("uri", "")).startswith("https://"):
        return [
            Finding(
                ERROR,
                "manifest-endpoint",
                "apis.custom.endpoint",
                "no HTTPS endpoint and no Lambda deployer",
            )
        ]
    if not endpoint.get("sslCertificateType"):
        return [
            Finding(ERROR, "manifest-endpoint", "apis.custom.endpoint", "no sslCertificateType")
        ]
    return []


# -- conversations ----------------------------------------------------------------------
def functional_rules(
    package: Package, model: InteractionModel, runtime: SkillRuntime
) -> list[Finding]:
    """Talk to the skill as certification testers do, with this locale's model."""
    locale = model.locale
    language = language_of(locale)
    found: list[Finding] = []

    def talk() -> Conversation:
        from skill.simulator.conversation import Conversation

        return Conversation(locale=locale, target=runtime, model=model, lint=False)

    def judge(turn: TurnResult, what: str) -> None:
        for problem in turn.problems:
            found.append(
                Finding(ERROR, f"response-{problem.rule}", f"{locale} {what}", problem.message)
            )

    alexa = talk()
    first = alexa.launch()
    judge(first, "launch")
    _must(
        found,
        locale,
        "launch",
        first.should_end_session is False,
        "launch must keep the session open",
    )
    for name in ("AMAZON.HelpIntent", "AMAZON.FallbackIntent", "AMAZON.NavigateHomeIntent"):
        turn = alexa.intent(name)
        judge(turn, name)
        _must(found, locale, name, turn.should_end_session is False, "must keep the session open")
    for name in ("AMAZON.StopIntent", "AMAZON.CancelIntent"):
        alexa = talk()
        alexa.launch()
        turn = alexa.intent(name)
        judge(turn, name)
    alexa = talk()
    alexa.intent("AMAZON.HelpIntent")  # help keeps a session open to end
    if alexa.session_open:
        judge(alexa.end(), "SessionEndedRequest")

    words = manifest.LISTING.get(locale, "disclaimer_words")
    sample = _one_shot_sample(package, locale, model)
    if sample is not None:
        heard = talk().say(invocation.one_shot(model.invocation_name, sample, language))
        _must(
            found,
            locale,
            f"first one-shot {sample!r}",
            words.lower() in heard.speech.lower(),
            f"a first-time user's one-shot must hear the disclaimer ({words!r})",
        )

    for intent in model.intents.values():
        if intent.name.startswith("AMAZON."):
            continue
        alexa = talk()
        for sample in intent.samples:
            text = check._example(model, intent, sample)
            spoken = (
                text
                if alexa.session_open
                else invocation.one_shot(model.invocation_name, text, language)
            )
            turn = alexa.say(spoken)
            what = f"{intent.name} {text!r}"
            judge(turn, what)
            if turn.intent not in (intent.name, None):
                found.append(
                    Finding(
                        WARNING, "sample-misrouted", f"{locale} {what}", f"reached {turn.intent}"
                    )
                )
            if turn.should_end_session and turn.intent not in CLOSING and turn.intent:
                found.append(
                    Finding(
                        ERROR,
                        "dead-end",
                        f"{locale} {what}",
                        "the session ends without the user asking to stop",
                    )
                )
    return found


def _one_shot_sample(package: Package, locale: str, model: InteractionModel) -> str | None:
    """The first example phrase that isn't a plain launch, as the skill hears it."""
    listing = (package.publishing.get("locales") or {}).get(locale) or {}
    for phrase in listing.get("examplePhrases") or []:
        called = _called(phrase, model.invocation_name, locale)
        if called is not None and called.kind == "one-shot":
            return _request(model, called, locale) or called.utterance
    return None


def _must(found: list[Finding], locale: str, what: str, ok: bool, message: str) -> None:
    if not ok:
        found.append(Finding(ERROR, "functional", f"{locale} {what}", message))
