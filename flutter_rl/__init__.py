"""flutter-rl: screenshot -> Flutter code with GRPO on verifiable rewards."""

__version__ = "0.1.0"
