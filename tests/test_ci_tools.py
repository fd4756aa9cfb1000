"""action.yml and .pre-commit-hooks.yaml: valid against their schemas, pinned, and their commands run as written."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from fixtures.validation import mutate

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "validation"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}$")
RELEASE = ROOT / "dataset" / "release"
BIN = Path(sys.executable).parent


def loaded(name: str) -> Any:
    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))


def schema_errors(document: Any, schema_name: str) -> list[str]:
    schema = json.loads((FIXTURES / schema_name).read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(document)]


# -- action.yml -------------------------------------------------------------------------------


def action_steps() -> list[dict[str, Any]]:
    return loaded("action.yml")["runs"]["steps"]


def test_action_is_a_valid_composite_action() -> None:
    action = loaded("action.yml")
    assert schema_errors(action, "github-action.schema.json") == []
    assert action["runs"]["using"] == "composite"
    for step in action_steps():
        assert "uses" in step or step.get("shell") == "bash", step


def test_action_pins_every_action_by_commit_sha() -> None:
    uses = [step["uses"] for step in action_steps() if "uses" in step]
    assert [use.split("@")[0] for use in uses] == ["actions/setup-python", "actions/upload-artifact"]
    assert all(PINNED.match(use) for use in uses), uses
    for line in (ROOT / "action.yml").read_text(encoding="utf-8").splitlines():
        if "uses:" in line and not line.lstrip().startswith("#"):
            assert re.search(r"# v\d", line), line


def test_action_scripts_read_inputs_only_through_the_environment() -> None:
    """No ${{ }} inside a run script: an input is passed as an environment variable, never pasted into bash."""
    for step in action_steps():
        assert "${{" not in step.get("run", ""), step["name"]


def test_action_uploads_the_report_it_writes() -> None:
    upload = next(step for step in action_steps() if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "${{ steps.validate.outputs.report }}"
    validate = next(step for step in action_steps() if step.get("id") == "validate")
    assert 'usiraq validate "$PACKAGE_PATH" --json > "$REPORT"' in validate["run"]


def run_step(step: dict[str, Any], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """A composite step's bash script, as the runner runs it (bash -e, the step's env, usiraq on PATH)."""
    full = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", **env}
    return subprocess.run(
        ["bash", "-e", "-c", step["run"]], capture_output=True, text=True, timeout=600, check=False, env=full, cwd=cwd
    )


@pytest.mark.parametrize("broken", [False, True])
def test_action_steps_validate_and_fail_as_the_report_says(tmp_path: Path, broken: bool) -> None:
    package = mutate.copy_package(RELEASE, tmp_path / "workspace" / "data")
    if broken:
        mutate.set_cell(package, "claims", lambda _: True, "quote", "words no article prints")
    outputs, report = tmp_path / "outputs", tmp_path / "report.json"
    steps = {step.get("id", step.get("name")): step for step in action_steps()}
    done = run_step(
        steps["validate"],
        {"PACKAGE_PATH": "data", "REPORT": str(report), "GITHUB_OUTPUT": str(outputs)},
        tmp_path / "workspace",
    )
    assert done.returncode == 0, done.stderr
    written = dict(line.split("=", 1) for line in outputs.read_text(encoding="utf-8").splitlines())
    assert written == {"exit-code": "1" if broken else "0", "report": str(report)}
    assert json.loads(report.read_text(encoding="utf-8"))["valid"] is not broken
    final = run_step(
        steps["Fail unless the package is valid"], {"STATUS": written["exit-code"], "REPORT_NAME": "r"}, tmp_path
    )
    assert final.returncode == (1 if broken else 0)


# -- .pre-commit-hooks.yaml ---------------------------------------------------------------------


def hook() -> dict[str, Any]:
    (only,) = loaded(".pre-commit-hooks.yaml")
    return only


def test_pre_commit_manifest_is_valid() -> None:
    manifest = loaded(".pre-commit-hooks.yaml")
    assert schema_errors(manifest, "pre-commit-hooks.schema.json") == []
    assert hook()["id"] == "usiraq-validate" and hook()["language"] == "python"


@pytest.mark.parametrize(
    ("path", "runs"),
    [
        ("datapackage.json", True),
        ("dataset/release/datapackage.json", True),
        ("dataset/release/csv/claims.csv", True),
        ("data/parquet/claims.parquet", True),
        ("README.md", False),
        ("dataset/annotations/000.yaml", False),
    ],
)
def test_pre_commit_hook_runs_when_package_files_change(path: str, runs: bool) -> None:
    assert bool(re.search(hook()["files"], path)) is runs


@pytest.mark.parametrize("broken", [False, True])
def test_pre_commit_hook_entry_validates_the_package(tmp_path: Path, broken: bool) -> None:
    """pre-commit runs `entry` followed by `args` in the repository's root (pass_filenames is false)."""
    package = mutate.copy_package(RELEASE, tmp_path / "repo")
    if broken:
        mutate.set_cell(package, "claims", lambda _: True, "quote", "words no article prints")
    command, *arguments = hook()["entry"].split()
    done = subprocess.run(
        [str(BIN / command), *arguments, *hook()["args"]],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        cwd=package,
    )
    assert hook()["pass_filenames"] is False
    assert done.returncode == (1 if broken else 0), done.stdout + done.stderr
    assert ("INVALID" if broken else "VALID") in done.stdout + done.stderr
