"""Options that several commands share are defined once (usiraq/cli/options.py) and read the same everywhere."""

from __future__ import annotations

import click
import pytest

from usiraq.cli import main


def option(command: str, name: str) -> click.Parameter:
    found = [param for param in main.commands[command].params if name in param.opts]
    assert len(found) == 1, (command, name)
    return found[0]


def test_the_dataset_root_is_one_option() -> None:
    roots = [option(command, "--root") for command in ("build", "draft", "coverage")]
    assert {root.name for root in roots} == {"root"}
    assert len({root.help for root in roots if isinstance(root, click.Option)}) == 1
    assert all(isinstance(root.type, click.Path) and root.type.exists and not root.type.file_okay for root in roots)


@pytest.mark.parametrize("command", ["diff", "draft"])
def test_json_is_a_flag_named_as_json(command: str) -> None:
    flag = option(command, "--json")
    assert isinstance(flag, click.Option) and flag.is_flag and flag.name == "as_json"


OUT_IS_A_FOLDER = {"build": True, "export": True, "release": True, "draft": False}


@pytest.mark.parametrize(("command", "folder"), sorted(OUT_IS_A_FOLDER.items()))
def test_out_is_a_folder_or_a_file(command: str, folder: bool) -> None:
    out = option(command, "--out")
    assert isinstance(out.type, click.Path)
    assert (out.type.dir_okay, out.type.file_okay) == (folder, not folder)


def test_the_dataset_root_defaults_to_the_package_dataset() -> None:
    from usiraq.release.build import default_root

    context = main.commands["coverage"].make_context("coverage", [])
    assert context.params["root"] == default_root()
