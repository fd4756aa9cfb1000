"""Typed access to enum members: ``DescribedEnum.of``."""

from __future__ import annotations

import pytest
from usiraq.schema.enums import Quantity


def test_of_finds_a_member_by_value() -> None:
    assert Quantity.of("bases") is Quantity.BASES
    assert Quantity.of("bases") is Quantity("bases")
    with pytest.raises(ValueError, match="'troopers' is not a valid Quantity"):
        Quantity.of("troopers")
