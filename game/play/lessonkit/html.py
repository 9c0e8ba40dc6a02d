"""The kit as one self-contained HTML page that prints as the PDF does.

No external resource: the style sheet is inline and the fonts are the system's (Noto Sans where
installed, else the usual sans-serif), so the page opens and prints offline. Print CSS starts
each section on a new page and keeps rows, answers and the planning grid whole; the page size is
left to the printer, and the widths fit both A4 and Letter.
"""

from __future__ import annotations

from html import escape

from game.i18n import t
from game.play.lessonkit.content import LessonKit
from game.play.lessonkit.document import (
    Answer,
    Block,
    Break,
    Grid,
    Heading,
    Items,
    Para,
    Section,
    Table,
    kit_sections,
)

#: The style sheet: screen and print. Millimetres, so the printed page matches the PDF.
STYLE = """
:root { --ink: #1b1f24; --dim: #5a6270; --rule: #9aa3ad; --shade: #eef1f4; --accent: #1f5f8b; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif;
       font-size: 10.5pt; line-height: 1.4; color: var(--ink); }
body { margin: 0; background: #d9dde2; }
section { background: white; width: 180mm; margin: 8mm auto; padding: 12mm 14mm;
          box-shadow: 0 1px 4px rgba(0,0,0,.25); }
header.sheet { border-bottom: 2px solid var(--accent); margin-bottom: 4mm; }
header.sheet h1 { font-size: 17pt; margin: 0; color: var(--accent); }
header.sheet p { margin: 0 0 1mm; color: var(--dim); font-size: 9pt; }
h2 { font-size: 12.5pt; margin: 5mm 0 1.5mm; color: var(--accent); }
h3 { font-size: 11pt; margin: 4mm 0 1mm; }
p { margin: 0 0 2mm; }
p.lead { font-size: 11.5pt; }
p.note { color: var(--dim); font-size: 9pt; }
p.secret { border: 1.2px solid var(--ink); background: var(--shade); padding: 2mm 3mm;
           font-weight: 600; }
ul, ol { margin: 0 0 2mm; padding-left: 6mm; }
li { margin-bottom: 1mm; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; font-size: 9pt;
        table-layout: fixed; }
th, td { border: 0.8px solid var(--rule); padding: 1.2mm 1.6mm; text-align: left;
         vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--shade); }
td small { display: block; color: var(--dim); font-size: 8pt; margin-top: .6mm; }
table.grid td { height: var(--cell); }
table.grid th:first-child, table.grid td:first-child { font-weight: 600; background: var(--shade); }
.answer { margin: 3mm 0 5mm; break-inside: avoid; }
.answer .line { border-bottom: 0.8px solid var(--rule); height: 8mm; }
.break { break-before: page; page-break-before: always; height: 0; }
footer { text-align: center; color: var(--dim); font-size: 8pt; margin: 4mm 0 8mm; }
@page { margin: 14mm 15mm; }
@media print {
  body { background: white; }
  section { width: auto; margin: 0; padding: 0; box-shadow: none; }
  section + section { break-before: page; page-break-before: always; }
  tr, .answer, p.secret, h2, h3 { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  footer { display: none; }
}
"""


def _block(block: Block) -> str:
    """One block as HTML."""
    if isinstance(block, Heading):
        return f"<h{block.level}>{escape(block.text)}</h{block.level}>"
    if isinstance(block, Para):
        return f'<p class="{block.style}">{escape(block.text)}</p>'
    if isinstance(block, Items):
        tag = "ol" if block.numbered else "ul"
        return f"<{tag}>" + "".join(f"<li>{escape(i)}</li>" for i in block.items) + f"</{tag}>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Grid):
        return _grid(block)
    if isinstance(block, Answer):
        lines = '<div class="line"></div>' * block.lines
        return (f'<div class="answer"><p><b>{block.number}.</b> {escape(block.prompt)}</p>'
                f"{lines}</div>")
    if isinstance(block, Break):
        return '<div class="break"></div>'
    raise TypeError(f"unknown block {block!r}")


def _table(table: Table) -> str:
    """A table with its column widths and each row's note under its first cell."""
    cols = "".join(f'<col style="width:{w * 100:.1f}%">' for w in table.widths)
    head = "".join(f"<th>{escape(h)}</th>" for h in table.headers)
    rows = []
    for i, row in enumerate(table.rows):
        cells = []
        for j, cell in enumerate(row):
            text = escape(cell)
            if j == 0 and i < len(table.notes):
                text = f"<b>{text}</b><small>{escape(table.notes[i])}</small>"
            cells.append(f"<td>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def _grid(grid: Grid) -> str:
    """The planning grid: a label column, then one empty column per turn."""
    label = 0.24
    each = (1 - label) / max(1, len(grid.columns))
    cols = f'<col style="width:{label * 100:.1f}%">' + "".join(
        f'<col style="width:{each * 100:.1f}%">' for _ in grid.columns)
    head = f"<th>{escape(grid.corner)}</th>" + "".join(
        f"<th>{escape(c)}</th>" for c in grid.columns)
    empty = "<td></td>" * len(grid.columns)
    rows = "".join(f"<tr><td>{escape(r)}</td>{empty}</tr>" for r in grid.rows)
    return (f'<table class="grid" style="--cell:{grid.height_mm:g}mm"><colgroup>{cols}'
            f"</colgroup><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")


def _section(section: Section) -> str:
    """A section: its sheet header, then its blocks."""
    body = "\n".join(_block(b) for b in section.blocks)
    return (f'<section id="{escape(section.key)}"><header class="sheet">'
            f"<p>{escape(section.subtitle)}</p><h1>{escape(section.title)}</h1></header>\n"
            f"{body}\n</section>")


def render_html(kit: LessonKit, sections: tuple[Section, ...] | None = None) -> str:
    """The whole kit as one HTML document."""
    parts = sections if sections is not None else kit_sections(kit)
    title = t("Lesson kit: {title}", title=kit.title)
    body = "\n".join(_section(s) for s in parts)
    footer = escape(t("Made by Borderlines. Print it as it is: each section starts a new "
                      "page."))
    return (f'<!DOCTYPE html>\n<html lang="{escape(kit.language)}">\n<head>\n'
            f'<meta charset="utf-8">\n<meta name="viewport" content="width=device-width">\n'
            f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            f"{body}\n<footer>{footer}</footer>\n</body>\n</html>\n")
