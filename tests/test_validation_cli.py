"""``usiraq validate``: exit codes, the readable and JSON reports, and never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from fixtures.validation import mutate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from usiraq.schema import TABLE_NAMES
from usiraq.validation.render import SHOWN_ERRORS

from usiraq.cli import main

JSON_KEYS = {"valid", "package", "version", "error", "checks", "summary"}
CHECK_KEYS = {"code", "table", "errors", "error_count"}
ERROR_KEYS = {"row", "field", "message"}
SUMMARY_KEYS = {"checks", "checks_failed", "errors", "failed_codes", "rows", "seconds"}

HYPOTHESIS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SLOW_HYPOTHESIS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
unsafe_paths = st.one_of(
    st.sampled_from(["/etc/passwd", "C:/Windows/win.ini", "//server/share/x.csv", "\\\\server\\x.csv"]),
    st.builds(lambda rest: "../" + rest, st.text(min_size=1, max_size=20)),
    st.builds(lambda rest: "csv/../../" + rest, st.text(max_size=20)),
    st.builds(
        lambda scheme, rest: f"{scheme}:{rest}",
        st.sampled_from(["http", "https", "ftp", "file", "s3", "data", "zip", "gs"]),
        st.text(max_size=30),
    ),
    st.builds(lambda rest: "/" + rest, st.text(max_size=30)),
)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return mutate.release_or_fresh_build(tmp_path_factory.mktemp("pristine"))


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, ["validate", *args])


def assert_clean_exit(result: Result, codes: set[int]) -> None:
    """The command ended by its own exit code, with a message and no traceback."""
    assert result.exit_code in codes, result.output
    assert result.exc_info is not None and result.exc_info[0] is SystemExit, result.exc_info
    assert "Traceback" not in result.output
    assert result.output.strip()


def assert_json_structure(report: dict[str, Any]) -> None:
    assert set(report) == JSON_KEYS
    assert isinstance(report["valid"], bool)
    assert set(report["summary"]) == SUMMARY_KEYS
    for check in report["checks"]:
        assert set(check) == CHECK_KEYS
        assert check["error_count"] >= len(check["errors"])
        for error in check["errors"]:
            assert set(error) == ERROR_KEYS
            assert isinstance(error["message"], str) and len(error["message"].splitlines()) == 1


def write_descriptor_bytes(folder: Path, content: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "datapackage.json").write_bytes(content)
    return folder


# -- the real release ----------------------------------------------------------------


def test_release_exit_code_matches_the_report(pristine: Path) -> None:
    result = invoke(str(pristine))
    assert_clean_exit(result, {0, 1})
    data = json.loads(invoke(str(pristine), "--json").output)
    assert_json_structure(data)
    assert result.exit_code == (0 if data["valid"] else 1)
    assert data["version"] and data["summary"]["rows"]["sources"] >= 1
    assert list(data["summary"]["rows"]) == list(TABLE_NAMES)


def test_release_is_valid(pristine: Path) -> None:
    result = invoke(str(pristine))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("VALID ")


def test_default_is_the_shipped_release() -> None:
    if mutate.shipped_release() is None:
        pytest.skip("no release committed yet (dataset/release/datapackage.json)")
    result = invoke("--json")
    assert json.loads(result.output)["package"].endswith("datapackage.json")
    assert result.exit_code in (0, 1)


def test_report_groups_by_table_and_counts_the_rest(pristine: Path, tmp_path: Path) -> None:
    package = mutate.copy_package(pristine, tmp_path / "package")

    def many_bad_topics(rows: mutate.Rows) -> None:
        for row in rows:
            row["topic"] = "weather"

    mutate.edit(package, "claims", many_bad_topics)
    _, claims = mutate.read_rows(package, "claims")
    result = invoke(str(package))
    assert_clean_exit(result, {1})
    lines = result.output.splitlines()
    assert lines[0].startswith("INVALID ")
    block = lines[lines.index("claims") :]
    assert f"  frictionless/constraint-error: {len(claims)} errors" in block
    assert sum(line.startswith("    row ") and '"weather"' in line for line in block) == SHOWN_ERRORS
    assert f"    ... and {len(claims) - SHOWN_ERRORS} more" in block
    data = json.loads(invoke(str(package), "--json").output)
    entry = next(c for c in data["checks"] if c["code"] == "frictionless/constraint-error" and c["table"] == "claims")
    assert entry["error_count"] == len(claims)
    assert entry["errors"][0] == {"row": 2, "field": "topic", "message": entry["errors"][0]["message"]}


# -- unusable input: exit code 2 -------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x80\x81", "not UTF-8"),
        (b"{", "malformed JSON"),
        (b"[]", "must be a JSON object"),
        (b'{"resources": [{"name": "claims", "path": "https://example.org/claims.csv"}]}', "URL"),
        (b'{"resources": [{"name": "claims", "path": "../claims.csv"}]}', "leaves the package"),
        (b'{"resources": [{"name": "claims", "path": "/etc/passwd"}]}', "absolute"),
        (b'{"resources": [{"name": "claims", "path": "csv/claims.csv", "format": "csv"}]}', "does not exist"),
    ],
)
def test_unusable_packages_exit_2_with_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    folder = write_descriptor_bytes(tmp_path / "package", content)
    result = invoke(str(folder))
    assert_clean_exit(result, {2})
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    data = json.loads(invoke(str(folder), "--json").output)
    assert_json_structure(data)
    assert data["valid"] is False and message in data["error"] and data["checks"] == []


def test_missing_path_exits_2(tmp_path: Path) -> None:
    result = invoke(str(tmp_path / "no" / "such" / "package"))
    assert_clean_exit(result, {2})
    assert "no such file" in result.output


def test_non_utf8_csv_exits_2(pristine: Path, tmp_path: Path) -> None:
    package = mutate.copy_package(pristine, tmp_path / "package")
    path = package / "csv" / "claims.csv"
    path.write_bytes(path.read_bytes() + b"\xff\xfe broken\n")
    mutate.restamp(package)
    result = invoke(str(package))
    assert_clean_exit(result, {2})
    assert "claims.csv: not UTF-8" in result.output


# -- never trust the package: random input ------------------------------------------------


@HYPOTHESIS
@given(content=json_values)
def test_random_json_descriptor(tmp_path_factory: pytest.TempPathFactory, content: object) -> None:
    folder = write_descriptor_bytes(tmp_path_factory.mktemp("random"), json.dumps(content).encode())
    result = invoke(str(folder))
    assert_clean_exit(result, {1, 2})


@HYPOTHESIS
@given(content=st.binary(max_size=200))
def test_random_bytes_descriptor(tmp_path_factory: pytest.TempPathFactory, content: bytes) -> None:
    folder = write_descriptor_bytes(tmp_path_factory.mktemp("bytes"), content)
    result = invoke(str(folder))
    assert_clean_exit(result, {1, 2})


@HYPOTHESIS
@given(path=unsafe_paths, index=st.integers(min_value=0, max_value=25))
def test_unsafe_resource_paths_are_refused(
    pristine: Path, tmp_path_factory: pytest.TempPathFactory, path: str, index: int
) -> None:
    content = mutate.descriptor(pristine)
    resources = content["resources"]
    resources[index % len(resources)]["path"] = path
    folder = tmp_path_factory.mktemp("unsafe")
    mutate.write_descriptor(folder, content)
    result = invoke(str(folder))
    assert_clean_exit(result, {2})
    assert "refused" in result.output or "backslash" in result.output


@SLOW_HYPOTHESIS
@given(key=st.sampled_from(["schema", "bytes", "hash", "format", "dialect", "name", "encoding"]), value=json_values)
def test_resource_keys_of_the_wrong_type(
    pristine: Path, tmp_path_factory: pytest.TempPathFactory, key: str, value: object
) -> None:
    package = mutate.copy_package(pristine, tmp_path_factory.mktemp("keys") / "package")
    content = mutate.descriptor(package)
    content["resources"][0][key] = value
    mutate.write_descriptor(package, content)
    result = invoke(str(package))
    assert_clean_exit(result, {1, 2})


@SLOW_HYPOTHESIS
@given(
    table=st.sampled_from(["claims", "sources", "actors", "event_mentions"]),
    content=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)),
    stamp=st.booleans(),
)
def test_malformed_csv(
    pristine: Path, tmp_path_factory: pytest.TempPathFactory, table: str, content: bytes, stamp: bool
) -> None:
    package = mutate.copy_package(pristine, tmp_path_factory.mktemp("csv") / "package")
    (package / "csv" / f"{table}.csv").write_bytes(content)
    if stamp:
        mutate.restamp(package)
    result = invoke(str(package))
    assert_clean_exit(result, {1, 2})
    if result.exit_code == 2:
        assert f"{table}.csv" in result.output


@SLOW_HYPOTHESIS
@given(
    column=st.sampled_from(["char_start", "char_end", "quote", "claim_id", "modality", "source_id", "note"]),
    value=st.text(max_size=30),
)
def test_malformed_cells(pristine: Path, tmp_path_factory: pytest.TempPathFactory, column: str, value: str) -> None:
    package = mutate.copy_package(pristine, tmp_path_factory.mktemp("cells") / "package")
    mutate.set_cell(package, "claims", lambda row: True, column, value)
    result = invoke(str(package), "--json")
    assert result.exit_code in (0, 1, 2)
    assert_json_structure(json.loads(result.output))


def test_a_cell_with_line_breaks_gives_one_line_errors(pristine: Path, tmp_path: Path) -> None:
    package = mutate.copy_package(pristine, tmp_path / "package")
    row = mutate.set_cell(package, "claims", lambda row: True, "char_start", "1\n2\u2028")
    data = json.loads(invoke(str(package), "--json").output)
    entry = next(c for c in data["checks"] if c["code"] == "frictionless/type-error")
    assert entry["errors"][0]["row"] == row
    assert "1\\n2\\u2028" in entry["errors"][0]["message"]
    assert_json_structure(data)


def test_corrupt_parquet_is_invalid_not_a_crash(pristine: Path, tmp_path: Path) -> None:
    package = mutate.copy_package(pristine, tmp_path / "package")
    (package / "parquet" / "claims.parquet").write_bytes(b"PAR1 this is not parquet PAR1")
    mutate.restamp(package)
    result = invoke(str(package), "--json")
    data = json.loads(result.output)
    assert result.exit_code == 1
    assert "parquet-twin" in data["summary"]["failed_codes"]


# -- a real process -------------------------------------------------------------------


def usiraq_command() -> list[str]:
    script = Path(sys.executable).with_name("usiraq")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "from usiraq.cli import main; main()"]


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"\xff\xfe\x00garbage", 2), (b'{"resources": [{"name": "x", "path": "file:///etc/passwd"}]}', 2), (b"{}", 1)],
)
def test_subprocess_exit_codes_without_traceback(tmp_path: Path, content: bytes, code: int) -> None:
    folder = write_descriptor_bytes(tmp_path / "package", content)
    done = subprocess.run(
        [*usiraq_command(), "validate", str(folder)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == code, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert (done.stdout + done.stderr).strip()


def test_subprocess_json_on_the_release(pristine: Path) -> None:
    done = subprocess.run(
        [*usiraq_command(), "validate", str(pristine), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    data = json.loads(done.stdout)
    assert_json_structure(data)
    assert done.returncode == (0 if data["valid"] else 1)
