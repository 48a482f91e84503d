"""Shared helpers for the page tests: the app's scripts and their URLs, and a Streamlit server for Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from streamlit.source_util import page_icon_and_name, page_sort_key

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 720}
IN_CI = os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def scripts() -> list[Path]:
    """app.py and every page in pages/, in Streamlit's own order (the rules of its pages-directory mode)."""
    folder = ROOT / "pages"
    pages = [p for p in folder.glob("*.py") if not p.name.startswith(".") and p.name != "__init__.py"]
    return [ROOT / "app.py", *sorted(pages, key=page_sort_key)]


def page_name(script: Path) -> str:
    """The page's URL path as Streamlit derives it ('pages/1_Peta.py' -> 'Peta'), or 'app' for the home page."""
    return "app" if script.parent == ROOT else page_icon_and_name(script)[1]


def page_url(base: str, script: Path, lang: str) -> str:
    """The direct link to a page in a language ('id' is the default and has no query)."""
    path = "" if script.parent == ROOT else page_name(script)
    return f"{base}/{path}" + ("" if lang == "id" else f"?lang={lang}")


def unavailable() -> str | None:
    """Why the browser tests cannot run here, or None when Chromium and Playwright are both present."""
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} not found: install Debian's package (apt-get install chromium fonts-dejavu-core)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as err:
        return f"playwright cannot be imported ({err}): pip install -r requirements.txt"
    return None


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def streamlit_server(
    timeout: float = 60, env: dict[str, str] | None = None, log_name: str = "streamlit.log"
) -> Iterator[str]:
    """Run `streamlit run app.py` on a free port until the block ends; yields the base URL. Output goes to artifacts/."""
    port = free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    log_path = ARTIFACTS / log_name
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
    ]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, **(env or {})},
        )
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + timeout
            while not _healthy(f"{base}/_stcore/health"):
                if process.poll() is not None or time.monotonic() > deadline:
                    state = (
                        f"exited with {process.returncode}"
                        if process.poll() is not None
                        else f"not healthy after {timeout:.0f} s"
                    )
                    tail = log_path.read_text(errors="replace")[-3000:]
                    raise RuntimeError(f"Streamlit server {state}. Log ({log_path}):\n{tail}")
                time.sleep(0.2)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def require_browser() -> bool:
    """Called at the top of a browser test module: skip the module when Chromium or Playwright is missing, except in
    CI, where the `browser` fixture fails instead. True when the browser tests can run (Playwright can be imported)."""
    reason = unavailable()
    if reason and not IN_CI:
        pytest.skip(f"browser tests skipped: {reason}", allow_module_level=True)
    return reason is None


def serving(**kwargs) -> Iterator[str]:
    """The body of a module's `server` fixture (`yield from serving(...)`): a Streamlit server for the module's tests,
    or a test failure that shows why it did not start. Arguments as for `streamlit_server`."""
    try:
        with streamlit_server(**kwargs) as base:
            yield base
    except RuntimeError as err:
        pytest.fail(str(err), pytrace=False)
