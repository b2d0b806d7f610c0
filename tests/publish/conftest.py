"""Packages written by ``second-opinion package``, and copies broken on purpose."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from skill.cli import main

POLICY = ["--privacy-url", "https://guide.test/privacy", "--terms-url", "https://guide.test/terms"]


def write_package(out: Path, *where: str) -> Path:
    assert main(["package", "--out", str(out), *where]) == 0
    return out


@pytest.fixture
def policy_urls() -> list[str]:
    """The options that say where a Lambda skill's policy pages are published."""
    return list(POLICY)


@pytest.fixture(scope="session")
def lambda_package(tmp_path_factory) -> Path:
    """The repo's own package, for Lambda (written once; copy it before changing it)."""
    return write_package(tmp_path_factory.mktemp("lambda") / "project", "--lambda", *POLICY)


@pytest.fixture(scope="session")
def endpoint_package(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("endpoint") / "project"
    return write_package(out, "--endpoint", "https://guide.test/alexa")


@pytest.fixture(scope="session")
def runtime():
    from skill.runtime import SkillRuntime
    from skill.settings import Settings

    return SkillRuntime(Settings(verify=False, store="memory"))


class Editable:
    """A copy of a package whose JSON files can be changed in place."""

    def __init__(self, source: Path, root: Path):
        shutil.copytree(source, root, ignore=shutil.ignore_patterns("lambda"))
        if (source / "lambda").is_dir():  # the code itself is not read by certify
            (root / "lambda").mkdir()
            shutil.copy(source / "lambda" / "requirements.txt", root / "lambda")
        self.root = root

    def edit(self, relative: str, change) -> None:
        path = self.root / relative
        document = json.loads(path.read_text())
        change(document)
        path.write_text(json.dumps(document))

    def manifest(self, change) -> None:
        self.edit("skill-package/skill.json", lambda d: change(d["manifest"]))

    def model(self, change) -> None:
        self.edit(
            "skill-package/interactionModels/custom/en-US.json",
            lambda d: change(d["interactionModel"]["languageModel"]),
        )


@pytest.fixture
def broken(lambda_package, tmp_path) -> Editable:
    return Editable(lambda_package, tmp_path / "project")


@pytest.fixture
def broken_endpoint(endpoint_package, tmp_path) -> Editable:
    return Editable(endpoint_package, tmp_path / "project")
