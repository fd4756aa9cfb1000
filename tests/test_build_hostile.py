"""Hostile and sloppy inputs: every one ends with file:line, a clear message and exit 1, the release untouched."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
import yaml
from test_build_support import FIXTURE, copy_dataset, edit, line_of, release_bytes, run_cli, run_process
from usiraq.builders import inputs, yamlload
from usiraq.builders.yamlload import MAX_DEPTH, depth_bound

from usiraq.release.build import build


@pytest.fixture
def built_root(tmp_path: Path) -> Path:
    """A copy of the fixture dataset with its release built."""
    root = copy_dataset(FIXTURE, tmp_path / "dataset")
    build(root, validate=False)
    return root


def refused(root: Path, *expected: str) -> str:
    """Build ``root`` through the CLI; assert exit 1, each expected text in the output, the release unchanged."""
    before = release_bytes(root / "release")
    result = run_cli("--root", str(root))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    for text in expected:
        assert text in result.output, result.output
    assert release_bytes(root / "release") == before
    return result.output


def annotation(root: Path) -> Path:
    return root / "annotations" / "fx2_icaro.yaml"


# -- YAML that would hang, crash or eat memory ---------------------------------------------


def test_a_recursive_alias_is_refused_at_its_line(built_root: Path) -> None:
    path = annotation(built_root)
    path.write_text(path.read_text(encoding="utf-8") + "extra: &r [*r]\n", encoding="utf-8")
    line = line_of(path, "extra:")
    refused(built_root, f"fx2_icaro.yaml:{line}: an alias (*r); aliases are not allowed")


def test_a_billion_laughs_is_refused_before_it_grows(built_root: Path) -> None:
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    path = built_root / "registry" / "propositions.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n".join(levels) + "\n", encoding="utf-8")
    output = refused(built_root, "propositions.yaml:", "an alias (*a0)")
    assert output.count("an alias") <= yamlload.MAX_REPORTED


@pytest.mark.parametrize("shape", ["flow", "block"])
def test_deep_nesting_is_refused_at_its_line(built_root: Path, shape: str) -> None:
    depth = 5000
    nested = "[" * depth + "]" * depth if shape == "flow" else "\n" + "- " * depth + "x"
    path = annotation(built_root)
    path.write_text(path.read_text(encoding="utf-8") + f"extra: {nested}\n", encoding="utf-8")
    refused(built_root, "fx2_icaro.yaml:", f"nested more than {MAX_DEPTH} levels deep")


def test_nesting_that_would_crash_the_c_parser_is_refused(built_root: Path) -> None:
    path = annotation(built_root)
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    result = run_process("--root", str(built_root))
    assert result.returncode == 1, result.stderr
    assert f"fx2_icaro.yaml:1: nested more than {MAX_DEPTH} levels deep" in result.stderr


@pytest.mark.parametrize(
    "text",
    [
        "a:\n  b:\n    - c:\n        - [d, {e: [f]}]\n",
        "- - - - - x\n",
        "? - a\n  - b\n: - c\n",
        "a:\n- b:\n  - c:\n    - d: 1\n",
        "x: [1, [2, [3]]]\n---\n",
    ],
)
def test_the_depth_bound_is_never_below_the_depth(text: str) -> None:
    depth = deepest = 0
    for event in yaml.parse(text):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            deepest = max(deepest, depth)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    assert depth_bound(text) >= deepest


def test_block_style_inputs_need_no_event_by_event_check() -> None:
    text = (FIXTURE / "sources.yaml").read_text(encoding="utf-8")
    assert depth_bound(text) <= MAX_DEPTH


def test_a_yaml_file_over_the_size_limit_is_refused(built_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlload, "MAX_YAML_BYTES", 1000)
    refused(built_root, "sources.yaml: the file is larger than the 1,000 bytes an input may have")


def test_an_article_over_the_size_limit_is_refused(built_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputs, "MAX_ARTICLE_BYTES", 500)
    refused(built_root, "fx1_focus.txt: the file is larger than the 500 bytes an input may have")


@pytest.mark.parametrize("name", ["sources.yaml", "sources/fx1_focus.txt"])
def test_an_input_that_is_not_a_regular_file_is_refused(built_root: Path, name: str) -> None:
    path = built_root / name
    path.unlink()
    os.mkfifo(path)  # reading it would wait for ever
    refused(built_root, f"{name}: not a regular file")


def test_an_input_linked_to_an_endless_device_is_refused(built_root: Path) -> None:
    path = built_root / "registry" / "events.yaml"
    path.unlink()
    path.symlink_to("/dev/zero")
    refused(built_root, "events.yaml: not a regular file")


@pytest.mark.parametrize(("character", "code"), [("\x00", "U+0000"), ("\x07", "U+0007"), ("\ufffe", "U+FFFE")])
def test_a_character_yaml_refuses_is_named_at_its_line(built_root: Path, character: str, code: str) -> None:
    path = annotation(built_root)
    edit(path, "reason: publication_date", f"reason: publi{character}cation_date")
    line = line_of(path, "reason: publi")
    refused(built_root, f"fx2_icaro.yaml:{line}: a character YAML does not allow: {code}")


# -- strict types and bounds ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("value: 900", 'value: "900"', "'900' is text (it is in quotes), not a whole number"),
        ("value: 900", "value: true", "True is a boolean, not a whole number"),
        ("value: 900", "value: 900.5", "not a whole number"),
        ("value: 900", "value: 100000000000000000000000", "less than or equal to 1000000000"),
        ("value: 900", "value: -1", "greater than or equal to 0"),
        ("value: 900", "value: 0900", "'0900' is text (it has a leading zero), not a whole number"),
        ("value: 900", "value: 01604", "'01604' is text (it has a leading zero)"),  # YAML 1.1 octal for 900
        ("value: 900", "value: 15:00", "'15:00' is text, not a whole number"),  # YAML 1.1 base 60 for 900
        ("value: 900", "value: 0x384", "'0x384' is text, not a whole number"),
        ("value: 900", "value: 9_00", "'9_00' is text, not a whole number"),
        ("approximate: true", "approximate: 1", "1 is a int; write true or false"),
        ("approximate: true", 'approximate: "yes"', "'yes' is text; write true or false"),
    ],
)
def test_numbers_and_flags_are_not_coerced(built_root: Path, old: str, new: str, expected: str) -> None:
    path = annotation(built_root)
    edit(path, old, new)
    line = line_of(path, new)
    refused(built_root, f"fx2_icaro.yaml:{line}: ", expected)


def test_occurrence_true_is_not_one(built_root: Path) -> None:
    path = annotation(built_root)
    edit(
        path,
        '    quantity: personnel\n    counted_as_written: troops\n    number_text: "900"',
        '    occurrence: true\n    quantity: personnel\n    counted_as_written: troops\n    number_text: "900"',
    )
    line = line_of(path, "occurrence: true")
    refused(built_root, f"fx2_icaro.yaml:{line}: figures[1].occurrence: True is a boolean, not a whole number")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("      end: 2024-01-09\n", "      end: 2024-01-08\n", "start 2024-01-09 is after end 2024-01-08"),
        ("      start: 2024-01-09\n", "      start: 2024-02-30\n", "day value is outside expected range"),
        ("      start: 2024-01-09\n", "      start: 20240109\n", "20240109 is not a date written YYYY-MM-DD"),
        ("      end: 2024-01-09\n", "      end: 9999-12-31\n", "'9999-12-31': the year must lie between 1800 and 2200"),
        ("      start: 2024-01-09\n", "      start: 0001-01-01\n", "the year must lie between 1800 and 2200"),
    ],
)
def test_publication_dates_in_order_and_real(built_root: Path, old: str, new: str, expected: str) -> None:
    path = built_root / "sources.yaml"
    edit(path, old, new)
    output = refused(built_root, "sources[1].published", expected)
    line = int(output.split("sources.yaml:")[1].split(":")[0])
    assert line_of(path, "as_written: 09/01/2024") - 1 <= line <= line_of(path, new.strip())


# -- articles and files --------------------------------------------------------------------


def reseal(root: Path, name: str, data: bytes) -> None:
    """Write an article and record its new sha256 in sources.yaml, so only its text is at fault."""
    path = root / "sources" / f"{name}.txt"
    old = hashlib.sha256(path.read_bytes()).hexdigest()
    path.write_bytes(data)
    edit(root / "sources.yaml", old, hashlib.sha256(data).hexdigest())


def test_an_article_with_a_byte_order_mark_is_refused(built_root: Path) -> None:
    text = (built_root / "sources" / "fx1_focus.txt").read_bytes()
    reseal(built_root, "fx1_focus", b"\xef\xbb\xbf" + text)
    refused(built_root, "fx1_focus.txt:1: starts with a byte order mark")


def test_an_article_with_crlf_line_ends_is_refused_at_the_first(built_root: Path) -> None:
    text = (built_root / "sources" / "fx1_focus.txt").read_bytes()
    assert text.count(b"\n") >= 2
    reseal(built_root, "fx1_focus", text.replace(b"\n", b"\r\n"))
    refused(built_root, "fx1_focus.txt:1: a carriage return (CR")


@pytest.mark.parametrize(("character", "code"), [("\x00", "U+0000"), ("\x1b", "U+001B"), ("\u0085", "U+0085")])
def test_an_article_with_a_control_character_is_refused(built_root: Path, character: str, code: str) -> None:
    text = (built_root / "sources" / "fx1_focus.txt").read_bytes()
    first = text.index(b"\n")
    reseal(built_root, "fx1_focus", text[: first + 1] + character.encode("utf-8") + text[first + 1 :])
    refused(built_root, f"fx1_focus.txt:2: a control character {code}")


@pytest.mark.parametrize("name", ["fx3_new.yml", "notes.txt", "sub"])
def test_a_file_in_annotations_that_is_not_read_is_refused(built_root: Path, name: str) -> None:
    target = built_root / "annotations" / name
    if name == "sub":
        target.mkdir()
    else:
        target.write_text("source_id: fx3_new\n", encoding="utf-8")
    refused(built_root, f"{name}: not read: only <source id>.yaml files are read in annotations/")


# -- what only the validator sees ------------------------------------------------------------


def test_an_alias_found_in_no_article_fails_the_build(built_root: Path) -> None:
    edit(
        built_root / "registry" / "actors.yaml",
        "      - {alias: Iraq, alias_kind: name}",
        "      - {alias: Iraq, alias_kind: name}\n      - {alias: Mesopotamia, alias_kind: name}",
    )
    refused(built_root, "INVALID", "alias-occurs", "the release was not changed")


def test_an_uncoded_number_fails_the_build(built_root: Path) -> None:
    text = (built_root / "sources" / "fx2_icaro.txt").read_bytes()
    reseal(built_root, "fx2_icaro", text + b"Officials counted 47 convoys.\n")
    refused(built_root, "INVALID", "numbers-coded", "the release was not changed")
