"""Start and stop a real ``usiraq serve`` on a free port, for the web tests."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
STARTUP_SECONDS = 180


def usiraq_command() -> list[str]:
    """The installed ``usiraq`` script of the interpreter running the tests."""
    script = Path(sys.executable).with_name("usiraq")
    return [str(script)] if script.is_file() else [shutil.which("usiraq") or "usiraq"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    """Status and body of a GET, errors included (urllib raises on 4xx/5xx)."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


@dataclass
class Server:
    url: str
    process: subprocess.Popen[str]
    cache: Path

    def get(self, path: str) -> tuple[int, str]:
        return get(self.url.rstrip("/") + path)


def start(args: list[str], cache: Path) -> Server:
    """Start ``usiraq serve ARGS --port N`` and wait until it answers (or fail with its output)."""
    port = free_port()
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    process = subprocess.Popen(
        [*usiraq_command(), "serve", *args, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"usiraq serve exited with {process.returncode}:\n{out}\n{err}")
        try:
            if get(url)[0] == 200:
                return Server(url, process, cache)
        except OSError:
            pass
        time.sleep(0.3)
    stop(Server(url, process, cache))
    pytest.fail(f"usiraq serve did not answer on {url} within {STARTUP_SECONDS} s")


def stop(server: Server) -> tuple[int, str, str]:
    """Ctrl-C the server; its exit code and output."""
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGINT)
    out, err = server.process.communicate(timeout=60)
    return server.process.returncode, out, err
