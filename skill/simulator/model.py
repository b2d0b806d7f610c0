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
    """``(plugin name, fragment)`` for each plugin that adds intents or types for ``locale``."""
    if pm is None:
        return []
    fragments = []
    for impl in pm.hook.register_interaction_model.get_hookimpls():
        fragment = impl.function(locale=locale)
        if fragment is None:
            continue
        name = pm.get_name(impl.plugin)
        if not isinstance(fragment, dict) or not all(
            isinstance(fragment.get(key, []), list) for key in ("intents", "types")
        ):
            raise ModelError(
                f"plugin {name}: fragment must be {{'intents': [...], 'types': [...]}}"
            )
        fragments.append((name, fragment))
    return fragments


def merge(document: dict, fragments: list[tuple[str, dict]]) -> dict:
    """``document`` with each plugin's intents and types added.

    A plugin may not redefine an intent or type the model already has differently: that
    would silently change what another area hears.
    """
    if not fragments:
        return document
    merged = copy.deepcopy(document)
    language = merged["interactionModel"]["languageModel"]
    for plugin, fragment in fragments:
        for key in ("intents", "types"):
            existing = {item["name"]: item for item in language.setdefault(key, [])}
            for item in fragment.get(key, []):
                name = item.get("name") if isinstance(item, dict) else None
                if not name:
                    raise ModelError(f"plugin {plugin}: every entry in {key} needs a name")
                if name in existing:
                    if existing[name] != item:
                        raise ModelError(f"plugin {plugin}: {key[:-1]} {name} is already defined")
                    continue
                language[key].append(copy.deepcopy(item))
                existing[name] = item
    return merged


@lru_cache(maxsize=16)
def _read(path: str, mtime_ns: int, size: int) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read {path}: {exc}") from None


@lru_cache(maxsize=32)
def _build(path: str, mtime_ns: int, size: int, locale: str, fragments: str) -> InteractionModel:
    document = merge(_read(path, mtime_ns, size), json.loads(fragments))
    return InteractionModel.from_document(document, locale, source=path)


def load_model(
    locale: str = "en-US",
    models_dir: str | Path | None = None,
    plugin_manager: pluggy.PluginManager | None = None,
) -> InteractionModel:
    """The model for ``locale`` with every loaded plugin's fragment merged in.

    Cached per file version and fragments: a changed file is read again, an unchanged one
    (and its compiled resolver) is reused.
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
    return _build(str(path), stat.st_mtime_ns, stat.st_size, locale, fragments)
