"""The `flutter-rl` command line. Each subcommand is a thin layer over a plain function."""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from flutter_rl.settings import Settings, SettingsError, load_settings


def _settings(args: argparse.Namespace, *, file_optional: bool = False) -> Settings:
    overrides = dict(item.split("=", 1) for item in (args.set or []))
    return load_settings(args.config, preset=args.preset, overrides=overrides, file_optional=file_optional)


def _cmd_doctor(args: argparse.Namespace) -> int:
    from flutter_rl.doctor import print_report, run_checks

    return 0 if print_report(run_checks(quick=args.quick)) else 1


def _cmd_config(args: argparse.Namespace) -> int:
    import json

    from flutter_rl import settings_docs

    if args.action == "defaults":
        print(settings_docs.defaults_toml(), end="")
    elif args.explain:
        print(settings_docs.explain(_settings(args)))
    else:
        print(json.dumps(_settings(args).to_toml_dict(), indent=2))
    return 0


def _cmd_services(args: argparse.Namespace) -> int:
    from flows import services

    settings = _settings(args)
    if args.action == "up":
        services.up(settings)
    elif args.action == "down":
        services.down(settings)
    elif args.action == "env":
        for key, value in services.client_env(settings).items():
            print(f"export {key}={value}")
        return 0
    report = services.status(settings)
    for name, info in report.items():
        state = "healthy" if info["healthy"] else ("running, not healthy" if info["running"] else "down")
        print(f"{name:15s} {state:22s} {info['url']}")
    return 0 if args.action != "status" or all(i["healthy"] for i in report.values()) else 3


def _cmd_synth(args: argparse.Namespace) -> int:
    from flutter_rl.synth.synth_command import run_synth

    return run_synth(_settings(args), args.n, args.out, args.seed)


def _cmd_curate(args: argparse.Namespace) -> int:
    from flutter_rl.curate.curate_command import run_curate

    return run_curate(_settings(args))


def _cmd_data(args: argparse.Namespace) -> int:
    from flutter_rl.curate.curate_command import show_manifest

    return show_manifest(_settings(args), args.version)


def _cmd_train(args: argparse.Namespace) -> int:
    from flutter_rl.train.run import train_command

    return train_command(_settings(args), args.manifest)


def _cmd_make_tiny_policy(args: argparse.Namespace) -> int:
    from flutter_rl.train.tiny_policy import make_tiny_policy

    print(f"tiny policy written to {make_tiny_policy(args.out, seed=args.seed)}")
    return 0


def _config_path(args: argparse.Namespace) -> str:
    import os

    from flutter_rl.settings import DEFAULT_FILE, SETTINGS_ENV

    return args.config or os.environ.get(SETTINGS_ENV) or DEFAULT_FILE


def _cmd_deploy(args: argparse.Namespace) -> int:
    import os

    from flows import services

    settings = _settings(args)
    os.environ.update(services.client_env(settings))
    from flows.deployments import register_deployments

    for name in register_deployments(settings, _config_path(args)):
        print(f"deployment {name}")
    return 0


def _cmd_run(args: argparse.Namespace) -> int:
    from flows.main_job import run_main_job

    return run_main_job(_settings(args), _config_path(args), deployment=args.deployment)


def _cmd_render(args: argparse.Namespace) -> int:
    from flutter_renderer.render import render_file

    # the renderer stands alone: without a pipeline.toml here it renders with its defaults (+ --set)
    return render_file(args.source, args.output, settings=_settings(args, file_optional=True).renderer)


def _cmd_render_examples(args: argparse.Namespace) -> int:
    from flutter_renderer.examples import regenerate

    return regenerate(settings=_settings(args, file_optional=True).renderer)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="flutter-rl", description=__doc__)
    parser.add_argument("--config", help="settings file (default: pipeline.toml or $FLUTTER_RL_SETTINGS)")
    parser.add_argument("--preset", help="a preset: NAME of recipes/NAME.toml, or a .toml file")
    parser.add_argument("--set", action="append", metavar="SECTION.KEY=VALUE", help="override one setting")
    sub = parser.add_subparsers(dest="command", required=True)

    render = sub.add_parser("render", help="render one Flutter/Dart file to a PNG with the [renderer] backend")
    render.add_argument("source", help="a .dart file")
    render.add_argument("-o", "--output", help="PNG path (default: the source with .png)")
    render.set_defaults(func=_cmd_render)
    render_examples = sub.add_parser("render-examples", help="re-render flutter_renderer/examples/*.dart to PNGs")
    render_examples.set_defaults(func=_cmd_render_examples)

    doctor = sub.add_parser("doctor", help="check what on this machine is usable")
    doctor.add_argument("--quick", action="store_true", help="skip the slower import checks")
    doctor.set_defaults(func=_cmd_doctor)

    config = sub.add_parser("config", help="print the resolved settings (show), or pipeline.toml's defaults (defaults)")
    config.add_argument(
        "action",
        nargs="?",
        choices=["show", "defaults"],
        default="show",
        help="show: the resolved settings (default); defaults: the text of pipeline.toml, generated",
    )
    config.add_argument("--explain", action="store_true", help="show each setting with its default and help")
    config.set_defaults(func=_cmd_config)

    svc = sub.add_parser("services", help="start/stop/inspect the local Prefect and MLflow services")
    svc.add_argument("action", choices=["up", "down", "status", "env"])
    svc.set_defaults(func=_cmd_services)

    synth = sub.add_parser("synth", help="generate and render synthetic Flutter screens into a folder")
    synth.add_argument("--n", type=int, default=500, help="number of screens (default 500)")
    synth.add_argument("--out", help="output folder (default <data.output_dir>/synth-<seed>-<n>)")
    synth.add_argument("--seed", type=int, help="generation seed (default data.seed)")
    synth.set_defaults(func=_cmd_synth)

    curate = sub.add_parser("curate", help="curate [data] into a versioned manifest; print its counts and path")
    curate.set_defaults(func=_cmd_curate)
    data = sub.add_parser("data", help="inspect curated manifests")
    data_sub = data.add_subparsers(dest="data_command", required=True)
    show = data_sub.add_parser("show", help="the counts and path of one manifest")
    show.add_argument("version", help="a manifest version (its folder name under data.output_dir) or directory")
    show.set_defaults(func=_cmd_data)

    train = sub.add_parser("train", help="GRPO-train the [model] policy on the curated train split, logged to MLflow")
    train.add_argument("--manifest", help="a curated manifest directory (default: curate from [data] now)")
    train.set_defaults(func=_cmd_train)

    tiny = sub.add_parser("make-tiny-policy", help="build a random 2-layer offline Qwen3-VL policy (tests, smoke runs)")
    tiny.add_argument("--out", default="runs/tiny-policy", help="output directory (default runs/tiny-policy)")
    tiny.add_argument("--seed", type=int, default=0, help="weight initialisation seed (default 0)")
    tiny.set_defaults(func=_cmd_make_tiny_policy)

    deploy = sub.add_parser("deploy", help="register the Prefect deployments (train-and-eval/default, ...)")
    deploy.set_defaults(func=_cmd_deploy)

    run = sub.add_parser("run", help="the main job: services up, deploy, run train-and-eval/default, print results")
    run.add_argument("--deployment", default="train-and-eval/default", help="flow/deployment to run")
    run.set_defaults(func=_cmd_run)

    from flutter_rl.evaluate.cli import add_commands as add_evaluate_commands

    add_evaluate_commands(sub, _settings)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (RuntimeError, OSError) as exc:  # ServicesError, a missing file...: one clear line, no traceback
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
