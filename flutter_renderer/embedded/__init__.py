"""The embedded renderer: Dart IR -> Flet controls -> Flutter web (Chromium) -> PNG."""
