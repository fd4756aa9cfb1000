"""The type check of `make test`: mypy, strict, on the package laid out as installed (tools/typecheck.py)."""

from __future__ import annotations

from pathlib import Path

from fixtures.layout import ROOT, lay_out, to_checkout, typecheck

PLANTED = {
    # a wrong return type, caught by any mypy
    "schema/planted_return.py": 'def count() -> int:\n    return "three"\n',
    # a function without annotations, caught only under the strict settings of pyproject.toml
    "builders/planted_untyped.py": "def double(value):\n    return value * 2\n",
}


def test_the_package_type_checks() -> None:
    code, messages = typecheck()
    assert code == 0, messages


def test_planted_type_errors_are_caught(tmp_path: Path) -> None:
    folder = lay_out(tmp_path / "site")
    for module, text in PLANTED.items():
        (folder / "usiraq" / module).write_text(text, encoding="utf-8")
    code, messages = typecheck(folder)
    assert code == 1, messages
    planted = [line for line in messages.splitlines() if "planted_" in line]
    assert any(
        line.startswith(f"{folder}/usiraq/schema/planted_return.py:2: error:") and "[return-value]" in line
        for line in planted
    ), messages
    assert any(
        line.startswith(f"{folder}/usiraq/builders/planted_untyped.py:1: error:") and "[no-untyped-def]" in line
        for line in planted
    ), messages
    assert messages.endswith(" error(s)\n")


def test_messages_name_the_checkout_files(tmp_path: Path) -> None:
    folder = lay_out(tmp_path / "site")
    output = "usiraq/schema/fields.py:3: error: a\nusiraq/cli/build.py:4: note: b\nFound 2 errors\n"
    expected = "schema/fields.py:3: error: a\nusiraq/cli/build.py:4: note: b\nFound 2 errors\n"
    assert to_checkout(output, folder) == expected
    assert (ROOT / "schema" / "fields.py").is_file()
