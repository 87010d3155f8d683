"""Typed, validated settings loaded from `pipeline.toml`.

The file holds one table per stage (data, renderer, reward, model, train, eval, tracking,
orchestration). Defaults below are the seed experiment's values. A preset (`[presets.NAME.SECTION]`)
overlays some keys; environment variables `FLUTTER_RL__SECTION__KEY` and `--set section.key=value`
override single keys last. Any unknown key, wrong type or out-of-range value stops with a
`SettingsError` that names the key, the file and the line.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import tomllib
from pathlib import Path
from typing import Any, Literal, Mapping

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from flutter_renderer.dart.environment import DEFAULT_NOW, Environment

ENV_PREFIX = "FLUTTER_RL__"
PRESET_ENV = "FLUTTER_RL_PRESET"
SETTINGS_ENV = "FLUTTER_RL_SETTINGS"
DEFAULT_FILE = "pipeline.toml"


# The label vocabulary (`flutter_rl.vocabulary` reads its tuples from here).
ScreenType = Literal[
    "login", "signup", "list", "menu", "form", "modal", "settings", "profile", "dashboard", "detail", "chat", "onboarding"
]
Difficulty = Literal["easy", "medium", "hard"]


# Hugging Face `generate`'s KV cache: "static" preallocates it and compiles the decoding forward
# (flutter_rl.train.generation_cache).
GenerationCache = Literal["dynamic", "static"]

# What to crop off a screenshot's top / bottom: the system bar found there, nothing, or that many
# pixels of the original (flutter_rl.curate.system_bars).
CropSetting = Literal["auto", "none"] | int


class SettingsError(ValueError):
    """A settings file or override that cannot be used, with a message a person can act on."""


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class DataSettings(Section):
    source: Literal["synthetic", "folder", "hf"] = "synthetic"
    path: str = ""
    metadata: str = ""
    synthetic_count: int = Field(400, ge=1)
    train_size: int = Field(160, ge=0)  # 0 = an eval-only dataset (every drawn screen goes to eval)
    eval_size: int = Field(100, ge=1)
    train_difficulties: list[Difficulty] = ["easy"]
    train_screen_types: list[ScreenType] = []  # empty = every type; else the others are never trained on
    eval_difficulties: list[Difficulty] = ["easy", "medium", "hard"]
    eval_even_types: bool = False  # the eval split takes every screen type equally (else in the data's proportions)
    min_width: int = Field(200, ge=1)
    min_height: int = Field(300, ge=1)
    min_aspect: float = Field(1.3, gt=0)
    max_aspect: float = Field(2.6, gt=0)
    seed: int = 42
    output_dir: str = "runs/data"
    hf_split: str = "train"
    normalize_width: int = Field(390, ge=0)
    dedupe_distance: int = Field(4, ge=0, le=64)
    crop_status_bar: CropSetting = "auto"
    crop_navigation_bar: CropSetting = "auto"

    @field_validator("crop_status_bar", "crop_navigation_bar", mode="before")
    @classmethod
    def _crop_is_a_mode_or_pixels(cls, value: Any) -> Any:
        if isinstance(value, bool) or (isinstance(value, int) and value < 0) or not isinstance(value, (int, str)):
            raise ValueError('expected "auto", "none" or a number of pixels (0 or more)')
        return value

    @model_validator(mode="after")
    def _aspect_order(self) -> "DataSettings":
        if self.min_aspect > self.max_aspect:
            raise ValueError("min_aspect must not exceed max_aspect")
        return self


class RendererSettings(Section):
    backend: Literal["embedded", "flutter"] = "embedded"
    width: int = Field(390, ge=16, le=4096)
    height: int = Field(844, ge=16, le=4096)
    pixel_ratio: float = Field(1.0, gt=0, le=4)
    workers: int = Field(2, ge=1, le=64)
    timeout_s: float = Field(10.0, gt=0)
    chromium_path: str = "/usr/bin/chromium"
    flutter_sdk: str = ""
    real_fonts: bool = True
    sandbox: Literal["auto", "bwrap", "unshare", "none"] = "auto"
    memory_limit_mb: int = Field(4096, ge=256)
    cpu_time_limit_s: int = Field(120, ge=1)
    flutter_startup_timeout_s: float = Field(300.0, gt=0)
    now: str = DEFAULT_NOW.isoformat()   # embedded: what DateTime.now() returns (local time, zone UTC)

    @field_validator("now")
    @classmethod
    def _now_is_a_local_time(cls, value: str) -> str:
        return Environment.parse(value).now.isoformat()


class RewardSettings(Section):
    visual: Literal["clip", "structure", "mix"] = "clip"
    visual_weight: float = Field(0.8, ge=0)
    format_weight: float = Field(0.2, ge=0)
    mix_clip_share: float = Field(0.5, ge=0, le=1)
    clip_model: str = "ViT-B-32"
    clip_pretrained: str = "openai"
    clip_allow_download: bool = False
    structure_ssim_weight: float = Field(0.4, ge=0)
    structure_color_weight: float = Field(0.2, ge=0)
    structure_layout_weight: float = Field(0.4, ge=0)


class ModelSettings(Section):
    name: str = "Qwen/Qwen3-VL-8B-Instruct"
    adapter: Literal["lora", "none"] = "lora"  # "none": full fine-tuning (small policies trained from scratch)
    load_in_4bit: bool = True
    double_quant: bool = True
    compute_dtype: Literal["bfloat16", "float16", "float32"] = "bfloat16"
    lora_rank: int = Field(64, ge=1)
    lora_alpha: int = Field(128, ge=1)
    lora_dropout: float = Field(0.05, ge=0, lt=1)
    target_modules: list[str] = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
    max_pixels: int = Field(1003520, ge=1024)
    attn_implementation: str = "sdpa"
    build_tiny_if_missing: bool = False  # flows build the tiny offline policy at `name` when absent

    @model_validator(mode="after")
    def _full_fine_tuning_is_not_quantized(self) -> "ModelSettings":
        if self.adapter == "none" and self.load_in_4bit:
            raise ValueError("adapter = 'none' (full fine-tuning) cannot train 4-bit weights: set load_in_4bit = false")
        return self


class SftSettings(Section):
    enabled: bool = False
    epochs: float = Field(1.0, gt=0)
    learning_rate: float = Field(2e-4, gt=0)
    max_steps: int = -1


class TrainSettings(Section):
    num_generations: int = Field(4, ge=2)
    beta: float = Field(0.1, ge=0)
    max_completion_length: int = Field(2048, ge=1)
    learning_rate: float = Field(1e-5, gt=0)
    max_steps: int = Field(480, ge=1)
    per_device_train_batch_size: int = Field(4, ge=1)
    gradient_accumulation_steps: int = Field(4, ge=1)
    gradient_checkpointing: bool = True
    save_steps: int = Field(80, ge=1)
    logging_steps: int = Field(1, ge=1)
    loss_type: Literal["grpo", "dapo", "dr_grpo", "bnpo"] = "grpo"
    temperature: float = Field(1.0, gt=0)
    seed: int = 42
    use_vllm: bool = False
    vllm_mode: Literal["colocate", "server"] = "colocate"
    # "dequantized_copy" / "merged_copy": generate from an unquantized copy of the policy, synced every
    # optimizer step (flutter_rl.train.generation_copy)
    generation_model: Literal["policy", "dequantized_copy", "merged_copy"] = "policy"
    generation_cache: GenerationCache = "dynamic"
    output_dir: str = "runs/train"
    # the train flow's task: > 1 starts `accelerate launch` with configs/accelerate/<accelerate_config>.yaml
    num_processes: int = Field(1, ge=1)
    accelerate_config: str = "ddp"  # "ddp" | "zero2" | "zero3" | a path to an accelerate config file
    sft: SftSettings = SftSettings()

    @model_validator(mode="after")
    def _one_generation_backend(self) -> "TrainSettings":
        for key, value, default in (("generation_model", self.generation_model, "policy"),
                                    ("generation_cache", self.generation_cache, "dynamic")):
            if self.use_vllm and value != default:
                raise ValueError(
                    f"{key} = {value!r} is for Hugging Face `generate`, but use_vllm = true generates with "
                    "vLLM (its own paged KV cache and weights): set one of them"
                )
        return self


class EvalSettings(Section):
    temperature: float = Field(0.0, ge=0)
    max_new_tokens: int = Field(2048, ge=1)
    batch_size: int = Field(4, ge=1)
    generation_cache: GenerationCache = "dynamic"
    seed: int = 0
    bootstrap_samples: int = Field(1000, ge=10)
    confidence: float = Field(0.95, gt=0, lt=1)
    grid_examples: int = Field(4, ge=0)
    output_dir: str = "runs/eval"


class TrackingSettings(Section):
    uri: str = ""
    experiment: str = "flutter-rl"


class OrchestrationSettings(Section):
    host: str = "127.0.0.1"
    prefect_port: int = Field(4200, ge=1, le=65535)
    mlflow_port: int = Field(5000, ge=1, le=65535)
    state_dir: str = ".flutter-rl"
    work_pool: str = "flutter-rl"
    nightly_cron: str = "0 2 * * *"
    task_runner: Literal["thread", "dask"] = "thread"
    dask_workers: int = Field(2, ge=1)
    dask_address: str = ""  # an existing Dask scheduler (tcp://host:8786); empty = a local cluster


class Settings(Section):
    preset: str = ""
    data: DataSettings = DataSettings()
    renderer: RendererSettings = RendererSettings()
    reward: RewardSettings = RewardSettings()
    model: ModelSettings = ModelSettings()
    train: TrainSettings = TrainSettings()
    eval: EvalSettings = EvalSettings()
    tracking: TrackingSettings = TrackingSettings()
    orchestration: OrchestrationSettings = OrchestrationSettings()
    source: str = Field("", exclude=True, description="the file these settings came from")

    @model_validator(mode="after")
    def _batch_fits_groups(self) -> "Settings":
        t = self.train
        if (t.per_device_train_batch_size * t.gradient_accumulation_steps) % t.num_generations:
            raise ValueError(
                "train.per_device_train_batch_size x train.gradient_accumulation_steps "
                f"({t.per_device_train_batch_size} x {t.gradient_accumulation_steps}) must be a multiple of "
                f"train.num_generations ({t.num_generations}): GRPO scores completions in whole groups"
            )
        return self

    def section_hash(self, name: str) -> str:
        """A short content hash of one section, for cache keys that change exactly when it does."""
        payload = json.dumps(getattr(self, name).model_dump(mode="json"), sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    def to_toml_dict(self) -> dict[str, Any]:
        """The resolved settings as plain data (what was really used), for logging."""
        return self.model_dump(mode="json", exclude={"source"})


def _deep_merge(base: dict[str, Any], overlay: Mapping[str, Any]) -> dict[str, Any]:
    merged = copy.deepcopy(base)
    for key, value in overlay.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def _parse_scalar(text: str) -> Any:
    """Read an override value as TOML (numbers, booleans, lists, quoted strings), else a bare string."""
    try:
        return tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text


def _set_dotted(data: dict[str, Any], dotted: str, value: Any) -> None:
    parts = dotted.split(".")
    node = data
    for part in parts[:-1]:
        node = node.setdefault(part, {})
        if not isinstance(node, dict):
            raise SettingsError(f"override {dotted!r}: {part!r} is not a section")
    node[parts[-1]] = value


def _env_overrides(environ: Mapping[str, str]) -> dict[str, str]:
    return {
        key[len(ENV_PREFIX):].lower().replace("__", "."): value
        for key, value in environ.items()
        if key.startswith(ENV_PREFIX)
    }


def _locate(path: Path | None, loc: tuple[str | int, ...]) -> str:
    """Where a key stands in the file: 'file, line N' for a key or a section header, else the file."""
    if path is None or not path.exists():
        return "(no file)"
    keys = [str(p) for p in loc if isinstance(p, str)]
    sections, key = keys[:-1], keys[-1] if keys else ""
    current: list[str] = []
    for number, raw in enumerate(path.read_text().splitlines(), start=1):
        line = raw.strip()
        if line.startswith("[") and not line.startswith("[["):
            current = [part.strip() for part in line.strip("[]").split(".")]
            if current == keys:
                return f"{path}, line {number}"
        elif "=" in line and current == sections and line.split("=", 1)[0].strip() == key:
            return f"{path}, line {number}"
    return str(path)


def _format_errors(error: ValidationError, path: Path | None, overridden: set[str]) -> str:
    messages = []
    for item in error.errors():
        loc = tuple(item["loc"])
        dotted = ".".join(str(p) for p in loc) or "(top level)"
        if item["type"] == "extra_forbidden":
            what = f"unknown key {dotted!r}"
        else:
            what = f"{dotted}: {item['msg']} (got {item.get('input')!r})"
        where = "an override (--set / environment)" if dotted in overridden else _locate(path, loc)
        messages.append(f"{what} [{where}]")
    return "invalid settings:\n  " + "\n  ".join(messages)


def load_settings(
    path: str | os.PathLike[str] | None = None,
    *,
    preset: str | None = None,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Load, merge and validate settings.

    Order, last wins: the file's tables, the chosen preset (argument, then FLUTTER_RL_PRESET, then the
    file's `preset` key), environment overrides, then `overrides` ({"train.beta": 0.2}).
    """
    environ = os.environ if environ is None else environ
    file = Path(path or environ.get(SETTINGS_ENV) or DEFAULT_FILE)
    if not file.exists():
        raise SettingsError(f"settings file not found: {file.resolve()} (pass --config or set {SETTINGS_ENV})")
    try:
        raw = tomllib.loads(file.read_text())
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{file}: not valid TOML: {exc}") from exc

    presets = raw.pop("presets", {})
    chosen = preset if preset is not None else environ.get(PRESET_ENV, raw.get("preset", ""))
    if chosen:
        if chosen not in presets:
            known = ", ".join(sorted(presets)) or "none"
            raise SettingsError(f"unknown preset {chosen!r} in {file} (known: {known})")
        raw = _deep_merge(raw, presets[chosen])
    raw["preset"] = chosen

    overridden: set[str] = set()
    for dotted, value in {**_env_overrides(environ), **(overrides or {})}.items():
        _set_dotted(raw, dotted, _parse_scalar(value) if isinstance(value, str) else value)
        overridden.add(dotted)

    try:
        settings = Settings.model_validate(raw)
    except ValidationError as exc:
        raise SettingsError(_format_errors(exc, file, overridden)) from None
    settings.source = str(file.resolve())
    return settings
