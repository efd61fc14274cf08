"""The timeline's storage: one SQLite file, the only code that speaks SQL.

It knows nothing of Textual or dateparser: dates arrive already resolved, as ISO 8601 strings
cut to their precision.
"""

from timeline.store.csv_io import COLUMNS, neutralise, restore
from timeline.store.dates import PRECISIONS, precision_of
from timeline.store.edtf import from_edtf, to_edtf
from timeline.store.errors import (
    BadCSV,
    BadDatabase,
    BadEvent,
    ConstraintFailed,
    DamagedDatabase,
    DatabaseLocked,
    DiskFull,
    EventChanged,
    EventNotFound,
    NewerSchema,
    ReadOnlyStore,
    StoreError,
)
from timeline.store.exporters import (
    FORMAT_NAMES,
    UnknownFormat,
    Written,
    export,
    export_file,
    format_for_path,
)
from timeline.store.exporters.jsonl import event_json
from timeline.store.jsonl_import import BadJSONL
from timeline.store.models import (
    DATE_BASES,
    SAVE_MODES,
    Event,
    Filter,
    NewEvent,
    NewSource,
    SaveResult,
    SortKey,
    Source,
    SourceSummary,
)
from timeline.store.schema import SCHEMA_VERSION
from timeline.store.store import Store

__all__ = [
    "COLUMNS",
    "DATE_BASES",
    "FORMAT_NAMES",
    "PRECISIONS",
    "SAVE_MODES",
    "SCHEMA_VERSION",
    "BadCSV",
    "BadDatabase",
    "BadEvent",
    "BadJSONL",
    "ConstraintFailed",
    "DamagedDatabase",
    "DatabaseLocked",
    "DiskFull",
    "Event",
    "EventChanged",
    "EventNotFound",
    "Filter",
    "NewEvent",
    "NewSource",
    "NewerSchema",
    "ReadOnlyStore",
    "SaveResult",
    "SortKey",
    "Source",
    "SourceSummary",
    "Store",
    "StoreError",
    "UnknownFormat",
    "Written",
    "event_json",
    "export",
    "export_file",
    "format_for_path",
    "from_edtf",
    "neutralise",
    "precision_of",
    "restore",
    "to_edtf",
]
