"""APL data binding, the part our documents use: ``${...}`` with paths, resources,
comparisons, ``&&``, ``||``, ``!`` and ``a ? b : c``; enough to render them off-device."""

from __future__ import annotations

import re
from typing import Any

_TOKEN = re.compile(
    r"\s*(?:(?P<number>\d+(?:\.\d+)?)|(?P<string>'[^']*'|\"[^\"]*\")"
    r"|(?P<op>==|!=|<=|>=|&&|\|\||[!<>?:.()\[\]])|(?P<name>@?[A-Za-z_][\w]*))"
)
_WHOLE = re.compile(r"^\$\{(.*)\}$", re.S)
_PART = re.compile(r"\$\{(.*?)\}", re.S)


class ExpressionError(ValueError):
    """An expression this renderer can't read."""


def evaluate_value(value: Any, context: dict, resources: dict) -> Any:
    """A property value with its bindings evaluated: ``"${x}"`` keeps ``x``'s type;
    ``"a ${x} b"`` is a string; ``"@name"`` is a resource."""
    if not isinstance(value, str):
        return value
    whole = _WHOLE.match(value)
    if whole and "${" not in whole.group(1):
        return evaluate(whole.group(1), context, resources)
    if value.startswith("@") and value[1:] in resources:
        return resources[value[1:]]
    return _PART.sub(lambda m: text(evaluate(m.group(1), context, resources)), value)


def text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def truthy(value: Any) -> bool:
    return value not in (None, False, "", 0) and value != []


def evaluate(expression: str, context: dict, resources: dict) -> Any:
    parser = _Parser(expression, context, resources)
    value = parser.ternary()
    if parser.peek() is not None:
        raise ExpressionError(f"unexpected {parser.peek()!r} in {expression!r}")
    return value


class _Parser:
    def __init__(self, expression: str, context: dict, resources: dict):
        self.tokens: list[tuple[str, str]] = []
        position = 0
        expression = expression.strip()
        while position < len(expression):
            match = _TOKEN.match(expression, position)
            if not match or match.end() == position:
                raise ExpressionError(f"can't read {expression[position:]!r}")
            kind = match.lastgroup
            self.tokens.append((kind, match.group(kind)))
            position = match.end()
            while position < len(expression) and expression[position].isspace():
                position += 1
        self.at = 0
        self.context = context
        self.resources = resources

    def peek(self) -> str | None:
        return self.tokens[self.at][1] if self.at < len(self.tokens) else None

    def take(self, expected: str | None = None) -> tuple[str, str]:
        if self.at >= len(self.tokens):
            raise ExpressionError("the expression ends too soon")
        token = self.tokens[self.at]
        if expected is not None and token[1] != expected:
            raise ExpressionError(f"expected {expected!r}, found {token[1]!r}")
        self.at += 1
        return token

    def ternary(self) -> Any:
        condition = self.either()
        if self.peek() != "?":
            return condition
        self.take("?")
        yes = self.ternary()
        self.take(":")
        no = self.ternary()
        return yes if truthy(condition) else no

    def either(self) -> Any:
        value = self.both()
        while self.peek() == "||":
            self.take()
            right = self.both()
            value = value if truthy(value) else right
        return value

    def both(self) -> Any:
        value = self.comparison()
        while self.peek() == "&&":
            self.take()
            right = self.comparison()
            value = right if truthy(value) else value
        return value

    def comparison(self) -> Any:
        left = self.unary()
        op = self.peek()
        if op not in ("==", "!=", "<", ">", "<=", ">="):
            return left
        self.take()
        right = self.unary()
        if op in ("==", "!="):
            return (left == right) == (op == "==")
        return {"<": left < right, ">": left > right, "<=": left <= right, ">=": left >= right}[op]

    def unary(self) -> Any:
        if self.peek() == "!":
            self.take()
            return not truthy(self.unary())
        return self.primary()

    def primary(self) -> Any:
        kind, token = self.take()
        if token == "(":
            value = self.ternary()
            self.take(")")
            return value
        if kind == "number":
            return float(token) if "." in token else int(token)
        if kind == "string":
            return token[1:-1]
        if kind != "name":
            raise ExpressionError(f"unexpected {token!r}")
        if token in ("true", "false", "null"):
            return {"true": True, "false": False, "null": None}[token]
        value = self.resources.get(token[1:]) if token.startswith("@") else self.context.get(token)
        while self.peek() in (".", "["):
            if self.take()[1] == ".":
                key: Any = self.take()[1]
            else:
                key = self.ternary()
                self.take("]")
            value = _member(value, key)
        return value


def _member(value: Any, key: Any) -> Any:
    if isinstance(value, dict):
        return value.get(key)
    if isinstance(value, list) and isinstance(key, int) and -len(value) <= key < len(value):
        return value[key]
    if isinstance(value, list) and key == "length":
        return len(value)
    return None
