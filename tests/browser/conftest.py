"""Headless Chromium driven over the DevTools protocol on a pipe: no driver, no browser download.

Chromium is Debian's `chromium` (`make test` and .ci/run install it through apt). When it is
missing the browser tests fail and say how to get it; only TIMELINE_SKIP_BROWSER=1 skips them.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

SKIP_ENV = "TIMELINE_SKIP_BROWSER"
BROWSER_ENV = "TIMELINE_CHROMIUM"
TIMEOUT_S = 30.0


def find_chromium() -> str | None:
    """The Chromium binary: $TIMELINE_CHROMIUM, else chromium or chromium-browser on PATH."""
    named = os.environ.get(BROWSER_ENV)
    if named:
        return named
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Browser:
    """One headless Chromium page, spoken to in DevTools protocol messages over two pipes."""

    def __init__(self, binary: str, profile: Path) -> None:
        to_child, self._send_fd = os.pipe()
        self._recv_fd, from_child = os.pipe()

        def wire() -> None:  # in the child: Chromium reads fd 3 and writes fd 4
            high_in, high_out = os.dup(to_child), os.dup(from_child)
            os.dup2(high_in, 3)
            os.dup2(high_out, 4)

        self.process = subprocess.Popen(
            [
                binary,
                "--headless",
                "--remote-debugging-pipe",
                "--no-sandbox",  # tests run as root in CI
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--window-size=1000,800",
                "about:blank",
            ],
            preexec_fn=wire,
            pass_fds=(3, 4),  # kept open through the close of inherited descriptors
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_child)
        os.close(from_child)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None

    def _read_message(self) -> dict[str, Any]:
        """The next NUL-terminated JSON message from Chromium."""
        import select

        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._recv_fd], [], [], TIMEOUT_S)
            if not ready:
                raise TimeoutError("Chromium did not answer within the timeout")
            chunk = os.read(self._recv_fd, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def send(self, method: str, params: dict[str, Any] | None = None, **where: Any) -> Any:
        """Call a DevTools method (on the page once attached) and return its result."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        session = where.get("session", self.session)
        if session:
            message["sessionId"] = session
        os.write(self._send_fd, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read_message()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, method: str) -> dict[str, Any]:
        """Wait for an event of the page, keeping the others."""
        for event in self.events:
            if event["method"] == method:
                return event
        while True:
            reply = self._read_message()
            if "method" in reply:
                self.events.append(reply)
                if reply["method"] == method:
                    return reply

    def open_page(self) -> None:
        """Open a page and watch its network, console and log."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        attached = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
        self.session = attached["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.send(f"{domain}.enable")

    def goto(self, url: str) -> None:
        """Load a URL and wait for its load event."""
        self.events.clear()
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """Run JavaScript in the page and return its value."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def press(self, key: str, code: str, text: str = "") -> None:
        """Press and release a key as a person would."""
        down = {"type": "keyDown", "key": key, "code": code}
        if text:
            down["text"] = text
        self.send("Input.dispatchKeyEvent", down)
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": key, "code": code})

    def close(self) -> None:
        """Ask Chromium to quit, and make sure it did."""
        with contextlib.suppress(OSError, RuntimeError, TimeoutError):
            self.send("Browser.close", session=None)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._send_fd)
        os.close(self._recv_fd)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """Headless Chromium with one page open; fails (never skips silently) when it is missing."""
    if os.environ.get(SKIP_ENV) == "1":
        pytest.skip(f"{SKIP_ENV}=1: browser tests skipped on request")
    binary = find_chromium()
    if binary is None:
        pytest.fail(
            "Chromium is not installed, so the HTML export cannot be checked in a browser. "
            "Install Debian's package (`apt-get install chromium`; `make test` does it), "
            f"point {BROWSER_ENV} at a binary, or set {SKIP_ENV}=1 to skip these tests.",
            pytrace=False,
        )
    opened = Browser(binary, tmp_path_factory.mktemp("chromium-profile"))
    try:
        opened.send("Browser.getVersion", session=None)
        opened.open_page()
        yield opened
    finally:
        opened.close()
