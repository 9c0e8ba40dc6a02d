"""Read a YAML file into plain data while remembering where every key and value was written.

Only plain data is accepted — mappings, lists, text, numbers, booleans and null, as with
``yaml.safe_load`` — and anything else (``!!python/object``, ``!!binary``, custom tags) is a
reported problem, never executed. The file is *composed* into PyYAML nodes, which carry line and
column marks, and the nodes are turned into Python values by this module, which counts them:
aliases may not expand beyond :data:`MAX_VALUES` values (a "billion laughs" bomb) — every key a
merge (``<<: [*a, *b]``) visits counts, even one an earlier key overrides — merges may not nest
deeper than :data:`MAX_MERGE_DEPTH`, nesting may not go deeper than :data:`MAX_DEPTH`, and files
above :data:`MAX_BYTES` are refused before they are read. Numbers that are not finite (``.nan``,
``.inf``, ``1e999``) are reported where they are written and kept as their text. Every failure
becomes a :class:`~game.content.problems.Problem`; nothing raises.

Files are composed by libyaml when PyYAML has it (:data:`FAST_LOADER`, about ten times faster);
a file libyaml cannot read, or might read otherwise, is read again by the pure-Python parser,
whose line and column marks and words every syntax error is reported with.
"""

from __future__ import annotations

import codecs
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.content.problems import Problem, Severity

#: A location inside the document: mapping keys and list indexes from the top.
YamlPath = tuple[str | int, ...]
#: File name endings of content files: the checker reads these in folders, and a campaign's
#: level reference that ends so is a path.
EXTENSIONS = (".yaml", ".yml")

#: Files larger than this are refused unread; the longest level is a few dozen kilobytes.
MAX_BYTES = 1_000_000
#: Most values a document may expand to, aliases included.
MAX_VALUES = 100_000
#: Deepest nesting of mappings and lists.
MAX_DEPTH = 60
#: Deepest chain of merges (``<<: *a`` where ``a`` itself merges …); levels use one or two.
MAX_MERGE_DEPTH = 4


def _fast_loader() -> type[Any]:
    """The libyaml loader when PyYAML has it, else the pure-Python one (same marks, slower).

    Only libyaml 0.2.6 and later: they stop at 1,000 levels of nesting, where older ones follow
    a hostile file's nesting until the C stack overflows and the game dies without a word.
    """
    try:
        from yaml import _yaml

        if tuple(_yaml.get_version()) >= (0, 2, 6):
            return yaml.CSafeLoader
    except (ImportError, AttributeError):
        pass
    return yaml.SafeLoader


#: The loader clean files are read with: about ten times faster than the pure-Python one with
#: libyaml (tests/content/test_reader_libyaml.py checks that both give the same documents).
FAST_LOADER = _fast_loader()

_TAG = "tag:yaml.org,2002:"
#: A whole number YAML 1.1 reads as octal: a leading 0 then octal digits (``046054``).
_OCTAL = re.compile(r"[-+]?0[0-7_]+")
_SCALAR_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null")}


@dataclass(frozen=True)
class Pos:
    """A 1-based line and column in a file."""

    line: int
    column: int


def dotted(path: YamlPath) -> str:
    """A YAML path as printed: ``countries.US.levers.border_agents``, ``events[2]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass
class Document:
    """A YAML file's data with the position of every value and every mapping key."""

    file: str
    data: Any
    values: dict[YamlPath, Pos] = field(default_factory=dict)
    keys: dict[YamlPath, Pos] = field(default_factory=dict)
    #: The text as written, for scalars YAML read as something other than text (``no`` → false).
    raw: dict[YamlPath, str] = field(default_factory=dict)
    #: The folder the file was read from (a level's images are beside it); None for a text.
    folder: Path | None = None

    def where(self, path: YamlPath, key: bool = False) -> Pos:
        """The position of a value (or of its key), or of its nearest written ancestor."""
        path = tuple(path)
        while True:
            if key and path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            if not path:
                return Pos(1, 1)
            path = path[:-1]

    def problem(
        self,
        path: YamlPath,
        message: str,
        hint: str = "",
        code: str = "wrong-type",
        severity: Severity = "error",
        key: bool = False,
    ) -> Problem:
        """A problem located at ``path`` (at its key when ``key`` is true)."""
        pos = self.where(path, key=key)
        return Problem(self.file, pos.line, pos.column, dotted(path), severity, message, hint,
                       code)

    def get(self, path: YamlPath, default: Any = None) -> Any:
        """The value at ``path``, or ``default`` when any step is missing or of another kind."""
        value = self.data
        for part in path:
            if isinstance(part, int) and isinstance(value, list) and 0 <= part < len(value):
                value = value[part]
            elif isinstance(part, str) and isinstance(value, dict) and part in value:
                value = value[part]
            else:
                return default
        return value

    # Migrations rename and move values; their positions move with them.
    def move(self, old: YamlPath, new: YamlPath) -> None:
        """Move the value at ``old`` to ``new`` (creating mappings on the way), with positions."""
        parent = self.get(old[:-1])
        if not isinstance(parent, dict) or old[-1] not in parent:
            return
        value = parent.pop(old[-1])
        target = self.data
        for i, part in enumerate(new[:-1]):
            if isinstance(target, list) and isinstance(part, int) and 0 <= part < len(target):
                target = target[part]
                continue
            if not isinstance(target.get(part), dict | list):
                target[part] = {}
                self.values.setdefault(new[: i + 1], self.where(old))
            target = target[part]
        target[new[-1]] = value
        tables: tuple[dict[YamlPath, Any], ...] = (self.values, self.keys, self.raw)
        for table in tables:
            for path in [p for p in table if p[: len(old)] == old]:
                table[new + path[len(old):]] = table.pop(path)

    def paths(self) -> Iterator[YamlPath]:
        """Every path with a value, in file order."""
        return iter(sorted(self.values, key=lambda p: (self.values[p].line,
                                                       self.values[p].column)))


class _Abort(Exception):
    """Stops the conversion: the document is too big or recursive."""

    def __init__(self, problem: Problem, too_deep: bool = False) -> None:
        self.problem = problem
        #: Stopped for nesting (MAX_DEPTH), which the parsers reach at different depths.
        self.too_deep = too_deep


class _Builder:
    """Turns composed nodes into plain values, recording positions and counting values."""

    def __init__(self, file: str) -> None:
        self.doc = Document(file, None)
        self.problems: list[Problem] = []
        self.count = 0
        self.active: set[int] = set()
        self.constructor = SafeConstructor()

    def at(self, node: Node) -> Pos:
        return Pos(node.start_mark.line + 1, node.start_mark.column + 1)

    def report(self, node: Node, path: YamlPath, message: str, hint: str, code: str) -> None:
        pos = self.at(node)
        self.problems.append(Problem(self.doc.file, pos.line, pos.column, dotted(path), "error",
                                     message, hint, code))

    def tick(self, node: Node, path: YamlPath) -> None:
        """Count one value (or one merged key) and stop when the document grows too big."""
        self.count += 1
        if self.count > MAX_VALUES:
            pos = self.at(node)
            raise _Abort(Problem(
                self.doc.file, pos.line, pos.column, dotted(path), "error",
                f"the document expands to more than {MAX_VALUES:,} values",
                "aliases (`*name`) and merges (`<<:`) that repeat others multiply; a level "
                "needs only a few hundred values, so write them out instead", "yaml-too-big"))

    def build(self, node: Node, path: YamlPath, depth: int) -> Any:
        self.tick(node, path)
        if depth > MAX_DEPTH:
            pos = self.at(node)
            raise _Abort(Problem(
                self.doc.file, pos.line, pos.column, dotted(path), "error",
                f"values are nested more than {MAX_DEPTH} levels deep",
                "a level nests at most five or six levels", "yaml-too-big"), too_deep=True)
        if id(node) in self.active:
            pos = self.at(node)
            raise _Abort(Problem(
                self.doc.file, pos.line, pos.column, dotted(path), "error",
                "an alias refers to the value that contains it",
                "remove the `*alias` inside its own `&anchor`", "yaml-recursive-alias"))
        self.doc.values.setdefault(path, self.at(node))
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        self.active.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                if node.tag != _TAG + "seq":
                    self.bad_tag(node, path)
                    return None
                return [self.build(item, (*path, i), depth + 1)
                        for i, item in enumerate(node.value)]
            if isinstance(node, MappingNode):
                if node.tag != _TAG + "map":
                    self.bad_tag(node, path)
                    return None
                out: dict[str, Any] = {}
                self.mapping(node, path, depth, out, merges=0)
                return out
        finally:
            self.active.discard(id(node))
        return None  # pragma: no cover - composer produces only the three node kinds

    def mapping(self, node: MappingNode, path: YamlPath, depth: int, out: dict[str, Any],
                merges: int) -> None:
        """Fill ``out`` from ``node``; ``merges`` is how many merges deep this mapping is."""
        merged = merges > 0
        if merges > MAX_MERGE_DEPTH:
            pos = self.doc.where(path)
            raise _Abort(Problem(
                self.doc.file, pos.line, pos.column, dotted(path), "error",
                f"merges (`<<:`) are nested more than {MAX_MERGE_DEPTH} deep",
                "merge a mapping that is written out, not one that merges others in turn",
                "yaml-too-big"))
        to_merge: list[Node] = []
        for key_node, value_node in node.value:
            # Every key visited counts, even one a merge skips: a merge of merges repeats
            # its keys exponentially without building a single new value.
            self.tick(key_node, path)
            if key_node.tag == _TAG + "merge":
                to_merge.append(value_node)
                continue
            if not isinstance(key_node, ScalarNode) or key_node.tag == _TAG + "null":
                self.report(key_node, path, "a key must be a plain name",
                            "write `name: value`; lists, mappings and empty keys cannot be keys",
                            "yaml-bad-key")
                continue
            # Keys are taken as written: `NO:` stays the text NO, not the boolean false.
            key = key_node.value
            child = (*path, key)
            if key in out:
                if merged:
                    continue  # explicit keys win over merged ones (YAML merge semantics)
                first = self.doc.keys.get(child)
                where = f" (the first is at line {first.line})" if first else ""
                self.report(key_node, child, f"duplicate key `{key}`{where}",
                            "each key may appear once in a mapping; delete or rename one",
                            "yaml-duplicate-key")
                continue
            self.doc.keys[child] = self.at(key_node)
            self.doc.values.pop(child, None)
            out[key] = self.build(value_node, child, depth + 1)
        for merge in to_merge:
            sources = merge.value if isinstance(merge, SequenceNode) else [merge]
            for source in sources:
                if isinstance(source, MappingNode):
                    self.mapping(source, path, depth + 1, out, merges + 1)
                else:
                    self.report(source, path, "`<<` must be followed by a mapping alias",
                                "write `<<: *defaults` where `&defaults` marks a mapping",
                                "yaml-syntax")

    def scalar(self, node: ScalarNode, path: YamlPath) -> Any:
        if node.tag == _TAG + "timestamp":
            # Dates stay text: the models read `YYYY-MM` and explain a full date themselves.
            return node.value
        if node.tag not in _SCALAR_TAGS:
            self.bad_tag(node, path)
            return None
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (ConstructorError, ValueError, OverflowError):
            return node.value
        if isinstance(value, float) and not math.isfinite(value):
            self.report(node, path, f"`{_clip(node.value)}` is not a number that can be used",
                        "write an ordinary number such as `0.5` or `2000`: `.nan` means \"not a "
                        "number\" and `.inf` (or a number as big as 1e999) infinity",
                        "number-not-finite")
            return node.value
        if isinstance(value, int) and not isinstance(value, bool) and _OCTAL.fullmatch(
                node.value):
            # YAML 1.1 reads `020000` as octal (8192): almost never what an author meant.
            pos = self.at(node)
            self.problems.append(Problem(
                self.doc.file, pos.line, pos.column, dotted(path), "warning",
                f"`{node.value}` starts with 0, so YAML reads it as octal: {value:,}",
                f"write `{node.value.lstrip('+-0') or '0'}` without the leading 0",
                "number-octal"))
        if not isinstance(value, str):
            self.doc.raw[path] = node.value
        return value

    def bad_tag(self, node: Node, path: YamlPath) -> None:
        tag = node.tag.replace(_TAG, "!!")
        self.report(node, path, f"the tag `{tag}` is not allowed",
                    "level files hold plain data only (text, numbers, lists, mappings); remove "
                    "the tag", "yaml-tag")


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _syntax_problem(file: str, error: yaml.YAMLError, text: str) -> Problem:
    """A YAML parser error as a located problem in the author's words."""
    if not isinstance(error, yaml.MarkedYAMLError) or error.problem_mark is None:
        return Problem(file, 1, 1, "", "error", f"cannot read the YAML: {error}", "",
                       "yaml-syntax")
    mark = error.problem_mark
    problem = (error.problem or "").strip()
    context = (error.context or "").strip()
    line, column = mark.line + 1, mark.column + 1
    bad_line = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
    if "\t" in problem or "'\\t'" in problem or ("\t" in bad_line[: mark.column + 1]
                                                 and "cannot start any token" in problem):
        return Problem(file, line, column, "", "error", "a tab character is used for indentation",
                       "YAML indents with spaces only; replace each tab with two spaces (most "
                       "editors have a 'convert tabs to spaces' command)", "yaml-tab")
    if "quoted scalar" in context and error.context_mark is not None:
        start = error.context_mark
        return Problem(file, start.line + 1, start.column + 1, "", "error",
                       "a quoted text starting here is never closed",
                       "add the closing quote; to put a quote inside, use the other kind "
                       "(\"it's\") or double it ('it''s')", "yaml-unclosed-quote")
    if "expected a single document" in context or "expected a single document" in problem:
        return Problem(file, line, column, "", "error", "the file holds more than one document",
                       "a file holds one level; remove the second `---` line", "yaml-syntax")
    hints = {
        "mapping values are not allowed here": "a `:` inside a value needs quotes around the "
        "whole text, or a key is indented too far",
        "could not find expected ':'": "each line inside a mapping is `key: value`; check the "
        "indentation and that the key has a colon",
        "did not find expected key": "the indentation of this line does not match the lines "
        "above it, or a list item `-` is mixed with `key: value` lines",
        "found undefined alias": "an `*alias` names no `&anchor` defined above it",
        "did not find expected node content": "a value is missing after `-` or `:` or a "
        "bracket is not closed",
        "found character that cannot start any token": "a value starting with @, ` or % needs "
        "quotes",
        "did not find expected ',' or ']'": "a list in [brackets] is not closed or misses a "
        "comma",
        "did not find expected ',' or '}'": "a mapping in {braces} is not closed or misses a "
        "comma",
    }
    hint = next((h for key, h in hints.items() if key in problem), "")
    message = problem or "cannot read the YAML"
    if problem.startswith("expected <block end>"):
        message = "this line's indentation does not match the lines above it"
        hint = ("lines of one mapping or list start in the same column; indent with spaces "
                "only, two per level")
        context = ""
    if context:
        message = f"{message} ({context}"
        if error.context_mark is not None and error.context_mark.line != mark.line:
            message += f" at line {error.context_mark.line + 1}"
        message += ")"
    return Problem(file, line, column, "", "error", message, hint, "yaml-syntax")


def _decode(file: str, data: bytes) -> tuple[str | None, Problem | None]:
    """The file's text, or the problem that makes it unreadable as UTF-8 text."""
    for bom, name in ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
                      (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16")):
        if data.startswith(bom):
            return None, Problem(file, 1, 1, "", "error", f"the file is saved as {name}",
                                 "save it as UTF-8 (in most editors: Save As → Encoding → UTF-8)",
                                 "file-encoding")
    if b"\x00" in data:
        return None, Problem(file, 1, 1, "", "error",
                             "this is not a text file (it contains binary data)",
                             "level files are plain text written in YAML; check the file name",
                             "file-binary")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        byte = data[error.start]
        return None, Problem(file, line, column, "", "error",
                             f"the file is not UTF-8 text (byte 0x{byte:02X} cannot be read)",
                             "save it as UTF-8 (in most editors: Save As → Encoding → UTF-8); "
                             "files from older Windows editors are often Windows-1252",
                             "file-encoding")


def parse_text(data: bytes | str, file: str) -> tuple[Document | None, list[Problem]]:
    """Parse YAML bytes or text into a :class:`Document`, or say every reason it cannot be."""
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            return None, [_too_large(file, len(data))]
        text, problem = _decode(file, data)
        if text is None:
            return None, [problem] if problem else []
    else:
        if len(data) > MAX_BYTES:
            return None, [_too_large(file, len(data.encode("utf-8", "replace")))]
        text = data
    if not text.strip():
        return None, [Problem(file, 1, 1, "", "error", "the file is empty",
                              "a level starts with `format: borderlines-level/1`; copy "
                              "levels/examples/minimal.yaml to begin", "file-empty")]
    fast = _compose_fast(text)
    if fast is not None:
        doc, problems, too_deep = _build(fast, file)
        if not too_deep:
            return doc, problems
    # libyaml could not read it, might read it otherwise, or it nests too deep: the pure-Python
    # parser reads it, whose marks and words the checker has always reported (libyaml words its
    # errors differently and stops at other places; the pure parser's own depth limit decides
    # where a deep file is reported).
    root, problem = _compose(text, file)
    if root is None:
        return None, [problem] if problem else []
    doc, problems, _ = _build(root, file)
    return doc, problems


#: Characters the two parsers read differently: a tab inside a line (libyaml allows some that
#: PyYAML refuses) and a byte-order mark that is not at the start.
_DIVERGENT = ("\t", "\ufeff")
#: A block scalar's header followed at once by a comment (``notes: >#``): libyaml allows it.
_HEADER_COMMENT = re.compile(r"[|>][-+0-9]*#")


def _compose_fast(text: str) -> Node | None:
    """The root node as libyaml reads it, or None when only the pure-Python parser may read it.

    None when libyaml is missing, fails (any error is located by the pure-Python parser), or
    might read the text differently from PyYAML: a tab, an inner byte-order mark, a comment
    right after ``|`` or ``>``, a ``?`` in a plain scalar or an empty value inside ``[...]`` or
    ``{...}``. tests/content/test_reader_libyaml.py compares both parsers on the shipped
    levels, the broken corpus and damaged copies of the levels.
    """
    if (FAST_LOADER is yaml.SafeLoader or any(c in text for c in _DIVERGENT)
            or _HEADER_COMMENT.search(text)):
        return None
    try:
        root = yaml.compose(text, Loader=FAST_LOADER)
    except (yaml.YAMLError, ValueError, RecursionError):
        # ValueError: a lone surrogate, which libyaml cannot even encode; PyYAML reports it.
        return None
    if root is None or _reads_differently(root):
        return None
    return root


def _reads_differently(root: Node) -> bool:
    """Whether a plain scalar in a flow collection is one the parsers place or end differently.

    In ``[...]`` and ``{...}``, YAML 1.1 (PyYAML) ends a plain scalar at ``?`` and libyaml does
    not; and an empty value (``{a: }``) is marked one column later by libyaml.
    """
    # A node an alias repeats is visited once in each context: where it is written may be the
    # flow collection reached second.
    seen: set[tuple[int, bool]] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, in_flow = stack.pop()
        if (id(node), in_flow) in seen:
            continue
        seen.add((id(node), in_flow))
        if isinstance(node, ScalarNode):
            # A plain scalar's style is None in PyYAML and "" in libyaml.
            if in_flow and not node.style and (not node.value or "?" in node.value):
                return True
            continue
        in_flow = in_flow or bool(node.flow_style)
        if isinstance(node, SequenceNode):
            stack.extend((item, in_flow) for item in node.value)
        elif isinstance(node, MappingNode):
            stack.extend((part, in_flow) for pair in node.value for part in pair)
    return False


def _compose(text: str, file: str) -> tuple[Node | None, Problem | None]:
    """The root node of ``text`` read by the pure-Python parser, or the problem that stops it."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        return None, _syntax_problem(file, error, text)
    except RecursionError:
        return None, _too_deep(file)
    if root is None:
        return None, Problem(file, 1, 1, "", "error", "the file holds only comments",
                             "a level starts with `format: borderlines-level/1`", "file-empty")
    return root, None


def _build(root: Node, file: str) -> tuple[Document | None, list[Problem], bool]:
    """The document built from ``root``, its problems, and whether it stopped for depth."""
    builder = _Builder(file)
    try:
        builder.doc.data = builder.build(root, (), 0)
    except _Abort as abort:
        return None, [*builder.problems, abort.problem], abort.too_deep
    except RecursionError:
        return None, [_too_deep(file)], True
    return builder.doc, builder.problems, False


def _too_deep(file: str) -> Problem:
    return Problem(file, 1, 1, "", "error", f"values are nested more than {MAX_DEPTH} levels deep",
                   "a level nests at most five or six levels", "yaml-too-big")


def _too_large(file: str, size: int) -> Problem:
    return Problem(file, 0, 0, "", "error",
                   f"the file is {size / 1e6:.1f} MB; content files may be at most "
                   f"{MAX_BYTES / 1e6:g} MB",
                   "a level is a few kilobytes of text; check that this is the right file",
                   "file-too-large")


def read_document(path: str | Path, display: str | None = None) -> tuple[Document | None,
                                                                         list[Problem]]:
    """Read and parse one file; problems explain a missing, huge, binary or malformed file."""
    path = Path(path)
    file = display or str(path)
    try:
        if not path.exists():
            return None, [Problem(file, 0, 0, "", "error", "no such file",
                                  "check the path and the file name's spelling", "file-missing")]
        if path.is_dir():
            return None, [Problem(file, 0, 0, "", "error", "this is a folder, not a file",
                                  "`borderlines check FOLDER` checks every .yaml file in it",
                                  "file-is-directory")]
        if not path.is_file():
            return None, [Problem(file, 0, 0, "", "error", "this is not a regular file",
                                  "name a .yaml file", "file-unreadable")]
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [_too_large(file, size)]
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        return None, [Problem(file, 0, 0, "", "error",
                              f"cannot read the file ({error.strerror or error})",
                              "check that the file exists and that you may read it",
                              "file-unreadable")]
    doc, problems = parse_text(data, file)
    if doc is not None:
        doc.folder = path.resolve().parent
    return doc, problems
