"""Dataset curation (ingest, validate, de-duplicate, label, split, manifest) and the synthetic
Flutter screen generator. See the `## Data` section of the README."""

from flutter_rl.curate.images import dedupe, phash, validate_and_normalize
from flutter_rl.curate.ingest import IngestError, ingest_folder, ingest_hf
from flutter_rl.curate.items import Item, RawItem, Rejection
from flutter_rl.curate.labels import DIFFICULTIES, SCREEN_TYPES, label_fallback, label_items
from flutter_rl.curate.manifest import Manifest, counts_table, write_manifest
from flutter_rl.curate.split import Shortfall, SplitError, split
from flutter_rl.curate.synthetic import SyntheticScreen, generate_screen, synthesize

__all__ = [
    "DIFFICULTIES", "SCREEN_TYPES", "IngestError", "Item", "Manifest", "RawItem", "Rejection", "Shortfall",
    "SplitError", "SyntheticScreen", "counts_table", "dedupe", "generate_screen", "ingest_folder", "ingest_hf",
    "label_fallback", "label_items", "phash", "split", "synthesize", "validate_and_normalize", "write_manifest",
]
