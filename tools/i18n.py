"""Keep the gettext catalogues in step with the English strings, and compile them.

    python tools/i18n.py update    # add new English strings (from assets/i18n/en.json and the
                                   # code's tn() plurals) to every .po, untranslated; drop old ones
                                   # (an en.json key "context\u0004message" is a msgctxt entry)
    python tools/i18n.py compile   # write the .mo beside each .po (the game reads only the .mo)

Translators edit ``assets/i18n/<lang>/LC_MESSAGES/borderlines.po`` with any PO editor (Poedit,
Lokalize, Weblate) and run ``compile``; the tests fail while a string is untranslated or a
``.mo`` is older than its ``.po``. Standard library only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.i18n import CATALOGUES, DOMAIN, LANGUAGES  # noqa: E402
from game.i18n_po import (  # noqa: E402
    LANGUAGE_TEAMS,
    PLURAL_FORMS,
    Entry,
    compile_mo,
    messages_in_code,
    parse_po,
    po_path,
    write_po,
)
from game.paths import ROOT  # noqa: E402


def header(code: str) -> Entry:
    """The header entry of a language's catalogue."""
    fields = {
        "Project-Id-Version": "Borderlines",
        "Language": LANGUAGE_TEAMS.get(code, code),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS[code],
    }
    return Entry("", ["".join(f"{k}: {v}\n" for k, v in fields.items())],
                 comments=[f"Borderlines interface, {LANGUAGES[code]}."])


def wanted_entries() -> list[Entry]:
    """One untranslated entry per English string, plurals as one entry with both forms."""
    english = json.loads((CATALOGUES / "en.json").read_text(encoding="utf-8"))
    found = messages_in_code(ROOT / "game")
    plurals = {f.plural for f in found.values() if f.plural is not None}
    out = []
    for message in english:
        f = found.get(message)
        context, _, msgid = message.rpartition("\x04")
        if f is not None and f.plural is not None:
            out.append(Entry(message, ["", ""], msgid_plural=f.plural))
        elif context:
            out.append(Entry(msgid, msgctxt=context))
        elif message not in plurals:
            out.append(Entry(message))
    return out


def update(code: str) -> tuple[int, int]:
    """Bring one language's ``.po`` in step with en.json; (added, dropped) counts."""
    path = po_path(CATALOGUES, code, DOMAIN)
    old = {e.key: e for e in parse_po(path.read_text(encoding="utf-8"))} if path.exists() \
        else {}
    entries = [old.get("") or header(code)]
    added = 0
    for entry in wanted_entries():
        kept = old.get(entry.key)
        if kept is not None and kept.msgid_plural == entry.msgid_plural:
            entries.append(kept)
        else:
            entry.comments = kept.comments if kept is not None else []
            entries.append(entry)
            added += 1
    dropped = len(set(old) - {e.key for e in entries})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(write_po(entries), encoding="utf-8")
    return added, dropped


def compile_all() -> list[Path]:
    """Compile every language's ``.po`` to its ``.mo``; the ``.mo`` paths written."""
    written = []
    for code in LANGUAGES:
        path = po_path(CATALOGUES, code, DOMAIN)
        if path.exists():
            mo = path.with_suffix(".mo")
            mo.write_bytes(compile_mo(parse_po(path.read_text(encoding="utf-8"))))
            written.append(mo)
    return written


def main(argv: list[str]) -> int:
    """Run ``update`` or ``compile``."""
    if argv == ["update"]:
        for code in PLURAL_FORMS:
            added, dropped = update(code)
            print(f"{code}: {added} new strings to translate, {dropped} old ones dropped")
        return 0
    if argv == ["compile"]:
        for mo in compile_all():
            print(f"wrote {mo.relative_to(ROOT)}")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
