"""``POST /alexa``, the route every Alexa request takes, answered as a plain WSGI app.

Flask's routing, contexts, sessions and hooks cost more per request than a small skill's
own work; the one route that carries all the traffic needs none of them. The app (see
:func:`skill.app.create_app`) puts this in front of Flask, which keeps every other route.
Answers, refusals and headers are the same either way.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from werkzeug.http import HTTP_STATUS_CODES
from werkzeug.wrappers import Request, Response

from skill import metrics
from skill.body import read_body
from skill.envelope import decode
from skill.errors import RequestRejected, log_failure
from skill.runtime import InvalidRequest

if TYPE_CHECKING:
    from skill.runtime import SkillRuntime
    from skill.verification import Verifier

logger = logging.getLogger("skill.app")

PLUGIN_HEADER = "X-Second-Opinion-Plugin"

# The endpoint serves JSON to Alexa only: nothing for a browser to render, frame or cache.
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
}

WsgiApp = Callable[[dict, Callable], Iterable[bytes]]


class AlexaEndpoint:
    """Answers ``POST /alexa`` itself and hands every other request to ``fallback``."""

    def __init__(
        self,
        runtime: SkillRuntime,
        verifier: Verifier | None,
        max_body_bytes: int,
        fallback: WsgiApp,
    ):
        self.runtime = runtime
        self.verifier = verifier
        self.max_body_bytes = max_body_bytes
        self.fallback = fallback

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == "/alexa" and environ.get("REQUEST_METHOD") == "POST":
            try:
                status, body, plugin = self.respond(environ)
            except Exception as exc:  # the last line: a JSON 500, never a traceback
                log_failure(logger, "internal error", exc=exc)
                status, body, plugin = 500, error_body("internal error"), None
            # Straight to WSGI: the headers werkzeug's Response would send, in its order,
            # without building one (a tenth of what an answer costs besides the skill).
            headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
            if plugin:
                headers.append((PLUGIN_HEADER, plugin))
            headers += SECURITY_HEADER_LIST
            start_response(status_line(status), headers)
            return [body]
        return self.fallback(environ, start_response)

    def handle(self, environ: dict) -> Response:
        """The answer to one ``POST /alexa`` as a Response: the skill's, or a JSON refusal."""
        status, body, plugin = self.respond(environ)
        response = Response(body, status, mimetype="application/json")
        if plugin:
            response.headers[PLUGIN_HEADER] = plugin
        return response

    def respond(self, environ: dict) -> tuple[int, bytes, str | None]:
        """The status, JSON body and answering plugin for one ``POST /alexa``."""
        started = time.perf_counter()
        request = Request(environ)
        envelope: object = None
        try:
            body = read_body(request, self.max_body_bytes)
            envelope = decode(body, self.max_body_bytes)
            self.runtime.check(envelope)
            if self.verifier is not None:
                self.verifier.verify(WsgiHeaders(environ), body, envelope)
            reply = self.runtime.invoke(envelope, checked=True)
        except RequestRejected as exc:
            logger.warning("rejected request: %s (%d)", exc.reason, exc.status)
            metrics.REJECTIONS.labels(rejection_reason(exc)).inc()
            return exc.status, error_body(exc.reason), None
        except InvalidRequest as exc:
            logger.warning("unreadable envelope: %s", exc)
            metrics.REJECTIONS.labels("envelope").inc()
            return 400, error_body(str(exc)), None
        # Compact, unsorted and straight to bytes: Alexa reads keys in any order.
        answered = json.dumps(reply.envelope, separators=(",", ":")).encode()
        metrics.REQUESTS.labels(metrics.request_type(envelope), reply.plugin or "-", "200").inc()
        metrics.LATENCY.observe(time.perf_counter() - started)
        return 200, answered, reply.plugin


class WsgiHeaders(Mapping[str, str]):
    """The request's headers read straight from the WSGI environ, by any case of their
    name: the verifier's two lookups cost a dict access each rather than werkzeug's
    header machinery (a third of what checking a request costs besides the signature)."""

    __slots__ = ("_environ",)
    _UNPREFIXED = frozenset({"CONTENT_TYPE", "CONTENT_LENGTH"})

    def __init__(self, environ: dict):
        self._environ = environ

    @classmethod
    def _key(cls, name: str) -> str:
        key = name.upper().replace("-", "_")
        return key if key in cls._UNPREFIXED else f"HTTP_{key}"

    def get(self, name: str, default: str | None = None) -> str | None:  # type: ignore[override]
        value = self._environ.get(self._key(name))
        return default if value is None else value

    def __getitem__(self, name: str) -> str:
        value = self._environ.get(self._key(name))
        if value is None:
            raise KeyError(name)
        return value

    def __iter__(self) -> Iterator[str]:
        for key, value in self._environ.items():
            if value is None:
                continue
            if key.startswith("HTTP_"):
                yield key[5:].replace("_", "-").title()
            elif key in self._UNPREFIXED:
                yield key.replace("_", "-").title()

    def __len__(self) -> int:
        return sum(1 for _ in self)


def rejection_reason(exc: RequestRejected) -> str:
    """A few fixed words for why a request was refused: the verification step, or else
    what was wrong with the body."""
    check = getattr(exc, "check", None)
    if check:
        return check
    return {413: "too_large", 403: "skill_id"}.get(exc.status, "envelope")


SECURITY_HEADER_LIST = list(SECURITY_HEADERS.items())


def status_line(status: int) -> str:
    """The status line werkzeug would send: ``400 BAD REQUEST``."""
    return f"{status} {HTTP_STATUS_CODES.get(status, 'unknown').upper()}"


def error_body(reason: str) -> bytes:
    return json.dumps({"error": reason}).encode()


def error(reason: str, status: int) -> Response:
    return Response(error_body(reason), status, mimetype="application/json")
