"""`python -m flutter_rl.train --config SETTINGS [--manifest DIR]`: what each process of a launched
training runs (`flutter_rl.train.launch`), the same as `flutter-rl --config SETTINGS train`."""

from __future__ import annotations

import argparse
import sys

from flutter_rl.settings import SettingsError, load_settings
from flutter_rl.train.run import train_command


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, load the settings file, train; the exit code of `train_command`."""
    parser = argparse.ArgumentParser(prog="python -m flutter_rl.train", description=__doc__)
    parser.add_argument("--config", required=True, help="the settings file (a launched run's launch-settings.toml)")
    parser.add_argument("--manifest", help="a curated manifest directory (default: curate from [data] now)")
    args = parser.parse_args(argv)
    try:
        settings = load_settings(args.config)
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return train_command(settings, args.manifest)


if __name__ == "__main__":
    sys.exit(main())
