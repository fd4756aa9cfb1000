"""The web tests' server: one real ``usiraq serve`` on a free port for the session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from webserver import Server, start, stop


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    started = start([], tmp_path_factory.mktemp("cache"))
    yield started
    code, _, err = stop(started)
    assert code == 0, err
    assert "Traceback" not in err
