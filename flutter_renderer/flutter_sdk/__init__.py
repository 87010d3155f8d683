"""The real Flutter SDK backend: `flutter test` renders candidates through a golden-test harness.

Selected by `[renderer] backend = "flutter"`. Modules: `sdk` (find the SDK and its fonts), `roots` (what
is pumped for a candidate), `harness` (the project and the generated test), `analyze` (dart analyze
output), `machine_events` (flutter test --machine output), `flutter_errors` (classify Flutter's error
reports), `sandbox` (bwrap / unshare / limits), `environment` (the sandbox an SDK needs, the smoke
command), `runner` (one batch through the SDK), `backend` (the RenderBackend), `diagnose` (doctor rows).
"""

from flutter_renderer.flutter_sdk.backend import FlutterSdkBackend
from flutter_renderer.flutter_sdk.sdk import FlutterSdkError

__all__ = ["FlutterSdkBackend", "FlutterSdkError"]
