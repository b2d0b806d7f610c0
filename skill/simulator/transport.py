"""Where simulated requests go: the skill in this process, or a running endpoint over HTTP."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections import OrderedDict
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import pluggy

    from skill.runtime import SkillRuntime
    from skill.settings import Settings

PLUGIN_HEADER = "X-Second-Opinion-Plugin"  # as skill.app sends it; not imported: no Flask here


class TransportError(RuntimeError):
    """The skill refused a request or could not be reached; carries the reason it gave."""

    def __init__(self, reason: str, status: int | None = None):
        super().__init__(f"{reason} (HTTP {status})" if status else reason)
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class Delivery:
    """The response envelope, and which plugin answered."""

    envelope: dict
    plugin: str | None


class Target(Protocol):
    def send(self, envelope: dict) -> Delivery: ...

    @property
    def plugin_manager(self) -> pluggy.PluginManager | None: ...


class InProcess:
    """Calls a :class:`SkillRuntime` directly, checking the envelope as the web edge does."""

    def __init__(self, runtime: SkillRuntime):
        self.runtime = runtime

    @property
    def plugin_manager(self) -> pluggy.PluginManager:
        return self.runtime.plugin_manager

    def send(self, envelope: dict) -> Delivery:
        from skill.errors import RequestRejected
        from skill.runtime import InvalidRequest

        # Through JSON and back, as over the wire: the skill can't share objects with us.
        wire = json.loads(json.dumps(envelope))
        try:
            reply = self.runtime.invoke(wire)
        except RequestRejected as exc:
            raise TransportError(exc.reason, exc.status) from None
        except InvalidRequest as exc:
            raise TransportError(str(exc), 400) from None
        return Delivery(json.loads(json.dumps(reply.envelope)), reply.plugin)


class Http:
    """POSTs each envelope to an endpoint such as ``second-opinion serve --no-verify``."""

    def __init__(self, url: str, *, timeout: float = 10.0, settings: Settings | None = None):
        self.url = url
        self.timeout = timeout
        self._settings = settings
        self._pm = None

    @property
    def plugin_manager(self) -> pluggy.PluginManager:
        """The plugins installed here, assumed to match the server's (for model fragments)."""
        if self._pm is None:
            from skill.plugin_manager import make_plugin_manager

            settings = self._settings
            self._pm = make_plugin_manager(
                settings.plugins if settings else None,
                blocked=settings.disabled_plugins if settings else None,
            )
        return self._pm

    def send(self, envelope: dict) -> Delivery:
        body = json.dumps(envelope).encode("utf-8")
        request = urllib.request.Request(
            self.url,
            data=body,
            method="POST",
            headers={"Content-Type": "application/json; charset=utf-8"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                payload = json.loads(response.read().decode("utf-8"))
                return Delivery(payload, response.headers.get(PLUGIN_HEADER))
        except urllib.error.HTTPError as exc:
            raise TransportError(_reason(exc), exc.code) from None
        except (urllib.error.URLError, OSError) as exc:
            raise TransportError(f"cannot reach {self.url}: {exc}") from None
        except ValueError:
            raise TransportError(f"{self.url} did not answer with JSON") from None


def _reason(exc: urllib.error.HTTPError) -> str:
    try:
        return json.loads(exc.read().decode("utf-8")).get("error") or exc.reason
    except (ValueError, AttributeError):
        return str(exc.reason)


# Building the skill is cheap but not free; conversations with equal settings share one.
_RUNTIMES: OrderedDict[tuple, SkillRuntime] = OrderedDict()
_KEEP = 16


def _settings_key(settings: Settings) -> tuple:
    key = []
    for item in fields(settings):
        value = getattr(settings, item.name)
        if item.name == "plugins" and value is not None:
            value = tuple(id(plugin) for plugin in value)
        key.append(repr(value))
    return tuple(key)


def runtime_for(settings: Settings) -> SkillRuntime:
    """A :class:`SkillRuntime` for ``settings``, built once and reused."""
    from skill.runtime import SkillRuntime

    key = _settings_key(settings)
    runtime = _RUNTIMES.get(key)
    if runtime is None:
        runtime = SkillRuntime(settings)
        _RUNTIMES[key] = runtime
        while len(_RUNTIMES) > _KEEP:
            _RUNTIMES.popitem(last=False)[1].close()
    else:
        _RUNTIMES.move_to_end(key)
    return runtime


def make_target(target: object, settings: Settings) -> Target:
    """A target from what a caller gave: ``None`` (build the skill), a runtime, or a URL."""
    if target is None:
        return InProcess(runtime_for(settings))
    if isinstance(target, str):
        if not target.startswith(("http://", "https://")):
            raise ValueError(f"target URL must start with http:// or https://, not {target!r}")
        return Http(target, settings=settings)
    if hasattr(target, "invoke") and hasattr(target, "plugin_manager"):
        return InProcess(target)
    if hasattr(target, "send"):
        return target
    raise TypeError(f"target must be None, a SkillRuntime or an http URL, not {type(target)}")
