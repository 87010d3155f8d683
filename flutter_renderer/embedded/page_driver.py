"""One warm renderer: a Flet server (in a thread with its own event loop) and one Chromium page
showing the Flutter web client, reused for every screen.

A render replaces a full-page sentinel color with the new screen's controls, waits until the
sentinel is gone from the screen and two consecutive frames are identical, and returns that
screenshot. Never used across processes: each pool worker owns one driver.
"""

from __future__ import annotations

import asyncio
import io
import logging
import queue
import socket
import threading
import time
from typing import Any

import flet as ft
import uvicorn
from PIL import Image
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from flutter_renderer.api import RenderSize
from flutter_renderer.embedded.fonts import shared_assets_dir
from flutter_renderer.embedded.mapping import Screen, build_screen
from flutter_renderer.embedded.scaffold import theme as theme_data
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
# Shown between two screens; a screenshot is taken only once it has been replaced. No real screen
# paints this exact color at its top-left pixel (and if one did, it would time out, never be misread).
SENTINEL = "#ff01fe02"
SENTINEL_RGB = (1, 254, 2)
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
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: uvicorn.Server | None = None
        self._playwright: Any = None
        self._browser: Any = None
        self._page: Any = None
        self._session: ft.Page | None = None
        self._default_theme = theme_data(None)[0]  # for screens built without one (Flutter's default)
        self._blanked = False  # the sentinel screen has been sent (maybe not yet drawn)

    # --- lifecycle ---------------------------------------------------------------------------
    def start(self) -> None:
        """Start the server and the browser, open the page and render a warm-up screen."""
        logging.getLogger("flet").setLevel(logging.ERROR)
        # Always an assets folder of our own: Flet's default ("assets" in the working directory) would
        # serve whatever happens to be there.
        app = ft.run(self._on_session, export_asgi_app=True, no_cdn=True, assets_dir=str(shared_assets_dir()))
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
        self._page = self._browser.new_page(viewport={"width": size.width, "height": size.height},
                                            device_scale_factor=size.pixel_ratio, user_agent=ANDROID_USER_AGENT)
        self._page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))
        self._page.goto(self._url)
        self._session = self._sessions.get(timeout=BOOT_TIMEOUT_S)
        self._blanked = False
        self._page.wait_for_function("document.title === 'ready'", timeout=BOOT_TIMEOUT_S * 1000)
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

    # --- rendering ---------------------------------------------------------------------------
    def show(self, screen: Screen, timeout: float) -> tuple[bytes, list[str]]:
        """Render one screen at the driver's size; returns the PNG and the console lines it produced.

        Raises TimeoutError when the frame does not arrive in `timeout` seconds, DriverCrash when the
        browser or server is gone, and any Flet validation error from the update itself."""
        mark = len(self.console)
        png = self._apply_and_shoot(screen.root, screen.theme, screen.dark, timeout)
        return png, self.console[mark:]

    def _stable_screenshot(self, deadline: float) -> bytes:
        """Screenshot until two consecutive frames are identical (entrance animations, late fonts)."""
        previous = None
        while True:
            self._page.evaluate(_SETTLE_JS)
            png = self._page.screenshot(timeout=self._remaining_ms(deadline))
            if png == previous:
                return png
            previous = png

    @staticmethod
    def _remaining_ms(deadline: float) -> float:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the screen was not drawn before the deadline")
        return remaining * 1000

    def _corner_shows_sentinel(self, deadline: float) -> bool:
        png = self._page.screenshot(clip={"x": 0, "y": 0, "width": 1, "height": 1},
                                    timeout=self._remaining_ms(deadline))
        pixel = Image.open(io.BytesIO(png)).convert("RGB").getpixel((0, 0))
        return max(abs(a - b) for a, b in zip(pixel, SENTINEL_RGB)) <= 2

    def _wait_corner(self, sentinel: bool, deadline: float) -> None:
        """Poll the top-left pixel until it does (or no longer does) show the sentinel color."""
        while self._corner_shows_sentinel(deadline) != sentinel:
            self._page.evaluate(_SETTLE_JS)

    def _apply(self, controls: list[ft.Control], theme: ft.Theme | None, dark: bool, timeout: float) -> None:
        session = self._session

        async def apply() -> None:
            if theme is not None:
                session.theme = theme
                session.dark_theme = theme if dark else None
                session.theme_mode = ft.ThemeMode.DARK if dark else ft.ThemeMode.LIGHT
            session.controls = controls
            session.update()

        future = asyncio.run_coroutine_threadsafe(apply(), self._loop)
        try:
            future.result(timeout)
        except TimeoutError:
            future.cancel()
            raise

    def _apply_and_shoot(self, root: ft.Control, theme: ft.Theme | None, dark: bool, timeout: float) -> bytes:
        """Show the sentinel screen, wait until it is on screen, show `root`, wait until the sentinel is
        gone and the frame is stable. Every screen covers the whole page (the root expands and is
        opaque), so a screenshot can never be of the previous screen, however late Flutter paints."""
        deadline = time.monotonic() + timeout
        try:
            if not self._blanked:
                self._apply([ft.Container(bgcolor=SENTINEL, expand=True)], None, False, timeout)
            self._blanked = False
            self._wait_corner(True, deadline)
            self._apply([root], theme or self._default_theme, dark, max(0.1, deadline - time.monotonic()))
            self._wait_corner(False, deadline)
            png = self._stable_screenshot(deadline)
            # Blank the page now, so the next render usually finds the sentinel already drawn.
            self._apply([ft.Container(bgcolor=SENTINEL, expand=True)], None, False, timeout)
            self._blanked = True
            return png
        except PlaywrightError as exc:
            if "Timeout" in str(exc):
                raise TimeoutError(str(exc).splitlines()[0]) from None
            raise DriverCrash(str(exc).splitlines()[0]) from None
