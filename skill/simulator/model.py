"""Interaction models: read ``interaction_models/<locale>.json``, merge plugin fragments.

A model is parsed once per file version (path, modification time, size) and set of
fragments, so building many conversations costs one read.
"""

from __future__ import annotations

import copy
import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pluggy

logger = logging.getLogger(__name__)


class ModelError(ValueError):
    """A model that cannot be read or merged: missing file, bad JSON, clashing fragment."""


@dataclass(frozen=True)
class SlotDef:
    name: str
    type: str


@dataclass(frozen=True)
class IntentDef:
    name: str
    slots: tuple[SlotDef, ...]
    samples: tuple[str, ...]

    def slot(self, name: str) -> SlotDef | None:
        return next((slot for slot in self.slots if slot.name == name), None)


@dataclass(frozen=True)
class TypeValue:
    """One value of a custom slot type: its canonical name, id and synonyms."""

    name: str
    id: str | None
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class SlotType:
    name: str
    values: tuple[TypeValue, ...]


@dataclass(eq=False)
class InteractionModel:
    """One locale's model in Alexa's schema, with fast access to its parts."""

    document: dict
    locale: str
    source: str
    invocation_name: str = ""
    intents: dict[str, IntentDef] = field(default_factory=dict)
    types: dict[str, SlotType] = field(default_factory=dict)
    #: Intents with a dialog model: Alexa sends ``dialogState`` for these.
    dialog_intents: frozenset[str] = frozenset()
    _resolver: object = field(default=None, repr=False)

    @classmethod
    def from_document(cls, document: dict, locale: str, source: str = "") -> InteractionModel:
        try:
            language = document["interactionModel"]["languageModel"]
        except (KeyError, TypeError):
            raise ModelError(f"{source or 'model'}: no interactionModel.languageModel") from None
        intents = {}
        for raw in language.get("intents") or []:
            slots = tuple(SlotDef(s["name"], s["type"]) for s in raw.get("slots") or [])
            intents[raw["name"]] = IntentDef(raw["name"], slots, tuple(raw.get("samples") or []))
        types = {}
        for raw in language.get("types") or []:
            values = []
            for value in raw.get("values") or []:
                name = value.get("name") or {}
                values.append(
                    TypeValue(
                        name.get("value", ""), value.get("id"), tuple(name.get("synonyms") or [])
                    )
                )
            types[raw["name"]] = SlotType(raw["name"], tuple(values))
        dialog = (document["interactionModel"].get("dialog") or {}).get("intents") or []
        return cls(
            document=document,
            locale=locale,
            source=source,
            invocation_name=language.get("invocationName", ""),
            intents=intents,
            types=types,
            dialog_intents=frozenset(d["name"] for d in dialog if "name" in d),
        )

    @property
    def resolver(self):
        """The compiled resolver for this model, built on first use."""
        if self._resolver is None:
            from skill.simulator.resolver import Resolver

            self._resolver = Resolver(self)
        return self._resolver


def model_path(locale: str, models_dir: str | Path) -> Path:
    """The model file for ``locale``; another model of the same language if it has none."""
    folder = Path(models_dir)
    exact = folder / f"{locale}.json"
    if exact.is_file():
        return exact
    language = locale.split("-", 1)[0]
    siblings = sorted(folder.glob(f"{language}-*.json"), key=lambda p: p.stem != "en-US")
    if siblings:
        logger.debug("no model for %s; using %s", locale, siblings[0].name)
        return siblings[0]
    available = sorted(p.stem for p in folder.glob("*.json"))
    raise ModelError(f"no interaction model for {locale} in {folder} (have: {available})")


def plugin_fragments(pm: pluggy.PluginManager | None, locale: str) -> list[tuple[str, dict]]:
    """``(plugin name, fragment)`` for each plugin that adds intents or types for ``locale``.

    :raises PluginContractError: a fragment that isn't ``{"intents": [...], "types": [...]}``.
    """
    if pm is None:
        return []
    from skill.plugin_manager import PluginContractError, call_each, source_file

    fragments = []
    for name, fragment in call_each(pm, "register_interaction_model", locale=locale):
        if not isinstance(fragment, dict) or not all(
            isinstance(fragment.get(key, []), list) for key in ("intents", "types")
        ):
            raise PluginContractError(
                name,
                source_file(pm.get_plugin(name)),
                f"register_interaction_model returned {type(fragment).__name__} for {locale}",
                "return {'intents': [...], 'types': [...]} in Alexa's schema, or None",
            )
        fragments.append((name, fragment))
    return fragments


def merge(document: dict, fragments: list[tuple[str, dict]]) -> dict:
    """``document`` with each plugin's intents and types added, or merged into existing ones.

    A fragment's intent that the model has already gains its samples and slots; a slot type
    it has already gains its values and synonyms. Nothing is taken away or changed: a slot
    may not change type, a value may not change id, since that would silently change what
    another area hears.
    """
    if not fragments:
        return document
    merged = copy.deepcopy(document)
    language = merged["interactionModel"]["languageModel"]
    for plugin, fragment in fragments:
        for key, extend in (("intents", _extend_intent), ("types", _extend_type)):
            existing = {item["name"]: item for item in language.setdefault(key, [])}
            for item in fragment.get(key, []):
                name = item.get("name") if isinstance(item, dict) else None
                if not name:
                    raise ModelError(f"plugin {plugin}: every entry in {key} needs a name")
                if name in existing:
                    extend(plugin, existing[name], item)
                else:
                    existing[name] = copy.deepcopy(item)
                    language[key].append(existing[name])
    return merged


def _extend_intent(plugin: str, intent: dict, extra: dict) -> None:
    """More samples and slots for an intent the model has; a slot keeps its type."""
    slots = {slot["name"]: slot for slot in intent.setdefault("slots", [])}
    for slot in extra.get("slots") or []:
        known = slots.get(slot["name"])
        if known is None:
            slots[slot["name"]] = copy.deepcopy(slot)
            intent["slots"].append(slots[slot["name"]])
        elif known["type"] != slot["type"]:
            raise ModelError(
                f"plugin {plugin}: intent {intent['name']} slot {slot['name']} is already "
                f"{known['type']}, not {slot['type']}"
            )
    samples = intent.setdefault("samples", [])
    samples += [sample for sample in extra.get("samples") or [] if sample not in samples]


def _extend_type(plugin: str, slot_type: dict, extra: dict) -> None:
    """More values and synonyms for a slot type the model has; a value keeps its id."""
    values = {value["name"]["value"]: value for value in slot_type.setdefault("values", [])}
    for value in extra.get("values") or []:
        name = value["name"]["value"]
        known = values.get(name)
        if known is None:
            values[name] = copy.deepcopy(value)
            slot_type["values"].append(values[name])
            continue
        if value.get("id") not in (None, known.get("id")):
            raise ModelError(
                f"plugin {plugin}: type {slot_type['name']} value {name!r} already has id "
                f"{known.get('id')!r}, not {value['id']!r}"
            )
        synonyms = known["name"].setdefault("synonyms", [])
        synonyms += [s for s in value["name"].get("synonyms") or [] if s not in synonyms]


def without_intents(document: dict, dropped: frozenset[str]) -> dict:
    """``document`` without the intents in ``dropped``, nor the slot types only they used."""
    language = document["interactionModel"]["languageModel"]
    intents = language.get("intents") or []
    kept = [intent for intent in intents if intent["name"] not in dropped]
    if len(kept) == len(intents):
        return document
    used = {slot["type"] for intent in kept for slot in intent.get("slots") or []}
    orphaned = {slot["type"] for intent in intents for slot in intent.get("slots") or []} - used
    pruned = copy.deepcopy(document)
    language = pruned["interactionModel"]["languageModel"]
    language["intents"] = [
        intent for intent in language["intents"] if intent["name"] in {k["name"] for k in kept}
    ]
    if "types" in language:
        language["types"] = [t for t in language["types"] if t["name"] not in orphaned]
    return pruned


@lru_cache(maxsize=16)
def _read(path: str, mtime_ns: int, size: int) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read {path}: {exc}") from None


@lru_cache(maxsize=32)
def _build(
    path: str,
    mtime_ns: int,
    size: int,
    locale: str,
    fragments: str,
    dropped: frozenset[str],
) -> InteractionModel:
    document = without_intents(_read(path, mtime_ns, size), dropped)
    document = merge(document, json.loads(fragments))
    return InteractionModel.from_document(document, locale, source=path)


def load_model(
    locale: str = "en-US",
    models_dir: str | Path | None = None,
    plugin_manager: pluggy.PluginManager | None = None,
    *,
    answered_only: bool = True,
) -> InteractionModel:
    """The model for ``locale`` as the skill with these plugins deploys it.

    With a plugin manager: every loaded plugin's fragment merged in, and (unless
    ``answered_only`` is false) the file's intents that only an installed plugin which isn't
    loaded answers (a blocked area's) left out. Cached per file version, fragments and
    left-out intents: a changed file is read again, an unchanged one (and its compiled
    resolver) is reused.
    """
    if models_dir is None:
        from skill.settings import MODELS_DIR

        models_dir = MODELS_DIR
    path = model_path(locale, models_dir)
    try:
        stat = path.stat()
    except OSError as exc:
        raise ModelError(f"cannot read {path}: {exc}") from None
    fragments = json.dumps(plugin_fragments(plugin_manager, locale), sort_keys=True)
    dropped: frozenset[str] = frozenset()
    if plugin_manager is not None and answered_only:
        from skill.builder import unanswered_intents

        dropped = unanswered_intents(plugin_manager)
    return _build(str(path), stat.st_mtime_ns, stat.st_size, locale, fragments, dropped)
