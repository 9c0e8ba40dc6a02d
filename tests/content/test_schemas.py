"""The JSON Schemas accept every shipped file and reject structural mistakes editors can see."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from game.content import json_schemas
from game.content.check import content_files
from game.content.yamlsrc import read_document
from game.paths import LEVELS, ROOT


def schema_errors(value: Any, schema: dict[str, Any], root: dict[str, Any],
                  path: str = "") -> list[str]:
    """A small validator for the JSON Schema keywords our schemas use (no dependency)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return schema_errors(value, root["$defs"][name], root, path)
    errors: list[str] = []
    if "anyOf" in schema or "oneOf" in schema:
        options = schema.get("anyOf", schema.get("oneOf"))
        if value is not None:
            options = [o for o in options if o.get("type") != "null"]
        if len(options) == 1:
            return schema_errors(value, options[0], root, path)
        if all(schema_errors(value, o, root, path) for o in options):
            errors.append(f"{path}: matches none of the options")
        return errors
    if "const" in schema and value != schema["const"]:
        errors.append(f"{path}: not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: {value!r} not in enum")
    kind = schema.get("type")
    checks = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}
    if kind == "integer" and (not isinstance(value, int) or isinstance(value, bool)):
        return [f"{path}: not an integer"]
    if kind == "number" and (not isinstance(value, int | float) or isinstance(value, bool)):
        return [f"{path}: not a number"]
    if kind in checks and not isinstance(value, checks[kind]):
        return [f"{path}: not {kind}"]
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{path}: below minimum")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{path}: above maximum")
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"],
                                                                         value):
        errors.append(f"{path}: does not match {schema['pattern']}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"{path}.{key}: required")
        for key, item in value.items():
            if key in props:
                errors += schema_errors(item, props[key], root, f"{path}.{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{path}.{key}: not allowed")
            elif isinstance(schema.get("additionalProperties"), dict):
                errors += schema_errors(item, schema["additionalProperties"], root,
                                        f"{path}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            errors += schema_errors(item, schema["items"], root, f"{path}[{i}]")
    return errors


SCHEMAS = json_schemas()
SHIPPED = [p for p in content_files([LEVELS])]


def schema_for(data: dict[str, Any]) -> dict[str, Any]:
    return SCHEMAS[data["format"]]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(LEVELS)))
def test_every_shipped_file_is_valid_against_its_schema(path: Path) -> None:
    doc, problems = read_document(path)
    assert doc is not None, problems
    assert schema_errors(doc.data, schema_for(doc.data), schema_for(doc.data)) == []


def test_the_schema_rejects_an_unknown_lever_a_wrong_type_and_a_missing_field() -> None:
    doc, _ = read_document(LEVELS / "examples" / "minimal.yaml")
    assert doc is not None
    data = json.loads(json.dumps(doc.data))
    data["countries"]["US"]["levers"] = {"border_agent": 1, "removal": "deport"}
    data["turns"] = "four"
    del data["start"]
    errors = schema_errors(data, schema_for(data), schema_for(data))
    assert ".countries.US.levers.border_agent: not allowed" in " ".join(errors)
    assert any(e.startswith(".turns") for e in errors)
    assert ".start: required" in errors
    assert any("removal" in e for e in errors)


def test_schemas_carry_units_and_descriptions_for_editors() -> None:
    level = SCHEMAS["borderlines-level/1"]
    levers = level["$defs"]["LeversUS"]["properties"]
    assert "agents" in levers["border_agents"]["description"]
    bounded = [o for o in levers["border_agents"]["anyOf"] if o.get("type") == "number"]
    assert bounded[0]["maximum"] == 60000
    assert "transit_agents" not in levers


def test_the_committed_schemas_are_up_to_date(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "game", "schema", "--out", str(tmp_path)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    for written in sorted(tmp_path.glob("*.json")):
        committed = ROOT / "schemas" / written.name
        assert committed.read_text(encoding="utf-8") == written.read_text(encoding="utf-8"), (
            f"{committed} is stale: run `borderlines schema --out schemas`")
