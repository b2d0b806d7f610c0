"""The Flask app that hosts the skill for Alexa: ``POST /alexa`` and ``GET /healthz``."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from flask import Flask, Response, jsonify, redirect, request
from werkzeug.exceptions import HTTPException

from skill import log_limits, metrics, policy_pages
from skill.endpoint import PLUGIN_HEADER, SECURITY_HEADERS, AlexaEndpoint, error
from skill.errors import log_failure
from skill.runtime import SkillRuntime
from skill.settings import Settings

if TYPE_CHECKING:
    from skill.verification import Verifier

__all__ = ["PLUGIN_HEADER", "create_app", "error"]

logger = logging.getLogger(__name__)


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

    endpoint = AlexaEndpoint(runtime, verifier, settings.max_body_bytes, app.wsgi_app)
    app.wsgi_app = endpoint  # POST /alexa goes straight to the skill; the rest to Flask

    @app.post("/alexa")
    def alexa() -> Response:
        # Reached only when something else calls Flask's own wsgi_app.
        return endpoint.handle(request.environ)

    @app.get("/metrics")
    def prometheus() -> Response:
        return Response(metrics.exposition(), content_type=metrics.CONTENT_TYPE)

    @app.get("/privacy")
    @app.get("/terms")
    def policy() -> Response:
        # The manifest's policy URLs: this app's own pages, or where the settings send them.
        name = request.path.strip("/")
        elsewhere = settings.privacy_url if name == "privacy" else settings.terms_url
        if elsewhere:
            return redirect(elsewhere)
        try:
            return Response(policy_pages.page(name), mimetype="text/html")
        except policy_pages.PageMissing as exc:
            return error(str(exc), 404)

    @app.get("/healthz")
    def healthz() -> Response:
        areas = [area.name for area in runtime.menu.areas]
        locales = sorted(runtime.locales)
        problem = runtime.health()
        if problem is None:
            return jsonify(status="ok", areas=areas, locales=locales)
        # The skill still answers, but what users ask it to keep is being lost: say so.
        logger.error("health check: store unavailable: %s", problem)
        response = jsonify(status="store unavailable", areas=areas, locales=locales)
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
