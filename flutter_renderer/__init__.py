"""Flutter code -> PNG. `render_batch` is the entry point; backends live in submodules."""

from flutter_renderer.api import ErrorKind, RenderBackend, RenderResult, RenderSize

__all__ = ["ErrorKind", "RenderBackend", "RenderResult", "RenderSize"]
