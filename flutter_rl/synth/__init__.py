"""The synthetic screen generator: realistic Flutter screens of every type and difficulty with their
exact source code, rendered into a folder that curation can ingest (`flutter-rl synth`)."""

from flutter_rl.synth.synthetic import SyntheticScreen, generate_screen, synthesize

__all__ = ["SyntheticScreen", "generate_screen", "synthesize"]
