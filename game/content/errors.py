"""Turn pydantic validation errors into located problems written for level authors.

Pydantic reports every error of a document in one pass, each with a ``loc`` that mixes the
document's keys with internal names (union members, discriminator tags). This module walks the
``loc`` along the data *and* the model types at the same time: the data gives the line and
column, the types give the field's unit, range and example for the hint.
"""

from __future__ import annotations

import math
import re
import types
import typing
from typing import Any, Union

import annotated_types
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from game.content.models.common import ContentModel, shown
from game.content.names import did_you_mean, format_number
from game.content.problems import PROBLEM_KINDS, Problem
from game.content.yamlsrc import Document, YamlPath

#: A whole number YAML 1.1 reads as octal: a leading 0 then octal digits (``046054``).
_OCTAL = re.compile(r"[-+]?0[0-7_]+")
#: A number in exponent notation without a dot, which YAML 1.1 reads as text (``1e308``).
_EXPONENT = re.compile(r"[-+]?\d+(\.\d*)?[eE][-+]?\d+")


def _exponent_hint(name: str, text: str) -> str:
    """A hint for ``1e308``-style text: the plain number when it is reasonable, never ``1308``."""
    number = float(text)
    if math.isfinite(number) and abs(number) < 1e15:
        plain = f"{number:.15g}" if not number.is_integer() else str(int(number))
        return f"YAML reads `{text}` as text; write the number out: `{name}: {plain}`"
    return (f"YAML reads `{text}` as text, and it is far larger than any value of `{name}`; "
            "write an ordinary number")


def validate(model: type[BaseModel], doc: Document) -> tuple[Any, list[Problem]]:
    """Validate the document's data; the model object, or None and every problem."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as error:
        problems = [error_problem(e, doc, model) for e in error.errors(include_url=False)]
        # A misspelt key (`turn:`) also leaves a field missing (`turns`); one message is enough.
        suggested = {(p.yaml_path.rpartition(".")[0], m.group(1)) for p in problems
                     if p.code.startswith("unknown") and (m := re.search(
                         r"did you mean `([^`]+)`", p.hint))}
        problems = [p for p in problems if not (
            p.code == "missing-field"
            and (p.yaml_path, re.sub(r"^`([^`]+)`.*", r"\1", p.message)) in suggested)]
        return None, list(dict.fromkeys(problems))
    except RecursionError:  # pragma: no cover - depth is bounded by the reader
        return None, [doc.problem((), "values are nested too deeply", "", "yaml-too-big")]


def _unwrap(tp: Any) -> Any:
    """Strip Annotated and Optional to reach the type that matters."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
            continue
        if origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) == 1:
                tp = args[0]
                continue
        return tp


def _union_member(tp: Any, tag: Any) -> Any:
    """The member of a tagged union whose discriminator literal is ``tag``."""
    for arg in typing.get_args(tp):
        arg = _unwrap(arg)
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            for name in ("kind", "country"):
                field = arg.model_fields.get(name)
                if field is not None and typing.get_args(field.annotation) == (tag,):
                    return arg
    return None


class _Walk:
    """The data path, the model type and the field reached by following a ``loc``."""

    def __init__(self, doc: Document, model: type[BaseModel]) -> None:
        self.data: Any = doc.data
        self.path: YamlPath = ()
        self.type: Any = model
        self.parent_model: Any = None
        self.field: FieldInfo | None = None
        self.on_key = False

    def step(self, part: str | int) -> None:
        data_step = (isinstance(self.data, dict) and isinstance(part, str) and part in self.data) \
            or (isinstance(self.data, list) and isinstance(part, int)
                and 0 <= part < len(self.data))
        if part == "[key]":
            self.on_key = True
            return
        tp = _unwrap(self.type)
        if not data_step:
            member = _union_member(tp, part)
            if member is not None:
                self.type = member
            return
        self.data = self.data[part]
        self.path = (*self.path, part)
        self.type = self._child_type(tp, part)

    def _child_type(self, tp: Any, part: str | int) -> Any:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            self.parent_model = tp
            for name, field in tp.model_fields.items():
                if (field.alias or name) == part:
                    self.field = field
                    return field.annotation
            return None
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin is list and args:
            return args[0]
        if origin is dict and len(args) == 2:
            return args[1]
        if origin in (Union, types.UnionType):
            for arg in args:
                inner = _unwrap(arg)
                if typing.get_origin(inner) in (list, dict) or (
                        isinstance(inner, type) and issubclass(inner, BaseModel)):
                    return self._child_type(inner, part)
        return None


def _bounds(field: FieldInfo | None) -> tuple[float | None, float | None]:
    low = high = None
    for meta in field.metadata if field else ():
        if isinstance(meta, annotated_types.Ge | annotated_types.Gt):
            low = float(getattr(meta, "ge", getattr(meta, "gt", 0)))
        if isinstance(meta, annotated_types.Le | annotated_types.Lt):
            high = float(getattr(meta, "le", getattr(meta, "lt", 0)))
    return low, high


def _extra(field: FieldInfo | None) -> dict[str, Any]:
    extra = field.json_schema_extra if field else None
    return extra if isinstance(extra, dict) else {}


def _example(field: FieldInfo | None) -> str:
    examples = _extra(field).get("examples")
    if isinstance(examples, list) and examples:
        return format_number(examples[0])
    return ""


def _unit(field: FieldInfo | None) -> str:
    unit = _extra(field).get("unit")
    return str(unit) if unit else ""


def error_problem(error: Any, doc: Document, model: type[BaseModel]) -> Problem:
    """One pydantic error as a located problem with a message and a hint."""
    kind: str = error["type"]
    loc = tuple(error["loc"])
    walk = _Walk(doc, model)
    missing = kind == "missing"
    for part in loc[:-1] if missing else loc:
        walk.step(part)
    ctx = error.get("ctx") or {}
    value = error.get("input")
    name = next((str(p) for p in reversed(walk.path) if isinstance(p, str)), "this value")
    field = walk.field
    unit, example = _unit(field), _example(field)
    code, message, hint = "wrong-type", str(error.get("msg", "")), ""

    if kind in PROBLEM_KINDS:
        code, message, hint = kind, str(ctx.get("message", message)), str(ctx.get("hint", ""))
        if ctx.get("at"):
            walk.step(str(ctx["at"]))
        # On a mapping's key the path's raw text is the value under it, not the key.
        raw = None if walk.on_key else doc.raw.get(walk.path)
        if raw is not None and shown(value) in message:
            # Show what the author wrote (`yes`), not what YAML made of it (true).
            message = message.replace(shown(value), f"`{raw}`")
    elif missing:
        code = "missing-field"
        missing_name = str(loc[-1])
        owner = _unwrap(walk.type)
        info = None
        if isinstance(owner, type) and issubclass(owner, BaseModel):
            info = next((f for n, f in owner.model_fields.items()
                         if (f.alias or n) == missing_name), None)
        message = f"`{missing_name}` is missing"
        described = (info.description or "").split(" Unit:")[0] if info else ""
        what = "level" if owner is model else getattr(owner, "__name__", "item").lower()
        sample = _example(info) or {"id": f"my-{what}", "start": "2019-06",
                                    "title": "My level"}.get(missing_name, "...")
        hint = f"add `{missing_name}: {sample}`" + (f" — {described[0].lower()}"
                                                    f"{described[1:]}" if described else "")
    elif kind == "extra_forbidden":
        owner = _unwrap(walk.parent_model) if walk.parent_model else model
        key = str(walk.path[-1]) if walk.path else ""
        if isinstance(owner, type) and issubclass(owner, ContentModel):
            code, message, hint = owner.unknown_key(key)
        else:
            code, message = "unknown-field", f"unknown field `{key}`"
        return doc.problem(walk.path, message, hint, code, key=True)
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        code = "out-of-range"
        low, high = _bounds(field)
        spread = ""
        if low is not None and high is not None:
            spread = f"{format_number(low)}–{format_number(high)}{' ' + unit if unit else ''}"
        limit = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt"))))
        side = "minimum" if kind.startswith("greater") else "maximum"
        word = "below" if side == "minimum" else "above"
        message = (f"`{name}` is {format_number(value)}, {word} the {side} of "
                   f"{format_number(limit)}{' ' + unit if unit else ''}")
        hint = (f"the range is {spread}" if spread else "") + (
            f"{'; ' if spread else ''}for example {example}" if example else "")
        raw = doc.raw.get(walk.path)
        if raw is not None and _OCTAL.fullmatch(raw):
            # YAML 1.1 reads 046054 as octal (19500): say so, rather than only "too big".
            hint = (f"a number written with a leading 0 is read as octal (`{raw}` means "
                    f"{format_number(value)}); write `{name}: {raw.lstrip('+-0') or '0'}`")
    elif kind in ("float_type", "float_parsing", "int_type", "int_parsing", "int_from_float"):
        whole = kind.startswith("int")
        what = "a whole number" if whole else "a number"
        message = f"`{name}` needs {what}{f' ({unit})' if unit else ''}, got {shown(value)}"
        if isinstance(value, str) and re.fullmatch(r"\s*-?[\d.]+\s*", value):
            hint = f"remove the quotes: `{name}: {value.strip()}`"
        elif isinstance(value, str) and _EXPONENT.fullmatch(value.strip()):
            hint = _exponent_hint(name, value.strip())
        elif isinstance(value, str) and re.search(r"\d", value):
            digits = re.sub(r"[^\d.\-]", "", value)
            hint = f"write digits only, without commas or units: `{name}: {digits}`"
        elif isinstance(value, float) and whole and math.isfinite(value):
            hint = f"write a whole number, e.g. `{name}: {round(value)}`"
        else:
            hint = f"for example `{name}: {example}`" if example else "write a number"
    elif kind == "bool_type":
        message = f"`{name}` needs true or false, got {shown(value)}"
        hint = f"write `{name}: true` or `{name}: false`"
    elif kind == "string_type":
        raw = doc.raw.get(walk.path)
        message = f"`{name}` needs text, got {shown(raw if raw is not None else value)}"
        hint = "put it in quotes: YAML reads yes/no/on/off as true/false and digits as numbers"
    elif kind == "literal_error":
        code = "bad-choice"
        options = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        message = f"{shown(value)} is not a choice for `{name}`"
        near = did_you_mean(value, options)
        hint = near or "the choices are " + ", ".join(f"`{o}`" for o in options)
    elif kind == "list_type":
        message = f"`{name}` needs a list, got {shown(value)}"
        hint = "write each item on its own line starting with `- `, or `[a, b]`"
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        message = f"`{name}` needs `key: value` lines, got {shown(value)}"
        hint = "write the fields indented on the lines below it"
    elif kind == "too_short":
        message = f"`{name}` is empty"
        hint = "it needs at least one item"
    return doc.problem(walk.path, message, hint, code, key=walk.on_key)
