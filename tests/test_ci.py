"""What CI relies on: the workflow, the CI entry point, the citation file, a reproducible release."""

from __future__ import annotations

import datetime as dt
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
from usiraq.schema import TABLE_NAMES

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
CFF_SCHEMA = Path(__file__).resolve().parent / "fixtures" / "validation" / "cff-1.2.0.schema.json"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}$")


def workflow() -> dict[Any, Any]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps() -> list[dict[str, Any]]:
    return [step for job in workflow()["jobs"].values() for step in job["steps"]]


def commands() -> str:
    return "\n".join(step.get("run", "") for step in steps())


# -- the workflow -----------------------------------------------------------------------


def test_workflow_runs_on_push_and_pull_request() -> None:
    data = workflow()
    triggers = data.get("on", data.get(True))  # YAML 1.1 reads a bare `on` as true
    assert {"push", "pull_request"} <= set(triggers)


def test_workflow_only_reads_the_repository() -> None:
    data = workflow()
    assert data["permissions"] == {"contents": "read"}
    for name, job in data["jobs"].items():
        assert job.get("permissions", {"contents": "read"}) == {"contents": "read"}, name


def test_every_action_is_pinned_by_full_commit_sha() -> None:
    uses = [step["uses"] for step in steps() if "uses" in step]
    assert uses
    for action in uses:
        assert PINNED.match(action), f"{action} is not pinned by a 40-character commit SHA"
    for line in WORKFLOW.read_text(encoding="utf-8").splitlines():
        if "uses:" in line:
            assert re.search(r"# v\d", line), f"say which release the SHA is: {line.strip()}"


def test_checkout_does_not_keep_credentials() -> None:
    for step in steps():
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False


def test_workflow_runs_every_gate() -> None:
    run = commands()
    assert "make test" in run
    assert ".venv/bin/usiraq validate" in run
    assert ".venv/bin/frictionless validate dataset/release/datapackage.json" in run
    assert "pytest tests/test_ci.py -k citation" in run
    assert re.search(r"usiraq build --out .*\n.*diff -r dataset/release", run)


def test_ci_entry_point_runs_the_readme_test_command() -> None:
    script = ROOT / ".ci" / "run"
    assert "make test" in script.read_text(encoding="utf-8")
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert os.access(script, os.X_OK) or script.read_text(encoding="utf-8").startswith("#!")


# -- CITATION.cff -------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """YAML dates as the ISO strings CFF's schema expects."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def test_citation_cff_is_valid_cff_1_2_0() -> None:
    schema = json.loads(CFF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["$id"] == "https://citation-file-format.github.io/1.2.0/schema.json"
    citation = plain(yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8")))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    errors = [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(citation)
    ]
    assert not errors, errors
    assert citation["cff-version"] == "1.2.0"


def test_citation_check_catches_a_broken_file() -> None:
    schema = json.loads(CFF_SCHEMA.read_text(encoding="utf-8"))
    citation = plain(yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8")))
    del citation["authors"]
    citation["date-released"] = "22 November"
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    assert len(list(validator.iter_errors(citation))) >= 2


# -- the release ----------------------------------------------------------------------------


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()
    }


def test_committed_release_equals_a_fresh_build(tmp_path: Path) -> None:
    shipped = mutate.shipped_release()
    if shipped is None:
        pytest.skip("no release committed yet (dataset/release/datapackage.json)")
    from usiraq.release.build import build

    fresh = build(None, tmp_path / "release").out
    committed, built = files_of(shipped), files_of(fresh)
    assert sorted(committed) == sorted(built)
    differing = [name for name in committed if committed[name] != built[name]]
    assert not differing, f"the committed release differs from a fresh build in {differing}: run `usiraq build`"


FRICTIONLESS_COMMAND = "frictionless validate dataset/release/datapackage.json"
V2_PROFILE = Path(__file__).resolve().parent / "fixtures" / "validation" / "datapackage-2.0.schema.json"


def frictionless_validate(descriptor: Path) -> subprocess.CompletedProcess[str]:
    """The Frictionless CLI, as a user runs it: `frictionless validate <datapackage.json>`, no flags."""
    command = Path(sys.executable).with_name("frictionless")
    return subprocess.run(
        [str(command), "validate", str(descriptor)], capture_output=True, text=True, timeout=600, check=False
    )


def test_frictionless_cli_passes_the_whole_release() -> None:
    shipped = mutate.shipped_release()
    if shipped is None:
        pytest.skip("no release committed yet (dataset/release/datapackage.json)")
    done = frictionless_validate(shipped / "datapackage.json")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    listed = [line for line in done.stdout.splitlines() if "VALID" in line]
    assert len(listed) == 2 * len(TABLE_NAMES), "every table as CSV and as a Parquet file, each VALID"
    assert sum(line.split("│")[2].strip() == "file" for line in listed) == len(TABLE_NAMES)


def test_frictionless_cli_checks_the_parquet_files_hash(tmp_path: Path) -> None:
    shipped = mutate.shipped_release()
    if shipped is None:
        pytest.skip("no release committed yet (dataset/release/datapackage.json)")
    package = mutate.copy_package(shipped, tmp_path / "package")
    with (package / "parquet" / "claims.parquet").open("ab") as handle:
        handle.write(b"\0")
    done = frictionless_validate(package / "datapackage.json")
    assert done.returncode == 1
    assert "claims-parquet" in done.stdout and "hash-count" in done.stdout


def test_ci_runs_the_frictionless_cli_on_the_release_as_is() -> None:
    assert FRICTIONLESS_COMMAND in commands()
    assert "--resource-name" not in commands()
    assert FRICTIONLESS_COMMAND in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_descriptor_conforms_to_data_package_v2_but_for_file_resources() -> None:
    """Every property follows the Data Package 2.0 profile; the one departure is "type": "file" on Parquet files.

    The 2.0 profile allows only "table" as a resource type; Frictionless 5 reads "file" as a file to check by
    size and hash, which is what the Parquet twins are to it (see schema/generate/frictionless.py).
    """
    shipped = mutate.shipped_release()
    if shipped is None:
        pytest.skip("no release committed yet (dataset/release/datapackage.json)")
    descriptor = json.loads((shipped / "datapackage.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(json.loads(V2_PROFILE.read_text(encoding="utf-8")))
    errors = sorted(
        ("/".join(map(str, error.absolute_path)), error.message) for error in validator.iter_errors(descriptor)
    )
    parquet = [index for index, resource in enumerate(descriptor["resources"]) if resource["format"] == "parquet"]
    assert errors == [
        (f"resources/{index}/type", "'file' is not one of ['table']") for index in sorted(parquet, key=str)
    ]
