"""Area documents completed with the host's shared layout: header, footer, colours, sizes."""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources

APL_VERSION = "1.8"


class LayoutClash(ValueError):
    """An area's document defines a layout the host's shared layout already defines."""


@cache
def shared_layout() -> dict:
    """The host's layout: the viewport-profiles import, resources and shared layouts."""
    path = resources.files("skill.screens") / "shared" / "layout.json"
    return json.loads(path.read_text(encoding="utf-8"))


def compose(document: dict, owner: str = "core") -> dict:
    """``document`` with the shared layout added: the host's resources come first, so an
    area's own resources can override a colour or size; its layouts may not replace the
    host's (the header and footer look the same everywhere)."""
    shared = shared_layout()
    own_layouts = document.get("layouts") or {}
    clash = sorted(set(own_layouts) & set(shared["layouts"]))
    if clash:
        raise LayoutClash(
            f"{owner}: the document redefines the host's layouts {clash}: rename them"
        )
    composed = copy.deepcopy(document)
    composed.setdefault("version", APL_VERSION)
    imports = {item["name"]: item for item in shared["import"]}
    imports.update({item["name"]: item for item in document.get("import") or []})
    composed["import"] = list(imports.values())
    composed["resources"] = copy.deepcopy(shared["resources"]) + list(
        document.get("resources") or []
    )
    composed["layouts"] = {**copy.deepcopy(shared["layouts"]), **own_layouts}
    return composed
