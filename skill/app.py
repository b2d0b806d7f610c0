"""The Flask app that hosts the skill for Alexa: ``POST /alexa`` and ``GET /healthz``."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from skill import log_limits, metrics
from skill.body import read_body
from skill.envelope import decode
from skill.errors import RequestRejected, log_failure
from skill.runtime import InvalidRequest, SkillRuntime
from skill.settings import Settings

if TYPE_CHECKING:
    from skill.verification import Verifier

logger = logging.getLogger(__name__)

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


def create_app(settings: Settings | None = None, verifier: Verifier | None = None) -> Flask:
    """The web app. Builds the skill once, here, not per request.

    :param settings: defaults to :meth:`Settings.from_env`.
    :param verifier: checks each request came from Alexa: an object with
        ``verify(headers, body: bytes, envelope: dict)`` that raises
        :class:`skill.errors.RequestRejected`. ``None`` makes a
        :class:`skill.verification.RequestVerifier` when ``settings.verify`` is on.
    """
    settings = settings or Settings.from_env()
    log_limits.install()
    if verifier is None and settings.verify:
        from skill import cert_cache
        from skill.verification import RequestVerifier

        verifier = RequestVerifier(
            skill_id=settings.skill_id, cache_dir=settings.cert_dir or cert_cache.default_dir()
        )
        if settings.skill_id is None:
            logger.warning("no skill id set: signed requests for any skill will be answered")
    if not settings.verify:
        logger.warning(
            "request verification is OFF: anyone who can reach this endpoint can talk to the "
            "skill. Use only for local testing."
        )
    runtime = SkillRuntime(settings)

    app = Flask("second_opinion")
    # Never the debugger or propagated exceptions on a public endpoint, whatever FLASK_DEBUG says.
    app.debug = False
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.extensions["second_opinion"] = runtime

    @app.post("/alexa")
    def alexa() -> Response:
        started = time.perf_counter()
        envelope: object = None
        try:
            body = read_body(request, settings.max_body_bytes)
            envelope = decode(body, settings.max_body_bytes)
            runtime.check(envelope)
            if verifier is not None:
                verifier.verify(request.headers, body, envelope)
            reply = runtime.invoke(envelope, checked=True)
        except RequestRejected as exc:
            logger.warning("rejected request: %s (%d)", exc.reason, exc.status)
            metrics.REJECTIONS.labels(rejection_reason(exc)).inc()
            return error(exc.reason, exc.status)
        except InvalidRequest as exc:
            logger.warning("unreadable envelope: %s", exc)
            metrics.REJECTIONS.labels("envelope").inc()
            return error(str(exc), 400)
        response = answer(reply.envelope, reply.plugin)
        metrics.REQUESTS.labels(metrics.request_type(envelope), reply.plugin or "-", "200").inc()
        metrics.LATENCY.observe(time.perf_counter() - started)
        return response

    @app.get("/metrics")
    def prometheus() -> Response:
        return Response(metrics.exposition(), content_type=metrics.CONTENT_TYPE)

    @app.get("/healthz")
    def healthz() -> Response:
        areas = [area.name for area in runtime.menu.areas]
        problem = runtime.health()
        if problem is None:
            return jsonify(status="ok", areas=areas)
        # The skill still answers, but what users ask it to keep is being lost: say so.
        logger.error("health check: store unavailable: %s", problem)
        response = jsonify(status="store unavailable", areas=areas)
        response.status_code = 503
        return response

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        return error(exc.description or exc.name, exc.code or 500)

    @app.errorhandler(Exception)
    def server_error(exc: Exception) -> Response:
        log_failure(logger, "internal error", exc=exc)
        return error("internal error", 500)

    @app.after_request
    def security_headers(response: Response) -> Response:
        # Nothing else sets these, so extend (one call) rather than setdefault each.
        response.headers.extend(SECURITY_HEADERS)
        return response

    return app


def rejection_reason(exc: RequestRejected) -> str:
    """A few fixed words for why a request was refused: the verification step, or else
    what was wrong with the body."""
    check = getattr(exc, "check", None)
    if check:
        return check
    return {413: "too_large", 403: "skill_id"}.get(exc.status, "envelope")


def answer(envelope: dict, plugin: str | None) -> Response:
    response = jsonify(envelope)
    if plugin:
        response.headers[PLUGIN_HEADER] = plugin
    return response


def error(reason: str, status: int) -> Response:
    response = jsonify(error=reason)
    response.status_code = status
    return response
