"""Typed, validated settings loaded from `pipeline.toml`.

The file holds one table per stage (data, renderer, reward, model, train, eval, tracking,
orchestration). Each setting's default and help text are written once, in the types below;
`pipeline.toml` is generated from them (`flutter-rl config defaults`, checked by a test) and
`flutter-rl config --explain` prints them. A preset (`recipes/NAME.toml`) overlays some keys;
environment variables `FLUTTER_RL__SECTION__KEY` and `--set section.key=value` override single keys
last. Any unknown key, wrong type or out-of-range value stops with a `SettingsError` that names the
key, the file and the line.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal, Mapping

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from flutter_renderer.settings import RendererSettings
from flutter_rl.trl_passthrough import GRPO_RESERVED, SFT_RESERVED, check_trl_fields

ENV_PREFIX = "FLUTTER_RL__"
PRESET_ENV = "FLUTTER_RL_PRESET"
SETTINGS_ENV = "FLUTTER_RL_SETTINGS"
DEFAULT_FILE = "pipeline.toml"
# The recipes that ship with the project; a settings file's own `recipes/` folder is searched first.
RECIPES_DIR = Path(__file__).resolve().parents[1] / "recipes"


# The label vocabulary (`flutter_rl.vocabulary` reads its tuples from here).
ScreenType = Literal[
    "login",
    "signup",
    "list",
    "menu",
    "form",
    "modal",
    "settings",
    "profile",
    "dashboard",
    "detail",
    "chat",
    "onboarding",
]
Difficulty = Literal["easy", "medium", "hard"]


# Hugging Face `generate`'s KV cache: "static" preallocates it and compiles the decoding forward
# (flutter_rl.train.generation_cache).
GenerationCache = Literal["dynamic", "static"]
Difficulty = Literal["easy", "medium", "hard"]

# What to crop off a screenshot's top / bottom: the system bar found there, nothing, or that many
# pixels of the original (flutter_rl.curate.system_bars).
CropSetting = Literal["auto", "none"] | int


class SettingsError(ValueError):
    """A settings file or override that cannot be used, with a message a person can act on."""


class Section(BaseModel):
    # A setting is one line: `name: type = Field(default, <checks>, description="help")`. The default
    # and the help are written only here; `pipeline.toml` is generated from them
    # (`flutter-rl config defaults`) and `flutter-rl config --explain` prints them.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class DataSettings(Section):
    """Where screenshots come from and how they are split."""

    source: Literal["synthetic", "folder", "hf"] = Field("synthetic", description='"synthetic" | "folder" | "hf"')
    path: str = Field("", description="folder of screenshots, or a datasets name / local path")
    metadata: str = Field("", description="optional CSV/JSONL with id, image, screen_type, difficulty, reference_code")
    synthetic_count: int = Field(400, ge=1, description='screens generated when source = "synthetic"')
    train_size: int = Field(160, ge=0, description="0 = an eval-only dataset (evaluate on your own screenshots)")
    eval_size: int = Field(100, ge=1, description="screens in the eval split")
    train_difficulties: list[Difficulty] = Field(["easy"], description="difficulties trained on")
    train_screen_types: list[ScreenType] = Field(
        [], description="[] = every type; else only these are trained on (the others stay for eval)"
    )
    eval_difficulties: list[Difficulty] = Field(["easy", "medium", "hard"], description="difficulties evaluated on")
    eval_even_types: bool = Field(
        False,
        description="true: eval takes every screen type equally within a difficulty (else in the data's proportions)",
    )
    min_width: int = Field(200, ge=1, description="smaller screenshots are dropped")
    min_height: int = Field(300, ge=1, description="smaller screenshots are dropped")
    min_aspect: float = Field(1.3, gt=0, description="height / width of a phone screenshot")
    max_aspect: float = Field(2.6, gt=0, description="height / width of a phone screenshot")
    seed: int = Field(42, description="generation and split seed")
    output_dir: str = Field("runs/data", description="curated manifests go here, one folder per version")
    hf_split: str = Field("train", description='split read when source = "hf"')
    normalize_width: int = Field(
        390, ge=0, description="normalized images are resized to this width, aspect kept; 0 = keep size"
    )
    dedupe_distance: int = Field(
        4,
        ge=0,
        le=64,
        description="perceptual-hash Hamming distance (of 64 bits) at or below which screens are duplicates",
    )
    crop_status_bar: CropSetting = Field(
        "auto",
        description='the status bar cut off the top of each screenshot: "auto" (found by its size and '
        'glyph row, docs/data.md) | "none" | a number of pixels; the original file is never modified',
    )
    crop_navigation_bar: CropSetting = Field(
        "auto", description='the navigation bar / home indicator cut off the bottom: "auto" | "none" | pixels'
    )

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


class RewardSettings(Section):
    """The reward: the weighted sum of the rewards of `funcs` (flutter_rl.reward.registry)."""

    funcs: list[str] = Field(
        ["format", "visual"],
        description="rewards GRPO sums: names in flutter_rl/reward/registry.py, or dotted paths to your own functions",
    )
    weights: list[float] = Field([0.2, 0.8], description="one weight per entry of funcs")
    visual: Literal["clip", "structure", "mix"] = Field(
        "clip",
        description='what the "visual" reward is (0 when the code does not render): "clip" | "structure" | "mix"',
    )
    mix_clip_share: float = Field(
        0.5, ge=0, le=1, description='visual = "mix": share of CLIP, the rest is the structure score'
    )
    clip_model: str = Field("ViT-B-32", description="an open_clip architecture")
    clip_pretrained: str = Field("openai", description="a pretrained tag, or a local checkpoint file")
    clip_allow_download: bool = Field(
        False, description="fetch an uncached tag's weights (else a clear error; never random weights)"
    )
    structure_weights: dict[str, Annotated[float, Field(ge=0)]] = Field(
        {"ssim": 0.4, "color": 0.2, "layout": 0.4},
        description="the structure score: the mean of these registered metrics, weighted",
    )

    @model_validator(mode="after")
    def _one_weight_per_reward(self) -> "RewardSettings":
        if len(self.funcs) != len(self.weights):
            raise ValueError(
                f"funcs has {len(self.funcs)} names but weights {len(self.weights)} values: one weight each"
            )
        return self


class ModelSettings(Section):
    """The policy being trained."""

    name: str = Field("Qwen/Qwen3-VL-8B-Instruct", description="hub id or local directory")
    adapter: Literal["lora", "none"] = Field(
        "lora", description='"lora": train a LoRA adapter | "none": full fine-tuning (needs load_in_4bit = false)'
    )
    load_in_4bit: bool = Field(True, description="NF4 QLoRA when CUDA is present; plain LoRA on CPU")
    double_quant: bool = Field(True, description="quantize the 4-bit quantization constants too")
    compute_dtype: Literal["bfloat16", "float16", "float32"] = Field("bfloat16", description="compute precision")
    lora_rank: int = Field(64, ge=1, description="LoRA rank r")
    lora_alpha: int = Field(128, ge=1, description="LoRA scaling alpha")
    lora_dropout: float = Field(0.05, ge=0, lt=1, description="LoRA dropout")
    target_modules: list[str] = Field(
        ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"],
        description="the linear layers that get a LoRA adapter",
    )
    max_pixels: int = Field(1003520, ge=1024, description="processor image budget (1280 * 28 * 28)")
    attn_implementation: str = Field("sdpa", description="transformers' attention kernel")
    build_tiny_if_missing: bool = Field(
        False, description="flows build the tiny offline policy at `name` when it is absent"
    )

    @model_validator(mode="after")
    def _full_fine_tuning_is_not_quantized(self) -> "ModelSettings":
        if self.adapter == "none" and self.load_in_4bit:
            raise ValueError("adapter = 'none' (full fine-tuning) cannot train 4-bit weights: set load_in_4bit = false")
        return self


class SftSettings(Section):
    """An optional supervised warm-up on the reference code before GRPO."""

    enabled: bool = Field(False, description="run the warm-up (rows need a reference_code)")
    epochs: float = Field(1.0, gt=0, description="passes over the train split")
    learning_rate: float = Field(2e-4, gt=0, description="warm-up learning rate")
    max_steps: int = Field(-1, description="-1 = as many as `epochs` take")
    trl: dict[str, Any] = Field(
        {}, description="any other field of TRL's SFTConfig, passed through (checked against its field names)"
    )

    @field_validator("trl")
    @classmethod
    def _trl_fields(cls, value: dict[str, Any]) -> dict[str, Any]:
        return check_trl_fields(value, "SFTConfig", "train.sft", reserved=SFT_RESERVED)


class TrainSettings(Section):
    """GRPO training (TRL's GRPOTrainer)."""

    num_generations: int = Field(4, ge=2, description="completions per prompt (a GRPO group)")
    beta: float = Field(0.1, ge=0, description="KL coefficient")
    max_completion_length: int = Field(2048, ge=1, description="tokens per completion")
    learning_rate: float = Field(1e-5, gt=0, description="GRPO learning rate")
    max_steps: int = Field(480, ge=1, description="optimizer steps")
    per_device_train_batch_size: int = Field(4, ge=1, description="completions per device per micro-batch")
    gradient_accumulation_steps: int = Field(4, ge=1, description="micro-batches per optimizer step")
    gradient_checkpointing: bool = Field(True, description="recompute activations to save memory")
    save_steps: int = Field(80, ge=1, description="a checkpoint every N steps")
    logging_steps: int = Field(1, ge=1, description="log every N steps")
    loss_type: Literal["grpo", "dapo", "dr_grpo", "bnpo"] = Field("grpo", description="TRL's GRPO loss variant")
    temperature: float = Field(1.0, gt=0, description="sampling temperature of the completions")
    seed: int = Field(42, description="training seed")
    use_vllm: bool = Field(False, description="generate with vLLM")
    vllm_mode: Literal["colocate", "server"] = Field(
        "colocate", description="vLLM in the trainer's process or a server"
    )
    generation_model: Literal["policy", "dequantized_copy", "merged_copy"] = Field(
        "policy",
        description='Where GRPO\'s completions come from: "policy" = the trained model itself (HF generate on '
        'NF4 is slow: every decoding step dequantizes every layer); "dequantized_copy" = a second copy of the '
        "model with the NF4 weights dequantized once to [model] compute_dtype (float32 on CPU) and the same "
        "LoRA adapter, unmerged, synced from the policy at every optimizer step (like vLLM colocate; +16 GB "
        'for the 8B); "merged_copy" = the same copy with the LoRA merged into its weights, re-merged at every '
        "sync (fewer kernels per step; bf16 rounds small updates: see docs/training.md).",
    )
    generation_cache: GenerationCache = Field(
        "dynamic",
        description='HF generate\'s KV cache: "dynamic" | "static" (CUDA only: a cache preallocated for the '
        "longest prompt + max_completion_length and a torch.compile'd decoding step; compiles once, ~1-2 min "
        'for the 8B; needs generation_model = "dequantized_copy" or "merged_copy" when the policy is NF4).',
    )
    output_dir: str = Field("runs/train", description="checkpoints go here")
    num_processes: int = Field(
        1,
        ge=1,
        description="> 1: the train flow's task starts `accelerate launch` with this many processes "
        "(one per GPU; docs/training.md, Several processes)",
    )
    accelerate_config: str = Field(
        "ddp",
        description='"ddp" | "zero2" | "zero3" (configs/accelerate/<name>.yaml) | a path to an accelerate config file',
    )
    trl: dict[str, Any] = Field(
        {}, description="any other field of TRL's GRPOConfig, passed through (checked against its field names)"
    )
    sft: SftSettings = SftSettings()

    @field_validator("trl")
    @classmethod
    def _trl_fields(cls, value: dict[str, Any]) -> dict[str, Any]:
        return check_trl_fields(value, "GRPOConfig", "train", reserved=GRPO_RESERVED)

    @model_validator(mode="after")
    def _one_generation_backend(self) -> "TrainSettings":
        for key, value, default in (
            ("generation_model", self.generation_model, "policy"),
            ("generation_cache", self.generation_cache, "dynamic"),
        ):
            if self.use_vllm and value != default:
                raise ValueError(
                    f"{key} = {value!r} is for Hugging Face `generate`, but use_vllm = true generates with "
                    "vLLM (its own paged KV cache and weights): set one of them"
                )
        return self


class EvalSettings(Section):
    """The evaluation sweep over checkpoints."""

    temperature: float = Field(0.0, ge=0, description="0 = greedy")
    max_new_tokens: int = Field(2048, ge=1, description="tokens per completion")
    batch_size: int = Field(4, ge=1, description="prompts generated together")
    generation_cache: GenerationCache = Field(
        "dynamic",
        description='"static" (CUDA only): static KV cache + compiled forward; an NF4 base is dequantized first',
    )
    seed: int = Field(0, description="sampling seed when temperature > 0")
    bootstrap_samples: int = Field(1000, ge=10, description="bootstrap resamples of the confidence intervals")
    confidence: float = Field(0.95, gt=0, lt=1, description="confidence level of the intervals")
    grid_examples: int = Field(4, ge=0, description="screens shown in the comparison grid")
    output_dir: str = Field("runs/eval", description="tables, plots and renders go here")


class TrackingSettings(Section):
    """MLflow."""

    uri: str = Field("", description="empty = the local MLflow server of `flutter-rl services up`")
    experiment: str = Field("flutter-rl", description="the MLflow experiment")


class OrchestrationSettings(Section):
    """The local Prefect and MLflow services and the task runner."""

    host: str = Field("127.0.0.1", description="where the local services listen")
    prefect_port: int = Field(4200, ge=1, le=65535, description="Prefect server port")
    mlflow_port: int = Field(5000, ge=1, le=65535, description="MLflow server port")
    state_dir: str = Field(".flutter-rl", description="PIDs, logs, SQLite stores of the local services")
    work_pool: str = Field("flutter-rl", description="the Prefect work pool")
    nightly_cron: str = Field("0 2 * * *", description="when the nightly evaluation runs")
    task_runner: Literal["thread", "dask"] = Field("thread", description='"thread" | "dask"')
    dask_workers: int = Field(2, ge=1, description='workers of the local Dask cluster (task_runner = "dask")')
    dask_address: str = Field(
        "", description='an existing Dask scheduler, e.g. "tcp://10.0.0.5:8786"; empty = a local cluster'
    )


class Settings(Section):
    """Every setting of the pipeline."""

    preset: str = Field("", description='"" = the values below (the seed experiment); else a recipes/NAME.toml overlay')
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
        key[len(ENV_PREFIX) :].lower().replace("__", "."): value
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


def _format_errors(error: ValidationError, path: Path | None, overridden: set[str], recipe: Path | None = None) -> str:
    messages = []
    for item in error.errors():
        loc = tuple(item["loc"])
        dotted = ".".join(str(p) for p in loc) or "(top level)"
        if item["type"] == "extra_forbidden":
            what = f"unknown key {dotted!r}"
        else:
            what = f"{dotted}: {item['msg']} (got {item.get('input')!r})"
        in_recipe = _locate(recipe, loc) if recipe is not None else ""
        if dotted in overridden or any(o.startswith(dotted + ".") for o in overridden):
            where = "an override (--set / environment)"
        elif ", line " in in_recipe:  # the recipe set this key last
            where = in_recipe
        else:
            where = _locate(path, loc)
        messages.append(f"{what} [{where}]")
    return "invalid settings:\n  " + "\n  ".join(messages)


def recipe_dirs(settings_file: Path | None = None) -> list[Path]:
    """Where presets are looked up, first match wins: the settings file's `recipes/`, then the project's."""
    dirs = [settings_file.resolve().parent / "recipes"] if settings_file is not None else []
    return [d for d in dict.fromkeys([*dirs, RECIPES_DIR]) if d.is_dir()]


def known_presets(settings_file: Path | None = None) -> list[str]:
    """The preset names `recipe_dirs` offer."""
    return sorted({p.stem for d in recipe_dirs(settings_file) for p in d.glob("*.toml")})


def _read_toml(file: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(file.read_text())
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{file}: not valid TOML: {exc}") from exc


def find_recipe(name: str, settings_file: Path | None = None) -> Path:
    """The file of preset `name`: a path to a .toml file, or `<name>.toml` in one of `recipe_dirs`."""
    if name.endswith(".toml"):
        if Path(name).is_file():
            return Path(name)
        raise SettingsError(f"preset file not found: {Path(name).resolve()}")
    for folder in recipe_dirs(settings_file):
        if (folder / f"{name}.toml").is_file():
            return folder / f"{name}.toml"
    known = ", ".join(known_presets(settings_file)) or "none"
    raise SettingsError(f"unknown preset {name!r} (known: {known}; a preset is a file recipes/{name}.toml)")


def load_settings(
    path: str | os.PathLike[str] | None = None,
    *,
    preset: str | None = None,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
    file_optional: bool = False,
) -> Settings:
    """Load, merge and validate settings.

    Order, last wins: the file's tables, the chosen preset's recipe (argument, then FLUTTER_RL_PRESET,
    then the file's `preset` key), environment overrides, then `overrides` ({"train.beta": 0.2}).
    `file_optional`: an absent default file (none named by `path` or the environment) means the defaults.
    """
    environ = os.environ if environ is None else environ
    named = path or environ.get(SETTINGS_ENV)
    file = Path(named or DEFAULT_FILE)
    if not file.exists() and not (file_optional and not named):
        raise SettingsError(f"settings file not found: {file.resolve()} (pass --config or set {SETTINGS_ENV})")
    raw = _read_toml(file) if file.exists() else {}
    if "presets" in raw:
        raise SettingsError(f"{file}: [presets.*] tables are gone: put each preset in recipes/NAME.toml")

    chosen = preset if preset is not None else environ.get(PRESET_ENV, raw.get("preset", ""))
    recipe: Path | None = None
    if chosen:
        recipe = find_recipe(chosen, file)
        overlay = _read_toml(recipe)
        if "preset" in overlay:
            raise SettingsError(f"{recipe}: a recipe cannot choose another preset")
        raw = _deep_merge(raw, overlay)
    raw["preset"] = chosen

    overridden: set[str] = set()
    for dotted, value in {**_env_overrides(environ), **(overrides or {})}.items():
        _set_dotted(raw, dotted, _parse_scalar(value) if isinstance(value, str) else value)
        overridden.add(dotted)

    try:
        settings = Settings.model_validate(raw)
    except ValidationError as exc:
        raise SettingsError(_format_errors(exc, file, overridden, recipe)) from None
    settings.source = str(file.resolve()) if file.exists() else ""
    return settings
