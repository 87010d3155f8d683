"""The real Flutter SDK backend: `flutter test` renders candidates through a golden-test harness.

Selected by `[renderer] backend = "flutter"`. Modules: `sdk` (find the SDK and its fonts), `harness`
(root widget, generated test), `analyze` (dart analyze output), `machine_events` (flutter test
--machine output), `flutter_errors` (classify Flutter's error reports), `sandbox` (bwrap / unshare /
limits), `runner` (one batch through the SDK), `backend` (the RenderBackend).
"""

from flutter_renderer.flutter_sdk.backend import FlutterSdkBackend
from flutter_renderer.flutter_sdk.sdk import FlutterSdkError

__all__ = ["FlutterSdkBackend", "FlutterSdkError"]
