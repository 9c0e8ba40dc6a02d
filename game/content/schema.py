"""JSON Schemas of the file formats, generated from the models, for editors (VS Code & co.)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from game.content.check import MODELS
from game.content.migrate import format_name

#: Where the schemas are published in the repository (``borderlines schema --out schemas``).
SCHEMA_FILES: dict[str, str] = {kind: f"borderlines-{kind}.schema.json" for kind in MODELS}


def json_schemas() -> dict[str, dict[str, Any]]:
    """One JSON Schema per format, keyed by format name (``borderlines-level/1`` …)."""
    out: dict[str, dict[str, Any]] = {}
    for kind, model in MODELS.items():
        schema = model.model_json_schema(by_alias=True, mode="validation")
        name = format_name(kind)
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://borderlines.invalid/schemas/{SCHEMA_FILES[kind]}",
            "title": f"Borderlines {kind} ({name})",
            **schema,
        }
        out[name] = schema
    return out


def write_schemas(folder: str | Path) -> list[Path]:
    """Write every schema into ``folder`` (atomically); returns the files written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, schema in zip(MODELS, json_schemas().values(), strict=True):
        target = folder / SCHEMA_FILES[kind]
        text = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
        write_atomic(target, text)
        written.append(target)
    return written


def write_atomic(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` via a temporary file, flush, fsync and rename."""
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
