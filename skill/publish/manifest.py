"""The skill manifest (``skill.json``), and checking documents against Amazon's own types.

The manifest's words come from ``skill/publish/locale``: ``en.json`` for every English
locale, and ``<locale>.json`` for one country's listing (a locale of another language has
its own file, with every key). Everything else follows from the settings and the models
installed: one locale per model, its country in the distribution list, example phrases
from the listing or else the areas' own "try" phrases.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from skill.i18n import strings_for

if TYPE_CHECKING:
    from skill.core.menu import Menu
    from skill.settings import Settings

LISTING = strings_for("skill.publish")
CATEGORY = "HEALTH_AND_FITNESS"
#: The one event the skill acts on: erase what it keeps for a user who disables it.
EVENTS = ("SKILL_DISABLED",)
SMALL_ICON = "assets/images/{locale}_smallIcon.png"
LARGE_ICON = "assets/images/{locale}_largeIcon.png"
#: At most this many example phrases are shown in the skill store.
MAX_EXAMPLES = 3


def country_of(locale: str) -> str:
    """Where a locale's users live: an Alexa locale names its country ("en-GB" → "GB"),
    so a new locale's country reaches the distribution list with no code change."""
    return locale.rpartition("-")[2]


def example_phrases(locale: str, invocation: str, menu: Menu) -> list[str]:
    """The listing's own ``examples`` for ``locale``, in its country's words (and its
    language's way of opening a skill); without them, "Alexa, open …", then
    "Alexa, ask … <area phrase>" for the first areas."""
    if LISTING.has(locale, "examples"):
        return list(LISTING.raw(locale, "examples"))
    phrases = [f"Alexa, open {invocation}"]
    for area in menu.areas[: MAX_EXAMPLES - 1]:
        phrases.append(f"Alexa, ask {invocation} {area.example(locale)}")
    return phrases


def what_persists(settings: Settings) -> str:
    if settings.hipaa_eligible:
        return (
            "whether the disclaimer was heard, the area last visited, the quick check's "
            "yes/no answers and which records were gathered (this deployment is HIPAA-eligible)."
        )
    return (
        "only whether the disclaimer was heard and the area last visited. The quick check's "
        "answers and the records checklist stay in the session; the checklist card in the "
        "Alexa app is the user's copy."
    )


def build(
    settings: Settings,
    menu: Menu,
    invocations: dict[str, str],
    *,
    endpoint: str | None,
    privacy_url: str,
    terms_url: str,
) -> dict:
    """The ``skill.json`` document for ``invocations`` (locale: invocation name).

    :param endpoint: the HTTPS endpoint; ``None`` when the Lambda deployer sets it.
    """
    locales = sorted(invocations)
    first = locales[0]
    publishing = {
        locale: {
            "name": LISTING.get(locale, "name"),
            "summary": LISTING.get(locale, "summary"),
            "description": LISTING.get(locale, "description"),
            "updatesDescription": LISTING.get(locale, "updates"),
            "examplePhrases": example_phrases(locale, invocations[locale], menu),
            "keywords": list(LISTING.raw(locale, "keywords")),
            "smallIconUri": "file://" + SMALL_ICON.format(locale=locale),
            "largeIconUri": "file://" + LARGE_ICON.format(locale=locale),
        }
        for locale in locales
    }
    custom: dict = {"interfaces": [{"type": "CAN_FULFILL_INTENT_REQUEST"}]}
    events: dict = {"subscriptions": [{"eventName": name} for name in EVENTS]}
    if endpoint is not None:
        custom["endpoint"] = {"uri": endpoint, "sslCertificateType": "Trusted"}
        events["endpoint"] = {"uri": endpoint, "sslCertificateType": "Trusted"}
    return {
        "manifest": {
            "manifestVersion": "1.0",
            "publishingInformation": {
                "locales": publishing,
                "isAvailableWorldwide": False,
                "distributionMode": "PUBLIC",
                "testingInstructions": LISTING.get(
                    first, "testing", persists=what_persists(settings)
                ),
                "category": CATEGORY,
                "distributionCountries": sorted({country_of(locale) for locale in locales}),
            },
            "privacyAndCompliance": {
                "allowsPurchases": False,
                "usesPersonalInfo": False,
                "isChildDirected": False,
                "isExportCompliant": True,
                "containsAds": False,
                "usesHealthInfo": settings.hipaa_eligible,
                "locales": {
                    locale: {"privacyPolicyUrl": privacy_url, "termsOfUseUrl": terms_url}
                    for locale in locales
                },
            },
            "events": events,
            "apis": {"custom": custom},
        }
    }


class SchemaError(ValueError):
    """A document that Amazon's published types refuse or would silently drop parts of."""


def check_schema(document: dict, model_class: type) -> list[str]:
    """What ``model_class`` (an ``ask_smapi_model`` type) refuses in ``document``.

    The SDK's deserializer fails on a wrong enum value or type; a misspelled field is
    dropped, so the document read back must equal the one written.
    """
    from ask_sdk_core.serialize import DefaultSerializer

    serializer = DefaultSerializer()
    try:
        parsed = serializer.deserialize(json.dumps(document), model_class)
    except Exception as exc:  # the deserializer's own exception names the field
        return [f"{model_class.__name__}: {exc}"]
    back = serializer.serialize(parsed)
    return [f"{path}: not in Amazon's schema" for path in _extra(document, back)]


def _extra(written: object, read: object, path: str = "") -> list[str]:
    """Paths present in ``written`` that did not survive the round trip."""
    if isinstance(written, dict):
        read = read if isinstance(read, dict) else {}
        found = []
        for key, value in written.items():
            where = f"{path}.{key}" if path else key
            if key not in read:
                found.append(where)
            else:
                found += _extra(value, read[key], where)
        return found
    if isinstance(written, list):
        read = read if isinstance(read, list) else []
        found = []
        for index, item in enumerate(written):
            back = read[index] if index < len(read) else None
            found += _extra(item, back, f"{path}[{index}]")
        return found
    return []


def manifest_problems(document: dict) -> list[str]:
    """What Amazon's manifest types refuse in ``document``.

    ``CAN_FULFILL_INTENT_REQUEST`` is a valid interface type with no class of its own in
    the published model, so interfaces are checked against the type list and the rest
    against the manifest classes.
    """
    from ask_smapi_model.v1.skill.manifest.interface_type import InterfaceType
    from ask_smapi_model.v1.skill.manifest.skill_manifest_envelope import (
        SkillManifestEnvelope,
    )

    document = json.loads(json.dumps(document))
    custom = ((document.get("manifest") or {}).get("apis") or {}).get("custom") or {}
    problems = []
    known = {item.value for item in InterfaceType}
    for interface in custom.pop("interfaces", None) or []:
        if interface.get("type") not in known:
            problems.append(f"manifest.apis.custom.interfaces: unknown type {interface!r}")
    return problems + check_schema(document, SkillManifestEnvelope)


def model_problems(document: dict) -> list[str]:
    """What Amazon's interaction model types refuse in ``document``."""
    from ask_smapi_model.v1.skill.interaction_model.interaction_model_data import (
        InteractionModelData,
    )

    return check_schema(document, InteractionModelData)
