"""Prefect tasks: each a thin wrapper over a plain function of flutter_rl or flutter_renderer."""
