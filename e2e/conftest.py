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


def start(data):
    """Starts `minbar serve --demo` on a free port over `data`; returns the process and its Site."""
    process = subprocess.Popen(
        [binary(), "serve", "--data", data, "--demo", "--port", "0", "--log-level", "warning"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        line = process.stdout.readline()
        match = re.search(r"serving (http://[^/ ]+)/", line)
        if match:
            return process, Site(match.group(1))
    process.kill()
    raise RuntimeError("minbar did not start")


def stop(process):
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=15)


@pytest.fixture(scope="session")
def site():
    process, served = start(tempfile.mkdtemp(prefix="minbar-e2e-"))
    yield served
    stop(process)


# Accounts of the newsroom site, made with `minbar user add` as an installer would.
ACCOUNTS = {
    "administrator": ("admin@news.example", "كلمة سر المدير الطويلة"),
    "editor": ("editor@news.example", "كلمة سر المحرر الطويلة"),
    "contributor": ("contributor@news.example", "كلمة سر المساهم الطويلة"),
}


@pytest.fixture(scope="session")
def newsroom():
    data = tempfile.mkdtemp(prefix="minbar-e2e-admin-")
    for role, (email, password) in ACCOUNTS.items():
        subprocess.run(
            [binary(), "user", "add", "--data", data, "--email", email, "--name", role, "--role", role, "--password-stdin"],
            input=password + "\n", text=True, check=True, capture_output=True)
    process, served = start(data)
    yield served
    stop(process)
