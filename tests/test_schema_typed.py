"""Typed access to built rows and enum members: ``Record.rows_in`` and ``DescribedEnum.of``."""

from __future__ import annotations

from pathlib import Path

import pytest
from usiraq.builders.build import build_tables
from usiraq.builders.inputs import load_inputs
from usiraq.dataset import dataset_root
from usiraq.schema.enums import Quantity
from usiraq.schema.tables.claims import Claim
from usiraq.schema.tables.force_figures import ForceFigure


@pytest.fixture(scope="module")
def built() -> dict[str, list]:
    return build_tables(load_inputs(Path(str(dataset_root()))))


def test_rows_in_gives_a_models_table(built: dict[str, list]) -> None:
    figures = ForceFigure.rows_in(built)
    assert figures == built["force_figures"]
    assert figures and all(isinstance(row, ForceFigure) for row in figures)
    assert sum(claim.char_end - claim.char_start for claim in Claim.rows_in(built)) > 0


def test_rows_in_refuses_rows_of_another_model(built: dict[str, list]) -> None:
    with pytest.raises(TypeError, match="force_figures holds rows that are not ForceFigure rows"):
        ForceFigure.rows_in({"force_figures": built["claims"][:1]})


def test_of_finds_a_member_by_value() -> None:
    assert Quantity.of("bases") is Quantity.BASES
    assert Quantity.of("bases") is Quantity("bases")
    with pytest.raises(ValueError, match="'troopers' is not a valid Quantity"):
        Quantity.of("troopers")
