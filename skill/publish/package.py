"""Write an ASK CLI project: the skill package, and the Lambda code or the HTTPS endpoint.

The layout is the one ``ask deploy`` reads::

    ask-resources.json
    skill-package/skill.json
    skill-package/interactionModels/custom/<locale>.json
    skill-package/assets/images/<locale>_smallIcon.png, <locale>_largeIcon.png
    lambda/                      (with --lambda) the code, its requirements and entry points
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from skill.publish import icons, manifest

if TYPE_CHECKING:
    from skill.runtime import SkillRuntime

SKILL_PACKAGE = "skill-package"
MODELS = "interactionModels/custom"
CODE = "lambda"
RESOURCES = "ask-resources.json"
LAMBDA_HANDLER = "skill.lambda_function.handler"
LAMBDA_RUNTIME = "python3.12"
#: The packages of this distribution that the Lambda code folder carries.
DISTRIBUTION = "second-opinion-skill"
#: Always on Lambda: the store there is DynamoDB.
LAMBDA_EXTRAS = ("ask-sdk-dynamodb-persistence-adapter>=1.19,<1.20",)


class PackageError(ValueError):
    """The package can't be written as asked (an endpoint that isn't HTTPS, say)."""


@dataclass(frozen=True)
class Target:
    """Where Alexa sends requests: the Lambda deployer, or an HTTPS endpoint."""

    endpoint: str | None = None

    @property
    def is_lambda(self) -> bool:
        return self.endpoint is None


def policy_urls(runtime: SkillRuntime, target: Target) -> tuple[str, str]:
    """The privacy and terms URLs: the settings', else this app's own pages."""
    settings = runtime.settings
    base = target.endpoint.rsplit("/", 1)[0] if target.endpoint else None
    privacy = settings.privacy_url or (f"{base}/privacy" if base else None)
    terms = settings.terms_url or (f"{base}/terms" if base else None)
    if privacy is None or terms is None:
        raise PackageError(
            "a Lambda skill has no web pages of its own: set SECOND_OPINION_PRIVACY_URL and "
            "SECOND_OPINION_TERMS_URL to where docs/privacy.md and docs/terms.md are published"
        )
    return privacy, terms


def write(runtime: SkillRuntime, out: Path, target: Target) -> list[Path]:
    """Write the project for ``runtime``'s skill into ``out``; returns the files written."""
    from skill.simulator.model import load_model

    if target.endpoint is not None and not target.endpoint.startswith("https://"):
        raise PackageError(f"Alexa calls only HTTPS endpoints, not {target.endpoint!r}")
    settings = runtime.settings
    package = out / SKILL_PACKAGE
    written: list[Path] = []

    def put(path: Path, data: bytes | str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        written.append(path)

    invocations = {}
    small, large = (icons.draw(size) for size in icons.SIZES)
    for locale in sorted(runtime.locales):
        model = load_model(locale, settings.models_dir, runtime.plugin_manager)
        invocations[locale] = model.invocation_name
        put(package / MODELS / f"{locale}.json", to_json(model.document))
        put(package / manifest.SMALL_ICON.format(locale=locale), small)
        put(package / manifest.LARGE_ICON.format(locale=locale), large)
    privacy, terms = policy_urls(runtime, target)
    document = manifest.build(
        settings,
        runtime.menu,
        invocations,
        endpoint=target.endpoint,
        privacy_url=privacy,
        terms_url=terms,
    )
    put(package / "skill.json", to_json(document))
    put(out / RESOURCES, to_json(resources(target)))
    if target.is_lambda:
        written += write_code(out / CODE, runtime)
    return written


def resources(target: Target) -> dict:
    """``ask-resources.json``: the skill package, and the Lambda deployer when there is one."""
    profile: dict = {"skillMetadata": {"src": f"./{SKILL_PACKAGE}"}}
    if target.is_lambda:
        profile["code"] = {"default": {"src": f"./{CODE}"}}
        profile["skillInfrastructure"] = {
            "type": "@ask-cli/lambda-deployer",
            "userConfig": {
                "runtime": LAMBDA_RUNTIME,
                "handler": LAMBDA_HANDLER,
                "awsRegion": "us-east-1",
            },
        }
    return {"askcliResourcesVersion": "2020-03-31", "profiles": {"default": profile}}


def write_code(folder: Path, runtime: SkillRuntime) -> list[Path]:
    """The Lambda code folder: our packages, their entry points, and requirements.txt.

    Plugins load through entry points, which live in a distribution's metadata; the folder
    carries a ``.dist-info`` of its own so that Lambda finds them on its path.
    """
    dist = metadata.distribution(DISTRIBUTION)
    roots = sorted({name.split(".", 1)[0] for name in _packages(dist)})
    if folder.exists():
        shutil.rmtree(folder)
    written = []
    for root in roots:
        source = Path(__import__(root).__file__).resolve().parent
        shutil.copytree(
            source, folder / root, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
        )
        written += [p for p in (folder / root).rglob("*") if p.is_file()]
    info = folder / f"second_opinion_skill-{dist.version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {DISTRIBUTION}\nVersion: {dist.version}\n", "utf-8"
    )
    (info / "entry_points.txt").write_text(dist.read_text("entry_points.txt") or "", "utf-8")
    requirements = folder / "requirements.txt"
    requirements.write_text("\n".join(requirements_for(dist, runtime)) + "\n", "utf-8")
    return [*written, info / "METADATA", info / "entry_points.txt", requirements]


def _packages(dist: metadata.Distribution) -> list[str]:
    top = dist.read_text("top_level.txt")
    if top:
        return top.split()
    return ["skill", "plugins", "interaction_models"]


def requirements_for(dist: metadata.Distribution, runtime: SkillRuntime) -> list[str]:
    """What Lambda must install: our dependencies, DynamoDB's adapter, other plugins."""
    ours = [r for r in dist.requires or [] if "extra ==" not in r]
    plugins = []
    for entry in metadata.entry_points(group="second_opinion"):
        owner = entry.dist
        if owner is None or owner.name == DISTRIBUTION:
            continue
        if runtime.plugin_manager.get_plugin(entry.name) is not None:
            plugins.append(f"{owner.name}=={owner.version}")
    return [*ours, *LAMBDA_EXTRAS, *sorted(set(plugins))]


def to_json(document: dict) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
