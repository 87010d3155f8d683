"""One warm renderer: a Flet server (in a thread with its own event loop) and one Chromium page
showing the Flutter web client, reused for every screen.

Every update of the page (a screen, or the blank screen shown between two) also paints a frame
marker: a strip below the screen, in a color that changes with each update. The page is a few
pixels taller than the screen, the screen is clipped to its own area and only that area is
returned, so no screen can paint or be mistaken for the marker. A render shows the blank screen,
waits until its marker is on screen, shows the new screen, and takes screenshots until two
consecutive ones are identical and show the new marker (so they are of the frame with the new
screen, drawn in the same Flutter frame as the marker); it returns the screen area of that one.

A screenshot is only returned if the page's graphics survived the render: the driver remembers
Chromium's GPU process and counts WebGL context losses in the page; when the GPU process died or
a context was lost, the frame may be blank or partial, and the render raises `DriverCrash` (the pool
restarts the worker and renders the sample again on a fresh browser). Never used across processes:
each pool worker owns one driver.
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
import psutil
import uvicorn
from PIL import Image
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from flutter_renderer.api import RenderSize
from flutter_renderer.embedded.fonts import shared_assets_dir
from flutter_renderer.embedded.mapping import Screen, build_screen
from flutter_renderer.embedded.scaffold import theme as theme_data
from flutter_renderer.embedded.warmup import WARMUP_SCREENS

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--font-render-hinting=none",
]
# An Android user agent makes Flutter's defaultTargetPlatform android (as on the phones the
# screenshots come from): 48 px tap targets, standard density, no desktop scrollbars.
ANDROID_USER_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Mobile Safari/537.36"
)
# Animation frames stop when the GPU process dies, so the wait for them is bounded too.
_SETTLE_JS = """async () => {
  await document.fonts.ready;
  await Promise.race([new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))),
                      new Promise(r => setTimeout(r, 1000))]);
}"""
# A screenshot waits for a frame; without a GPU process none comes. Each try is this short, so a dead
# GPU process is noticed within a second or so, not at the sample's deadline.
SCREENSHOT_TRY_S = 1.0
# Shown between two screens, so that no widget state of one screen carries over to the next.
BLANK_COLOR = "#ff01fe02"
# The frame marker: a strip of MARKER_HEIGHT px under the screen, in the next of these colors at each
# update. A stale frame shows an earlier update's color: at most two updates old, as every render
# waits for its own marker, so any palette of three or more colors tells them apart.
MARKER_HEIGHT = 4
MARKER_COLORS = ((0, 0, 255), (255, 0, 0), (0, 255, 0), (255, 255, 0), (255, 0, 255), (0, 255, 255))
MARKER_TOLERANCE = 48  # per channel; the marker colors differ by 255 in at least one channel
# Counts the WebGL context losses of every canvas the page creates (Flutter's CanvasKit draws into
# WebGL; a lost context shows a blank or stale canvas until Flutter recreates its surface).
_CONTEXT_LOSS_WATCH_JS = """(() => {
  window.__flutterRlContextLosses = 0;
  for (const type of [globalThis.HTMLCanvasElement, globalThis.OffscreenCanvas]) {
    if (!type) continue;
    const getContext = type.prototype.getContext;
    type.prototype.getContext = function (kind, ...rest) {
      const context = getContext.call(this, kind, ...rest);
      if (context && String(kind).startsWith('webgl') && !this.__flutterRlWatched) {
        this.__flutterRlWatched = true;
        this.addEventListener('webglcontextlost', () => { window.__flutterRlContextLosses += 1; });
      }
      return context;
    };
  }
})();"""
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
        self._updates = 0  # page updates so far (each has its marker)
        self._blank_marker: tuple[int, ...] | None = None  # marker of the blank screen last sent, if pending
        self._gpu_process: psutil.Process | None = None
        # A screen timed out on the page: the page may still be busy with it, so it must not be reused.
        self.timed_out = False

    # --- lifecycle ---------------------------------------------------------------------------
    def start(self) -> None:
        """Start the server and the browser, open the page and render a warm-up screen."""
        logging.getLogger("flet").setLevel(logging.ERROR)
        # Always an assets folder of our own: Flet's default ("assets" in the working directory) would
        # serve whatever happens to be there.
        app = ft.run(self._on_session, export_asgi_app=True, no_cdn=True, assets_dir=str(shared_assets_dir()))
        self._loop = asyncio.new_event_loop()
        port = _free_port()
        self._server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", loop="asyncio", lifespan="on")
        )
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
        self._page = self._browser.new_page(
            viewport={"width": size.width, "height": size.height + MARKER_HEIGHT},
            device_scale_factor=size.pixel_ratio,
            user_agent=ANDROID_USER_AGENT,
        )
        self._page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))
        self._page.add_init_script(_CONTEXT_LOSS_WATCH_JS)
        self._page.goto(self._url)
        self._session = self._sessions.get(timeout=BOOT_TIMEOUT_S)
        self._blank_marker = None
        self._page.wait_for_function("document.title === 'ready'", timeout=BOOT_TIMEOUT_S * 1000)
        for tree in WARMUP_SCREENS:
            screen = build_screen(tree, size)
            self._apply_and_shoot(screen.root, screen.theme, screen.dark, BOOT_TIMEOUT_S)
            self._wait_quiet(time.monotonic() + BOOT_TIMEOUT_S)
        self._gpu_process = gpu_process(psutil.Process())

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

    def _stable_screenshot(self, marker: tuple[int, ...], deadline: float) -> bytes:
        """The screen area of the first of two consecutive identical screenshots that show `marker`
        (entrance animations and late fonts settle before that)."""
        previous = None
        while True:
            self._page.evaluate(_SETTLE_JS)
            png = self._screenshot(deadline)
            if png == previous:
                image = Image.open(io.BytesIO(png))
                if self._shows(image, marker):
                    return self._screen_area(image)
            previous = png

    def _screenshot(self, deadline: float) -> bytes:
        """A screenshot of the page, retried in short tries until `deadline`; DriverCrash as soon as the
        GPU process is found dead (before each try: a restarted GPU process can serve stale frames)."""
        while True:
            self._check_graphics(ask_page=False)
            try:
                return self._page.screenshot(timeout=min(self._remaining_ms(deadline), SCREENSHOT_TRY_S * 1000))
            except PlaywrightError as exc:
                if "Timeout" not in str(exc):
                    raise

    def _shows(self, image: Image.Image, marker: tuple[int, ...]) -> bool:
        ratio = self.size.pixel_ratio
        pixel = image.convert("RGB").getpixel(
            (int(self.size.width * ratio / 2), int((self.size.height + MARKER_HEIGHT / 2) * ratio))
        )
        return max(abs(a - b) for a, b in zip(pixel, marker)) <= MARKER_TOLERANCE

    def _screen_area(self, image: Image.Image) -> bytes:
        # A full-page screenshot and a crop here cost less than Playwright's clipped screenshot.
        width, height = self.size.pixels
        buffer = io.BytesIO()
        image.crop((0, 0, width, height)).save(buffer, format="PNG")
        return buffer.getvalue()

    @staticmethod
    def _remaining_ms(deadline: float) -> float:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the screen was not drawn before the deadline")
        return remaining * 1000

    def _next_marker(self) -> tuple[int, ...]:
        self._updates += 1
        return MARKER_COLORS[self._updates % len(MARKER_COLORS)]

    def _wait_marker(self, marker: tuple[int, ...], deadline: float) -> None:
        """Wait until the frame of the update that painted `marker` is on screen."""
        while not self._shows(Image.open(io.BytesIO(self._screenshot(deadline))), marker):
            self._page.evaluate(_SETTLE_JS)

    def _check_graphics(self, ask_page: bool = True) -> None:
        """Raise DriverCrash when the GPU process died or a WebGL context was lost since the page opened
        (the canvas may then show a blank or partial frame). `ask_page` False skips the question to the
        page, which a hung page would never answer."""
        if self._gpu_process is not None and not _alive(self._gpu_process):
            raise DriverCrash("Chromium's GPU process died during the render; its frame cannot be trusted")
        if ask_page and self._page.evaluate("window.__flutterRlContextLosses"):
            raise DriverCrash("the page lost its WebGL context during the render; its frame cannot be trusted")

    def _apply(self, screen: ft.Control, theme: ft.Theme | None, dark: bool, timeout: float) -> tuple[int, ...]:
        """Put `screen` on the page (clipped to the screen area) above a new frame marker; returns the
        marker's color."""
        session, marker = self._session, self._next_marker()
        controls = [
            ft.Container(screen, height=self.size.height, clip_behavior=ft.ClipBehavior.HARD_EDGE),
            ft.Container(height=MARKER_HEIGHT, bgcolor="#ff{:02x}{:02x}{:02x}".format(*marker)),
        ]

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
        return marker

    def _apply_and_shoot(self, root: ft.Control, theme: ft.Theme | None, dark: bool, timeout: float) -> bytes:
        """Wait until the blank screen is drawn, show `root`, wait until its frame marker is drawn, and
        return a stable screenshot of the screen area if the graphics survived. Every screen covers the
        whole area (the root expands and is opaque), and the blank in between unmounts every widget
        of the previous screen, so no state or pixel of it can leak into this one."""
        deadline = time.monotonic() + timeout
        try:
            if self._blank_marker is None:
                self._blank_marker = self._apply(ft.Container(bgcolor=BLANK_COLOR), None, False, timeout)
            self._wait_marker(self._blank_marker, deadline)
            self._blank_marker = None
            marker = self._apply(root, theme or self._default_theme, dark, max(0.1, deadline - time.monotonic()))
            png = self._stable_screenshot(marker, deadline)
            self._check_graphics()
            # Blank the page now, so the next render usually finds the blank screen already drawn.
            self._blank_marker = self._apply(ft.Container(bgcolor=BLANK_COLOR), None, False, timeout)
            return png
        except TimeoutError:
            self._timed_out()
            raise
        except PlaywrightError as exc:
            if "Timeout" in str(exc):
                self._timed_out()
                raise TimeoutError(str(exc).splitlines()[0]) from None
            raise DriverCrash(str(exc).splitlines()[0]) from None

    def _timed_out(self) -> None:
        self.timed_out = True
        # A dead GPU process is why a frame never comes: that is the renderer's crash, not the sample's timeout.
        self._check_graphics(ask_page=False)


def _alive(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def gpu_process(root: psutil.Process) -> psutil.Process | None:
    """The GPU process of a Chromium started under `root` (found by `--type=gpu-process` in its command
    line), or None when there is none."""
    for child in root.children(recursive=True):
        try:
            if "--type=gpu-process" in child.cmdline():
                return child
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return None
