"""Starts the built `minbar` executable with a fresh demo site for the end-to-end checks."""
import os
import pathlib
import re
import signal
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED_PATH = "/2015/12/21/تحالف-فرنسي-روسي-ضد-تنظيم-الدولة-الإسلامية-في-سوريا/"


def binary():
    """The built minbar executable."""
    for configuration in ("debug", "release"):
        candidate = ROOT / ".build" / configuration / "minbar"
        if candidate.exists():
            return str(candidate)
    raise RuntimeError("build minbar first (swift build)")


class Site:
    def __init__(self, base):
        self.base = base

    def url(self, path):
        return self.base + urllib.parse.quote(path, safe="/?=&%")

    def get(self, path, headers=None):
        request = urllib.request.Request(self.url(path) if not path.startswith("http") else path, headers=headers or {})
        try:
            with urllib.request.urlopen(request) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="session")
def site():
    data = tempfile.mkdtemp(prefix="minbar-e2e-")
    process = subprocess.Popen(
        [binary(), "serve", "--data", data, "--demo", "--port", "0", "--log-level", "warning"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    base = None
    deadline = time.time() + 60
    while time.time() < deadline:
        line = process.stdout.readline()
        match = re.search(r"serving (http://[^/ ]+)/", line)
        if match:
            base = match.group(1)
            break
    if base is None:
        process.kill()
        raise RuntimeError("minbar did not start")
    yield Site(base)
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=15)
