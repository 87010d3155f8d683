"""One warm renderer: a Flet server (in a thread with its own event loop) and one Chromium page
showing the Flutter web client, reused for every screen.

A render swaps the page's controls, waits for the frame that carries the new title marker, lets two
animation frames pass and screenshots the viewport. Never used across processes: each pool worker
owns one driver.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import socket
import threading
import time
from typing import Any

import flet as ft
import uvicorn
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from flutter_renderer.api import RenderSize
from flutter_renderer.embedded.mapping import Screen, build_screen
from flutter_renderer.embedded.warmup import WARMUP_SCREENS

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--font-render-hinting=none"]
# An Android user agent makes Flutter's defaultTargetPlatform android (as on the phones the
# screenshots come from): 48 px tap targets, standard density, no desktop scrollbars.
ANDROID_USER_AGENT = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                      "Chrome/130.0.0.0 Mobile Safari/537.36")
_SETTLE_JS = """async () => {
  await document.fonts.ready;
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
}"""
BOOT_TIMEOUT_S = 60.0
WARMUP_QUIET_S = 0.6  # a warm-up screen counts as drawn once it has not changed for this long


class DriverCrash(RuntimeError):
    """The browser, page or server died: the driver is unusable and must be restarted."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PageDriver:
    """A Flet server + Chromium page, started by `start()` and reused by `show()`."""

    def __init__(self, chromium_path: str, size: RenderSize) -> None:
        self.chromium_path = chromium_path
        self.size = size
        self.console: list[str] = []
        self._sessions: "queue.Queue[ft.Page]" = queue.Queue()
        self._count = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: uvicorn.Server | None = None
        self._playwright: Any = None
        self._browser: Any = None
        self._page: Any = None
        self._session: ft.Page | None = None

    # --- lifecycle ---------------------------------------------------------------------------
    def start(self) -> None:
        """Start the server and the browser, open the page and render a warm-up screen."""
        logging.getLogger("flet").setLevel(logging.ERROR)
        app = ft.run(self._on_session, export_asgi_app=True, no_cdn=True)
        self._loop = asyncio.new_event_loop()
        port = _free_port()
        self._server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error",
                                                     loop="asyncio", lifespan="on"))
        threading.Thread(target=self._serve, daemon=True, name="flet-server").start()
        deadline = time.monotonic() + BOOT_TIMEOUT_S
        while not self._server.started:
            if time.monotonic() > deadline:
                raise DriverCrash("the Flet server did not start")
            time.sleep(0.02)
        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=self.chromium_path, args=CHROMIUM_ARGS)
        self._url = f"http://127.0.0.1:{port}/"
        self._open_page(self.size)

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_until_complete(self._server.serve())

    def _on_session(self, page: ft.Page) -> None:
        page.padding = 0
        page.spacing = 0
        page.horizontal_alignment = ft.CrossAxisAlignment.STRETCH
        page.theme_animation_style = ft.AnimationStyle.no_animation()
        page.title = "ready"
        page.update()
        self._sessions.put(page)

    def _open_page(self, size: RenderSize) -> None:
        if self._page is not None:
            self._page.close()
        self._page = self._browser.new_page(viewport={"width": size.width, "height": size.height},
                                            device_scale_factor=size.pixel_ratio, user_agent=ANDROID_USER_AGENT)
        self._page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))
        self._page.goto(self._url)
        self._session = self._sessions.get(timeout=BOOT_TIMEOUT_S)
        self._page.wait_for_function("document.title === 'ready'", timeout=BOOT_TIMEOUT_S * 1000)
        self.size = size
        for tree in WARMUP_SCREENS:
            screen = build_screen(tree, size)
            self._apply_and_shoot(screen.root, screen.theme, screen.dark, BOOT_TIMEOUT_S)
            self._wait_quiet(time.monotonic() + BOOT_TIMEOUT_S)

    def _wait_quiet(self, deadline: float) -> None:
        last, quiet_since = self._page.screenshot(), time.monotonic()
        while time.monotonic() - quiet_since < WARMUP_QUIET_S and time.monotonic() < deadline:
            time.sleep(0.1)
            shot = self._page.screenshot()
            if shot != last:
                last, quiet_since = shot, time.monotonic()

    def close(self) -> None:
        """Stop browser and server; safe to call on a half-started driver."""
        for stop in (lambda: self._browser.close(), lambda: self._playwright.stop()):
            try:
                stop()
            except Exception:  # noqa: BLE001 - best effort teardown of a possibly dead browser
                pass
        if self._server is not None:
            self._server.should_exit = True

    @property
    def browser_pid(self) -> int | None:
        """The Chromium main process id (tests kill it to simulate a crash)."""
        try:
            return self._browser._impl_obj._browser_process_pid  # not public API; tests only
        except AttributeError:
            return None

    # --- rendering ---------------------------------------------------------------------------
    def show(self, screen: Screen, size: RenderSize, timeout: float) -> tuple[bytes, list[str]]:
        """Render one screen; returns the PNG and the console lines it produced.

        Raises TimeoutError when the frame does not arrive in `timeout` seconds, DriverCrash when the
        browser or server is gone, and any Flet validation error from the update itself."""
        if size != self.size:
            self._open_page(size)
        mark = len(self.console)
        png = self._apply_and_shoot(screen.root, screen.theme, screen.dark, timeout)
        return png, self.console[mark:]

    def _stable_screenshot(self, deadline: float) -> bytes:
        """Screenshot until two consecutive frames are identical: the title marker can land a frame
        before the new controls are painted, and entrance animations take a few frames to settle."""
        previous = None
        while True:
            self._page.evaluate(_SETTLE_JS)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("the screen did not settle before the deadline")
            png = self._page.screenshot(timeout=remaining * 1000)
            if png == previous:
                return png
            previous = png

    def _apply_and_shoot(self, root: ft.Control, theme: ft.Theme | None, dark: bool, timeout: float) -> bytes:
        self._count += 1
        marker = f"done-{self._count}"
        session = self._session
        laid_out = threading.Event()
        # The frame-done signal: Flutter reports the new root's size after laying it out (the title
        # marker alone can arrive a frame before the new controls are painted).
        frame = ft.Container(root, expand=True, size_change_interval=0, on_size_change=lambda e: laid_out.set())

        async def apply() -> None:
            session.theme = theme
            session.dark_theme = theme if dark else None
            session.theme_mode = ft.ThemeMode.DARK if dark else ft.ThemeMode.LIGHT
            session.controls = [frame]
            session.title = marker
            session.update()

        deadline = time.monotonic() + timeout
        future = asyncio.run_coroutine_threadsafe(apply(), self._loop)
        try:
            future.result(timeout)
            self._page.wait_for_function(f"document.title === '{marker}'", timeout=timeout * 1000)
            if not laid_out.wait(max(0.0, deadline - time.monotonic())):
                raise TimeoutError("Flutter did not lay out the screen before the deadline")
            return self._stable_screenshot(deadline)
        except TimeoutError:
            future.cancel()
            raise
        except PlaywrightError as exc:
            if "Timeout" in str(exc):
                raise TimeoutError(str(exc).splitlines()[0]) from None
            raise DriverCrash(str(exc).splitlines()[0]) from None
