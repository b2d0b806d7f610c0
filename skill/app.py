"""The Flask app that hosts the skill for Alexa: ``POST /alexa`` and ``GET /healthz``."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from skill.envelope import parse_body
from skill.errors import RequestRejected
from skill.runtime import InvalidRequest, SkillRuntime
from skill.settings import Settings

logger = logging.getLogger(__name__)

PLUGIN_HEADER = "X-Second-Opinion-Plugin"


def create_app(settings: Settings | None = None, verifier=None) -> Flask:
    """The web app. Builds the skill once, here, not per request.

    :param settings: defaults to :meth:`Settings.from_env`.
    :param verifier: checks each request came from Alexa: an object with
        ``verify(headers, body: bytes, envelope: dict)`` that raises
        :class:`skill.errors.RequestRejected`. ``None`` makes a
        :class:`skill.verification.RequestVerifier` when ``settings.verify`` is on.
    """
    settings = settings or Settings.from_env()
    if verifier is None and settings.verify:
        from skill.verification import RequestVerifier

        verifier = RequestVerifier(skill_id=settings.skill_id)
    runtime = SkillRuntime(settings)

    app = Flask("second_opinion")
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.extensions["second_opinion"] = runtime

    @app.post("/alexa")
    def alexa() -> Response:
        body = request.get_data(cache=False)
        try:
            envelope = parse_body(body, settings.max_body_bytes)
            if verifier is not None:
                verifier.verify(request.headers, body, envelope)
            reply = runtime.invoke(envelope)
        except RequestRejected as exc:
            logger.warning("rejected request: %s (%d)", exc.reason, exc.status)
            return error(exc.reason, exc.status)
        except InvalidRequest as exc:
            logger.warning("unreadable envelope: %s", exc)
            return error(str(exc), 400)
        response = jsonify(reply.envelope)
        if reply.plugin:
            response.headers[PLUGIN_HEADER] = reply.plugin
        return response

    @app.get("/healthz")
    def healthz() -> Response:
        return jsonify(status="ok", areas=[area.name for area in runtime.menu.areas])

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        return error(exc.description or exc.name, exc.code or 500)

    @app.errorhandler(Exception)
    def server_error(exc: Exception) -> Response:
        logger.error("internal error: %s", type(exc).__name__, exc_info=exc)
        return error("internal error", 500)

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Cache-Control", "no-store")
        response.headers.setdefault("Content-Security-Policy", "default-src 'none'")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    return app


def error(reason: str, status: int) -> Response:
    response = jsonify(error=reason)
    response.status_code = status
    return response
