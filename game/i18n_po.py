"""Read, write and compile gettext ``.po`` catalogues with the standard library only.

For ``tools/i18n.py`` and the tests; the game itself reads only the compiled ``.mo`` files (with
:mod:`gettext`). The compiler writes the same GNU ``.mo`` layout as ``msgfmt`` (no hash table,
which :mod:`gettext` does not use), so the build needs no Babel and no GNU gettext.
"""

from __future__ import annotations

import ast
import re
import struct
from dataclasses import dataclass, field
from pathlib import Path

#: Plural rules, as each language's ``Plural-Forms`` header states them (CLDR: French treats 0 as
#: singular, Spanish does not).
PLURAL_FORMS = {
    "es": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
}
LANGUAGE_TEAMS = {"es": "es_419", "fr": "fr_CA"}
#: A ``str.format`` field with its format spec: ``{n}``, ``{p:.0f}``, ``{size:,.0f}``.
_PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*(?:[:!][^{}]*)?)\}(?!\})")


@dataclass
class Entry:
    """One message of a catalogue: its English id (and plural), translations and comments."""

    msgid: str
    msgstr: list[str] = field(default_factory=lambda: [""])
    msgid_plural: str | None = None
    comments: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    fuzzy: bool = False
    #: gettext's ``msgctxt``: which use of the English words this entry translates.
    msgctxt: str | None = None

    @property
    def key(self) -> str:
        """The key in a compiled catalogue and in en.json: context, U+0004, msgid."""
        return self.msgid if self.msgctxt is None else f"{self.msgctxt}\x04{self.msgid}"

    @property
    def translated(self) -> bool:
        """Whether every form has a translation that is not marked fuzzy."""
        return not self.fuzzy and all(self.msgstr)


def placeholders(text: str) -> set[str]:
    """The ``{named}`` placeholders of a message, each with its format spec."""
    return set(_PLACEHOLDER.findall(text))


def _unquote(line: str) -> str:
    value = ast.literal_eval(line)
    if not isinstance(value, str):
        raise ValueError(f"not a string: {line!r}")
    return value


def parse_po(text: str) -> list[Entry]:
    """The entries of a ``.po`` file (header included, as the entry with msgid ``""``)."""
    entries: list[Entry] = []
    comments: list[str] = []
    references: list[str] = []
    fuzzy = False
    current: Entry | None = None
    target: tuple[str, int] | None = None

    def finish() -> None:
        nonlocal current, comments, references, fuzzy
        if current is not None:
            entries.append(current)
        current, comments, references, fuzzy = None, [], [], False

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            finish()
            target = None
        elif line.startswith("#") and target is not None and target[0] == "msgstr":
            finish()  # a comment after a msgstr starts the next entry
            target = None
            comments.append(line[2:].strip()) if line.startswith("#.") else None
        elif line.startswith("#."):
            comments.append(line[2:].strip())
        elif line.startswith("#:"):
            references.append(line[2:].strip())
        elif line.startswith("#,"):
            fuzzy = fuzzy or "fuzzy" in line
        elif line.startswith("#"):
            continue
        elif line.startswith("msgid_plural "):
            assert current is not None
            current.msgid_plural = _unquote(line[len("msgid_plural "):])
            target = ("msgid_plural", 0)
        elif line.startswith("msgctxt "):
            if current is not None:
                finish()
            current = Entry("", [], comments=comments, references=references, fuzzy=fuzzy,
                            msgctxt=_unquote(line[len("msgctxt "):]))
            target = ("msgctxt", 0)
        elif line.startswith("msgid "):
            if current is not None and not (target is not None and target[0] == "msgctxt"):
                finish()
            if current is None:
                current = Entry("", [], comments=comments, references=references, fuzzy=fuzzy)
            current.msgid = _unquote(line[len("msgid "):])
            target = ("msgid", 0)
        elif line.startswith("msgstr["):
            assert current is not None
            index = int(line[len("msgstr["):line.index("]")])
            while len(current.msgstr) <= index:
                current.msgstr.append("")
            current.msgstr[index] = _unquote(line[line.index("]") + 1:].strip())
            target = ("msgstr", index)
        elif line.startswith("msgstr "):
            assert current is not None
            current.msgstr = [_unquote(line[len("msgstr "):])]
            target = ("msgstr", 0)
        elif line.startswith('"') and current is not None and target is not None:
            more = _unquote(line)
            kind, index = target
            if kind == "msgctxt":
                current.msgctxt = (current.msgctxt or "") + more
            elif kind == "msgid":
                current.msgid += more
            elif kind == "msgid_plural":
                current.msgid_plural = (current.msgid_plural or "") + more
            else:
                current.msgstr[index] += more
        else:
            raise ValueError(f"cannot read this .po line: {raw!r}")
    finish()
    return entries


def _quoted(text: str) -> str:
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\t", "\\t"))
    return f'"{escaped}"'


def write_po(entries: list[Entry]) -> str:
    """The text of a ``.po`` file with these entries, in this order."""
    out: list[str] = []
    for entry in entries:
        out += [f"#. {c}" for c in entry.comments]
        out += [f"#: {r}" for r in entry.references]
        if entry.fuzzy:
            out.append("#, fuzzy")
        if entry.msgctxt is not None:
            out.append(f"msgctxt {_quoted(entry.msgctxt)}")
        out.append(f"msgid {_quoted(entry.msgid)}")
        if entry.msgid_plural is not None:
            out.append(f"msgid_plural {_quoted(entry.msgid_plural)}")
            out += [f"msgstr[{i}] {_quoted(s)}" for i, s in enumerate(entry.msgstr)]
        elif entry.msgid == "" and "\n" in entry.msgstr[0]:
            out.append('msgstr ""')
            out += [_quoted(line + "\n") for line in entry.msgstr[0].splitlines()]
        else:
            out.append(f"msgstr {_quoted(entry.msgstr[0])}")
        out.append("")
    return "\n".join(out)


def compile_mo(entries: list[Entry]) -> bytes:
    """The GNU ``.mo`` bytes of a catalogue: translated, non-fuzzy entries and the header."""
    pairs: dict[bytes, bytes] = {}
    for entry in entries:
        if entry.msgid and not entry.translated:
            continue  # gettext then falls back to the English msgid
        msgid = entry.key if entry.msgid_plural is None else (
            entry.key + "\0" + entry.msgid_plural)
        pairs[msgid.encode("utf-8")] = "\0".join(entry.msgstr).encode("utf-8")
    keys = sorted(pairs)
    header_size = 7 * 4
    ids_start = header_size
    strs_start = ids_start + len(keys) * 8
    data_start = strs_start + len(keys) * 8
    id_table: list[tuple[int, int]] = []
    str_table: list[tuple[int, int]] = []
    blob = b""
    for key in keys:
        id_table.append((len(key), data_start + len(blob)))
        blob += key + b"\0"
    for key in keys:
        value = pairs[key]
        str_table.append((len(value), data_start + len(blob)))
        blob += value + b"\0"
    out = struct.pack("<7I", 0x950412DE, 0, len(keys), ids_start, strs_start, 0, data_start)
    out += b"".join(struct.pack("<2I", *pair) for pair in id_table)
    out += b"".join(struct.pack("<2I", *pair) for pair in str_table)
    return out + blob


def po_path(root: Path, code: str, domain: str) -> Path:
    """Where the ``.po`` of a language lives under the catalogues folder ``root``."""
    return root / code / "LC_MESSAGES" / f"{domain}.po"


@dataclass(frozen=True)
class Found:
    """Where the code passes a literal message to ``t`` or ``tn`` (``plural`` for ``tn``)."""

    where: str
    plural: str | None = None


#: Functions whose first argument is a message (``t``), a singular and a plural (``tn``), a
#: context and a message (``tc``), or a sentence whose subject is a country (``ts``: it is also
#: looked up in the context :data:`PLURAL_SUBJECT`, for languages where the country's name takes
#: a plural verb, as French *les États-Unis*).
TRANSLATORS = ("t", "tn", "tc", "ts")
PLURAL_SUBJECT = "plural subject"


def messages_in_code(package: Path) -> dict[str, Found]:
    """Every literal message given to ``t``, ``tn``, ``tc`` or ``ts`` in ``package``'s modules.

    Keyed as in a compiled catalogue: a message with a context as context, U+0004, message.
    """
    found: dict[str, Found] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        where = f"{path.relative_to(package.parent).as_posix()}"
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in TRANSLATORS and node.args):
                continue
            literals = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str)
                        else None for a in node.args[:2]]
            if node.func.id == "t" and literals[0] is not None:
                found.setdefault(literals[0], Found(f"{where}:{node.lineno}"))
            elif node.func.id == "ts" and literals[0] is not None:
                found.setdefault(literals[0], Found(f"{where}:{node.lineno}"))
                found.setdefault(f"{PLURAL_SUBJECT}\x04{literals[0]}",
                                 Found(f"{where}:{node.lineno}"))
            elif node.func.id == "tc" and None not in literals[:2] and len(literals) == 2:
                found.setdefault(f"{literals[0]}\x04{literals[1]}",
                                 Found(f"{where}:{node.lineno}"))
            elif node.func.id == "tn" and len(literals) == 2 and None not in literals:
                found[str(literals[0])] = Found(f"{where}:{node.lineno}", literals[1])
    return found
