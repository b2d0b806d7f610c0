"""A small APL renderer: one document, its data and a viewport, as a static HTML page.

It knows the components and properties the skill's documents use (Container, Frame, Text,
TouchWrapper, ScrollView, Sequence, layouts, resources with ``when``) and lays them out
with CSS flexbox; what it leaves out is listed in docs/screens.md.
"""

from __future__ import annotations

import copy
from html import escape
from typing import Any

from skill.screens.expressions import evaluate_value, truthy
from skill.screens.viewports import Viewport, profile_resources

FONT = '"Amazon Ember", "Bookerly", "DejaVu Sans", "Liberation Sans", sans-serif'
ALIGN = {"start": "flex-start", "end": "flex-end", "center": "center", "stretch": "stretch"}
JUSTIFY = {
    "start": "flex-start",
    "end": "flex-end",
    "center": "center",
    "spaceBetween": "space-between",
    "spaceAround": "space-around",
}
BOX = {
    "width": "width", "height": "height", "minWidth": "min-width", "minHeight": "min-height",
    "maxWidth": "max-width", "maxHeight": "max-height", "paddingTop": "padding-top",
    "paddingBottom": "padding-bottom", "paddingLeft": "padding-left",
    "paddingRight": "padding-right",
}  # fmt: skip
#: Components that show one child: the first whose ``when`` holds.
SINGLE_CHILD = frozenset({"Frame", "TouchWrapper", "ScrollView"})
#: Properties a layout's caller sets on the component the layout inflates to.
PASSED_ON = frozenset({"when", "spacing", "grow", "shrink", *BOX})


def dimension(value: Any) -> str:
    if isinstance(value, int | float):
        return f"{value}px"
    value = str(value)
    if value.endswith("dp"):
        return f"{value[:-2]}px"
    return value


def resources_for(document: dict, viewport: Viewport) -> dict:
    """The document's resources as they stand on ``viewport`` (later blocks win)."""
    values = profile_resources(viewport)
    for block in document.get("resources") or ():
        if "when" in block and not truthy(evaluate_value(block["when"], {}, values)):
            continue
        for group in ("colors", "dimensions", "strings", "numbers", "booleans"):
            values.update(block.get(group) or {})
    return values


class Renderer:
    def __init__(self, document: dict, datasources: dict, viewport: Viewport):
        self.document = document
        self.viewport = viewport
        self.resources = resources_for(document, viewport)
        self.layouts = document.get("layouts") or {}
        template = document["mainTemplate"]
        self.context = {name: datasources.get(name) for name in template.get("parameters", ())}
        self.root = template
        #: The arguments of every ``SendEvent`` on the page, as a touch would send them.
        self.touches: list[list] = []

    def page(self) -> str:
        v = self.viewport
        clip = "border-radius:50%;overflow:hidden;" if v.round else "overflow:hidden;"
        body = "".join(self.children(self.root, self.context, single=True, direction="column"))
        return (
            "<!doctype html><html><head><meta charset='utf-8'><style>"
            f"html,body{{margin:0;padding:0;background:#000;width:{v.width}px;"
            f"height:{v.height}px;font-family:{FONT};}}"
            "div{box-sizing:border-box;display:flex;flex-direction:column;min-width:0;"
            "min-height:0;flex-shrink:0;}"
            f"#viewport{{position:relative;width:{v.width}px;height:{v.height}px;{clip}}}"
            "</style></head><body>"
            f"<div id='viewport' data-profile='{v.profile}'>{body}</div></body></html>"
        )

    def value(self, node: dict, key: str, context: dict, default: Any = None) -> Any:
        if key not in node:
            return default
        return evaluate_value(node[key], context, self.resources)

    def children(self, node: dict, context: dict, *, single: bool, direction: str) -> list[str]:
        items = node.get("items", node.get("item"))
        items = items if isinstance(items, list) else [items] if items else []
        data = self.value(node, "data", context)
        if isinstance(data, list):
            rendered = []
            for index, datum in enumerate(data):
                scope = {**context, "data": datum, "index": index}
                for item in items:
                    html = self.component(item, scope, direction, first=not rendered)
                    if html is not None:
                        rendered.append(html)
                        break
            return rendered
        rendered = []
        for item in items:
            html = self.component(item, context, direction, first=not rendered)
            if html is not None:
                rendered.append(html)
                if single:
                    break
        return rendered

    def component(self, node: dict, context: dict, direction: str, first: bool) -> str | None:
        if not truthy(self.value(node, "when", context, True)):
            return None
        kind = node.get("type")
        if kind in self.layouts:
            return self.layout(node, context, direction, first)
        style = self.box(node, context, direction, first)
        inner = ""
        if kind == "Text":
            style += self.text_style(node, context)
            inner = escape(str(self.value(node, "text", context, "") or ""))
        else:
            if kind == "Container":
                row = self.value(node, "direction", context, "column") == "row"
                style.append(f"flex-direction:{'row' if row else 'column'}")
                own_direction = "row" if row else "column"
            else:
                own_direction = "column"
            for command in node.get("onPress") or ():
                if command.get("type") == "SendEvent":
                    self.touches.append(self.bind(command.get("arguments", []), context))
            if kind == "Frame":
                style += self.frame_style(node, context)
            if kind in ("ScrollView", "Sequence"):
                style.append("overflow:hidden")
            for key, css, table in (
                ("alignItems", "align-items", ALIGN),
                ("justifyContent", "justify-content", JUSTIFY),
            ):
                if key in node:
                    style.append(f"{css}:{table.get(self.value(node, key, context), 'normal')}")
            inner = "".join(
                self.children(node, context, single=kind in SINGLE_CHILD, direction=own_direction)
            )
        return f"<div data-type='{escape(str(kind))}' style='{';'.join(style)}'>{inner}</div>"

    def bind(self, value: Any, context: dict) -> Any:
        """``value`` with every binding in it evaluated, however deep."""
        if isinstance(value, list):
            return [self.bind(item, context) for item in value]
        if isinstance(value, dict):
            return {key: self.bind(item, context) for key, item in value.items()}
        return evaluate_value(value, context, self.resources)

    def layout(self, node: dict, context: dict, direction: str, first: bool) -> str | None:
        definition = self.layouts[node["type"]]
        scope = dict(context)
        for parameter in definition.get("parameters") or ():
            name = parameter if isinstance(parameter, str) else parameter["name"]
            default = "" if isinstance(parameter, str) else parameter.get("default", "")
            scope[name] = self.bind(node[name], context) if name in node else default
        item = copy.deepcopy(definition.get("item") or (definition.get("items") or [None])[0])
        if item is None:
            return None
        for key in PASSED_ON & set(node):
            if key != "when":
                item[key] = self.value(node, key, context)
        return self.component(item, scope, direction, first)

    def box(self, node: dict, context: dict, direction: str, first: bool) -> list[str]:
        style = []
        for key, css in BOX.items():
            if key in node:
                style.append(f"{css}:{dimension(self.value(node, key, context))}")
        if "grow" in node:
            style.append(f"flex-grow:{self.value(node, 'grow', context)}")
        if "shrink" in node:
            style.append(f"flex-shrink:{self.value(node, 'shrink', context)}")
        if "spacing" in node and not first:
            side = "left" if direction == "row" else "top"
            style.append(f"margin-{side}:{dimension(self.value(node, 'spacing', context))}")
        if "backgroundColor" in node:
            style.append(f"background:{self.value(node, 'backgroundColor', context)}")
        return style

    def frame_style(self, node: dict, context: dict) -> list[str]:
        style = []
        if "borderRadius" in node:
            style.append(f"border-radius:{dimension(self.value(node, 'borderRadius', context))}")
        if "borderWidth" in node:
            width = dimension(self.value(node, "borderWidth", context))
            color = self.value(node, "borderColor", context, "transparent")
            style.append(f"border:{width} solid {color}")
        return style

    def text_style(self, node: dict, context: dict) -> list[str]:
        style = ["display:block", "white-space:pre-wrap", "overflow:hidden"]
        style.append(f"color:{self.value(node, 'color', context, '#FAFAFA')}")
        style.append(f"font-size:{dimension(self.value(node, 'fontSize', context, '40dp'))}")
        weight = self.value(node, "fontWeight", context, "normal")
        style.append(f"font-weight:{'700' if weight == 'bold' else weight}")
        style.append(f"text-align:{self.value(node, 'textAlign', context, 'auto')}")
        line = self.value(node, "lineHeight", context, 1.25)
        style.append(f"line-height:{line}")
        lines = self.value(node, "maxLines", context, 0)
        if lines:
            style += [
                "display:-webkit-box",
                f"-webkit-line-clamp:{lines}",
                "-webkit-box-orient:vertical",
            ]
        if self.value(node, "textAlignVertical", context) == "center":
            style += ["display:flex", "align-items:center", "justify-content:center"]
        return style


def render_html(document: dict, datasources: dict, viewport: Viewport) -> str:
    """The page for ``document`` bound to ``datasources`` on ``viewport``."""
    return Renderer(document, datasources, viewport).page()


def touch_targets(document: dict, datasources: dict, viewport: Viewport) -> list[list]:
    """What each touch target drawn on ``viewport`` sends: its ``SendEvent`` arguments."""
    renderer = Renderer(document, datasources, viewport)
    renderer.page()
    return renderer.touches
