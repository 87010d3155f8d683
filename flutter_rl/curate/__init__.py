"""Dataset curation: ingest, validate, de-duplicate, label, split and write a versioned manifest.
The synthetic screens it can take as a source come from `flutter_rl.synth`."""

from flutter_rl.curate.images import dedupe, phash, validate_and_normalize
from flutter_rl.curate.ingest import IngestError, ingest_folder, ingest_hf
from flutter_rl.curate.items import Item, RawItem, Rejection
from flutter_rl.curate.labels import DIFFICULTIES, SCREEN_TYPES, label_fallback, label_items
from flutter_rl.curate.manifest import Manifest, counts_table, write_manifest
from flutter_rl.curate.split import Shortfall, SplitError, split

__all__ = [
    "DIFFICULTIES",
    "SCREEN_TYPES",
    "IngestError",
    "Item",
    "Manifest",
    "RawItem",
    "Rejection",
    "Shortfall",
    "SplitError",
    "counts_table",
    "dedupe",
    "ingest_folder",
    "ingest_hf",
    "label_fallback",
    "label_items",
    "phash",
    "split",
    "validate_and_normalize",
    "write_manifest",
]
