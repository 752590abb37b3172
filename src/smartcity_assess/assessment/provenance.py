"""The provenance record of a run (``provenance.json``): what made these scores.

It names the tool and Python versions (and the libraries that shape the output), the
indicator set with its hash, every input, plan and history file with hash and size, the
resolved config, every output file with its hash, and a timestamp. Paths are relative to the
config's folder, so the record is the same on a laptop and on a CI runner; the timestamp
comes from ``SOURCE_DATE_EPOCH`` when it is set (and is the date alone otherwise), so a rerun
on the same inputs changes no byte.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import platform
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import UsageError
from ..scoring.results import Assessment
from .config import AssessmentConfig

SCHEMA_VERSION = 1
LIBRARIES = ("jinja2", "matplotlib", "openpyxl", "pydantic", "PyYAML")
"""Libraries whose version can change the bytes of an output."""


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` as seconds, or None when unset (a bad value is a usage error)."""
    text = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not text:
        return None
    try:
        value = int(text)
        dt.datetime.fromtimestamp(value, tz=dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise UsageError("SOURCE_DATE_EPOCH must be a whole number of seconds, "
                         f"found {text!r}") from None
    return value


def timestamp() -> str:
    """ISO 8601 UTC time from ``SOURCE_DATE_EPOCH``, else today's date (no time of day, so
    that reruns on the same day write the same record)."""
    epoch = source_date_epoch()
    if epoch is None:
        return dt.date.today().isoformat()
    moment = dt.datetime.fromtimestamp(epoch, tz=dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def file_record(path: Path, label: str) -> dict[str, Any]:
    """``{path, sha256, bytes}`` of a file on disk."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
            size += len(block)
    return {"path": label, "sha256": digest.hexdigest(), "bytes": size}


def bytes_record(label: str, data: bytes) -> dict[str, Any]:
    """``{path, sha256, bytes}`` of an output held in memory."""
    return {"path": label, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def _libraries() -> dict[str, str | None]:
    from importlib.metadata import PackageNotFoundError, version

    found: dict[str, str | None] = {}
    for name in LIBRARIES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


def provenance(config: AssessmentConfig, assessment: Assessment, *,
               history: Sequence[Path] = (), outputs: Iterable[dict[str, Any]] = ()
               ) -> dict[str, Any]:
    """The record as plain data with a fixed key order."""
    iset = assessment.indicator_set
    sizes = {config.relative(p): p.stat().st_size
             for p in (*config.input_files, *config.geo_files)}
    criteria_source = (config.relative(config.criteria) if isinstance(config.criteria, Path)
                       else f"bundled:{config.criteria or iset.id}")
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "smartcity-assess", "version": __version__},
        "python": {"version": platform.python_version(),
                   "implementation": platform.python_implementation()},
        "libraries": _libraries(),
        "created": timestamp(),
        "source_date_epoch": source_date_epoch(),
        "config": {"path": config.path.name, "sha256": config.sha256,
                   "resolved": config.resolved()},
        "criteria": {"id": iset.id, "version": iset.version, "source": criteria_source,
                     "sha256": iset.sha256},
        "plan": None if config.plan is None else file_record(config.plan,
                                                             config.relative(config.plan)),
        "inputs": [{"path": f.path, "sha256": f.sha256, "bytes": sizes.get(f.path),
                    "format": f.format, "layout": f.layout, "rows": f.rows}
                   | ({"date": f.date} if f.date is not None else {})
                   for f in assessment.inputs],
        "history": [file_record(p, config.relative(p)) for p in history],
        "outputs": sorted(outputs, key=lambda record: str(record["path"])),
    }


def to_json(record: dict[str, Any]) -> str:
    """Pretty JSON ending in a newline."""
    return json.dumps(record, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
