"""The studio's web app: the page, and a small JSON API over one recorded conversation."""

from __future__ import annotations

import json
import logging
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from skill.app import error
from skill.errors import log_failure
from skill.settings import Settings
from skill.simulator import ModelError, TransportError
from skill.studio.loopback import is_loopback_address, is_loopback_host
from skill.studio.model_view import search_model
from skill.studio.recording import DEVICES, USERS, Recording, StudioError
from skill.studio.screen import preview_page
from skill.studio.strings import StringIndex, speaking_packages
from skill.studio.turn_view import turn_view
from skill.studio.writer import NothingToSave, write_test

if TYPE_CHECKING:
    from skill.studio.recording import Recorded

logger = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
#: Longer than anyone says in one breath; a paste of a whole page is a mistake.
MAX_UTTERANCE = 500
#: A SendEvent's arguments name a target in a few words; more is not a touch.
MAX_TOUCH_ARGUMENTS = 16
# The page loads only its own files: no CDN, nothing inline, no framing.
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'self'; object-src 'none'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def create_studio_app(
    settings: Settings | None = None,
    *,
    locale: str = "en-US",
    allow_remote: bool = False,
    seed: str | None = None,
) -> Flask:
    """The studio for one person at a time.

    :param settings: the in-process skill's settings; default: no verification, progress
        in a SQLite file of this studio's own, so returning users are remembered.
    :param locale: the locale to start in; any with a model in ``settings.models_dir``.
    :param allow_remote: answer requests from other machines (``--host``); otherwise only
        loopback addresses and loopback host names are answered.
    :param seed: makes ids, and so the string variants answers pick, repeatable.
    """
    scratch = None
    if settings is None:
        scratch = tempfile.TemporaryDirectory(prefix="second-opinion-studio-")
        settings = Settings.from_env(verify=False).with_(
            store="sqlite", db_path=str(Path(scratch.name) / "progress.sqlite3")
        )
    locales = sorted(path.stem for path in settings.models_dir.glob("*.json"))
    recording = Recording(settings, locales, locale, seed)
    indexes: dict[str, StringIndex] = {}

    app = Flask("second_opinion_studio", static_folder=str(STATIC), static_url_path="/static")
    app.debug = False
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024
    app.extensions["second_opinion_studio"] = {"recording": recording, "scratch": scratch}

    def strings() -> StringIndex:
        conversation = recording.conversation
        index = indexes.get(conversation.locale)
        if index is None:
            packages = speaking_packages(conversation.target.plugin_manager)
            index = indexes[conversation.locale] = StringIndex(conversation.locale, packages)
        return index

    def view(recorded: Recorded) -> dict:
        number = next(i for i, turn in enumerate(recording.shown, 1) if turn is recorded)
        previous = recording.previous(recorded)
        model = recording.conversation.model
        device = recording.setup.device
        return turn_view(recorded.result, previous, model, strings(), number, device)

    def state() -> dict:
        return {
            "locales": locales,
            "devices": list(DEVICES),
            "users": list(USERS),
            "setup": recording.setup.as_json(),
            "session_open": recording.conversation.session_open,
            "turns": [view(turn) for turn in recording.shown],
        }

    def body() -> dict:
        if not request.is_json:
            raise StudioError("send JSON (Content-Type: application/json)")
        payload = request.get_json(silent=True)
        if not isinstance(payload, dict):
            raise StudioError("the body must be a JSON object")
        return payload

    def text_field(payload: dict, name: str) -> str:
        value = payload.get(name)
        if not isinstance(value, str):
            raise StudioError(f"{name} must be a string")
        if len(value) > MAX_UTTERANCE:
            raise StudioError(f"{name} is longer than {MAX_UTTERANCE} characters")
        return value

    @app.before_request
    def loopback_only() -> Response | None:
        if allow_remote:
            return None
        # The address keeps other machines out; the host name keeps out web pages that
        # rebind their own name to 127.0.0.1 to reach a studio from a browser.
        if not is_loopback_address(request.remote_addr) or not is_loopback_host(request.host):
            return error("the studio answers on loopback only (start it with --host)", 403)
        return None

    @app.get("/")
    def page() -> Response:
        return app.send_static_file("index.html")

    @app.get("/api/state")
    def get_state() -> Response:
        return jsonify(state())

    @app.post("/api/setup")
    def setup() -> Response:
        payload = body()
        current = recording.setup
        recording.restart(
            text_field(payload, "locale") if "locale" in payload else current.locale,
            text_field(payload, "device") if "device" in payload else current.device,
            text_field(payload, "user") if "user" in payload else current.user,
        )
        return jsonify(state())

    @app.post("/api/say")
    def say() -> Response:
        recorded = recording.say(text_field(body(), "text"))
        return jsonify(turn=view(recorded), session_open=recording.conversation.session_open)

    @app.post("/api/touch")
    def touch() -> Response:
        arguments = body().get("arguments")
        if not isinstance(arguments, list) or len(arguments) > MAX_TOUCH_ARGUMENTS:
            raise StudioError(f"arguments must be a list of at most {MAX_TOUCH_ARGUMENTS}")
        recorded = recording.touch(arguments)
        return jsonify(turn=view(recorded), session_open=recording.conversation.session_open)

    @app.post("/api/action")
    def action() -> Response:
        recorded = recording.act(text_field(body(), "action"))
        return jsonify(
            turn=view(recorded) if recorded else None,
            setup=recording.setup.as_json(),
            session_open=recording.conversation.session_open,
        )

    @app.post("/api/model")
    def model() -> Response:
        query = text_field(body(), "query")
        if not query.strip():
            raise StudioError("type an utterance to look up")
        return jsonify(search_model(recording.conversation.model, strings(), query))

    @app.get("/api/screen/<int:number>")
    def screen(number: int) -> Response:
        shown = recording.shown
        if not 0 < number <= len(shown):
            raise StudioError(f"there is no turn {number}")
        page = preview_page(shown[number - 1].result, recording.setup.device)
        if page is None:
            raise StudioError(f"turn {number} shows nothing on a {recording.setup.device}")
        response = Response(page, mimetype="text/html")
        # The renderer's page: inline styles only, no script, framed by the studio alone.
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'"
        )
        response.headers["X-Frame-Options"] = "SAMEORIGIN"
        return response

    @app.get("/api/test.py")
    def saved_test() -> Response:
        source = write_test(recording.turns, recording.setup, strings())
        return download(source, "test_studio_conversation.py", "text/x-python")

    @app.get("/api/transcript.jsonl")
    def transcript() -> Response:
        lines = "".join(
            json.dumps(record, ensure_ascii=False) + "\n" for record in recording.transcript()
        )
        return download(lines, "conversation.jsonl", "application/x-ndjson")

    @app.errorhandler(StudioError)
    @app.errorhandler(NothingToSave)
    def refused(exc: ValueError) -> Response:
        return error(str(exc), 400)

    @app.errorhandler(TransportError)
    def skill_refused(exc: TransportError) -> Response:
        return error(f"the skill refused the request: {exc.reason}", 400)

    @app.errorhandler(ModelError)
    def model_broken(exc: ModelError) -> Response:
        return error(f"the interaction model can't be read: {exc}", 500)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        return error(exc.description or exc.name, exc.code or 500)

    @app.errorhandler(Exception)
    def server_error(exc: Exception) -> Response:
        log_failure(logger, "studio failed", exc=exc)
        return error("internal error: see the studio's log", 500)

    @app.after_request
    def security_headers(response: Response) -> Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return app


def download(text: str, filename: str, mimetype: str) -> Response:
    response = Response(text, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
