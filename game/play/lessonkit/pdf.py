"""The kit as a PDF, drawn with fpdf2 in the game's own font (Noto Sans, embedded as a subset).

fpdf2 is pure Python (no browser, no system library), so any machine that runs the game can
print the kit. Each section starts a new page; headings never end a page; table rows, answers
and the planning grid's rows are never split; a footer names the kit and numbers the pages.
"""

from __future__ import annotations

from typing import Any

from fpdf import FPDF, FontFace
from fpdf.enums import TableCellFillMode, VAlign, WrapMode
from fpdf.util import Padding

from game.i18n import t
from game.paths import ASSETS
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

FONT = "NotoSans"
FONTS = ASSETS / "fonts"
#: Paper sizes the kit prints on (fpdf2's names).
PAPERS = {"letter": "Letter", "a4": "A4"}
MARGIN = 15.0
INK = (27, 31, 36)
DIM = (90, 98, 112)
RULE = (154, 163, 173)
SHADE = (238, 241, 244)
ACCENT = (31, 95, 139)
#: Room a heading needs below it (mm): less than this left on the page, it starts the next.
KEEP_WITH_NEXT = 28.0


def _plain(text: str) -> str:
    """``text`` with fpdf2's markdown markers broken up, for cells drawn with markdown."""
    for marker, single in (("**", "*"), ("__", "_"), ("--", "–"), ("~~", "~")):
        text = text.replace(marker, single)
    return text


class KitPDF(FPDF):
    """A PDF with the kit's font, margins and footer."""

    def __init__(self, paper: str, footer_text: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format=PAPERS[paper])
        self.footer_text = footer_text
        self.add_font(FONT, "", str(FONTS / "NotoSans-Regular.ttf"))
        self.add_font(FONT, "B", str(FONTS / "NotoSans-Bold.ttf"))
        self.add_font(FONT, "I", str(FONTS / "NotoSans-Italic.ttf"))
        # No bold italic face ships: bold stands in for it (markdown may ask for it).
        self.add_font(FONT, "BI", str(FONTS / "NotoSans-Bold.ttf"))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, MARGIN + 4)
        self.set_text_color(*INK)
        self.set_draw_color(*RULE)

    def footer(self) -> None:
        """The kit's name and the page number, small, at the foot of each page."""
        self.set_y(-MARGIN)
        self.set_font(FONT, "", 7.5)
        self.set_text_color(*DIM)
        self.cell(0, 5, f"{self.footer_text} · {self.page_no()}/{{nb}}", align="C")
        self.set_text_color(*INK)

    @property
    def width(self) -> float:
        """Width between the margins."""
        return float(self.epw)

    def room(self) -> float:
        """Millimetres left above the bottom margin."""
        return float(self.page_break_trigger - self.get_y())


def _text(pdf: KitPDF, text: str, size: float, style: str = "", colour: tuple[int, ...] = INK,
          gap: float = 1.5) -> None:
    """A wrapped paragraph across the page."""
    pdf.set_font(FONT, style, size)
    pdf.set_text_color(*colour)
    pdf.set_x(pdf.l_margin)
    pdf.multi_cell(pdf.width, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)
    pdf.ln(gap)


def _line_count(pdf: KitPDF, width: float, height: float, text: str) -> int:
    """How many lines ``text`` takes at ``width`` in the current font."""
    lines = pdf.multi_cell(width, height, text, dry_run=True, output="LINES")
    return len(lines) if isinstance(lines, list) else 1


def _heading(pdf: KitPDF, block: Heading) -> None:
    if pdf.room() < KEEP_WITH_NEXT:
        pdf.add_page()
    size = 12.5 if block.level <= 2 else 11.0
    pdf.ln(2.5 if block.level <= 2 else 1.5)
    _text(pdf, block.text, size, "B", ACCENT if block.level <= 2 else INK, 1.0)


def _para(pdf: KitPDF, block: Para) -> None:
    if block.style == "secret":
        pdf.set_font(FONT, "B", 10)
        pdf.set_fill_color(*SHADE)
        pdf.set_draw_color(*INK)
        if pdf.room() < _line_count(pdf, pdf.width - 6, 5, block.text) * 5 + 6:
            pdf.add_page()
        pdf.multi_cell(pdf.width, 5, block.text, border=1, fill=True, align="L",
                       padding=Padding(2.5, 2.5, 2.5, 2.5), new_x="LMARGIN", new_y="NEXT")
        pdf.set_draw_color(*RULE)
        pdf.ln(2)
        return
    size, colour = {"lead": (11.5, INK), "note": (9.0, DIM)}.get(block.style, (10.0, INK))
    _text(pdf, block.text, size, "", colour)


def _items(pdf: KitPDF, block: Items) -> None:
    pdf.set_font(FONT, "", 10)
    indent = 6.0
    for i, item in enumerate(block.items, start=1):
        mark = f"{i}." if block.numbered else "•"
        if pdf.room() < min(_line_count(pdf, pdf.width - indent, 5, item), 3) * 5:
            pdf.add_page()
        y = pdf.get_y()
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(indent, 5, mark)
        pdf.set_xy(pdf.l_margin + indent, y)
        pdf.multi_cell(pdf.width - indent, 5, item, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(0.8)
    pdf.ln(1)


def _table_options(widths: tuple[float, ...], width: float) -> dict[str, Any]:
    return dict(col_widths=tuple(w * width for w in widths), width=width, text_align="LEFT",
                line_height=4.3, padding=(1.2, 1.6), first_row_as_headings=True,
                repeat_headings=1, borders_layout="ALL", v_align=VAlign.T,
                headings_style=FontFace(emphasis="BOLD", fill_color=SHADE),
                cell_fill_mode=TableCellFillMode.NONE, wrapmode=WrapMode.WORD)


def _table(pdf: KitPDF, block: Table) -> None:
    notes = bool(block.notes)
    pdf.set_font(FONT, "", 8.8)
    pdf.set_fill_color(255, 255, 255)  # a boxed paragraph's shade must not fill the cells
    if pdf.room() < 30:
        pdf.add_page()
    with pdf.table(markdown=notes, **_table_options(block.widths, pdf.width)) as table:
        table.row([_plain(h) if notes else h for h in block.headers])
        for i, row in enumerate(block.rows):
            cells = [_plain(c) if notes else c for c in row]
            if notes and i < len(block.notes):
                cells[0] = f"**{cells[0]}**\n__{_plain(block.notes[i])}__"
            table.row(cells)
    pdf.ln(2.5)


def _grid(pdf: KitPDF, block: Grid) -> None:
    label = 0.24
    each = (1 - label) / max(1, len(block.columns))
    pdf.set_font(FONT, "", 9)
    pdf.set_fill_color(255, 255, 255)
    first = FontFace(emphasis="BOLD", fill_color=SHADE)
    # The grid is the page's last block: its rows share what the page has left.
    height = max(block.height_mm, (pdf.room() - 12) / max(1, len(block.rows)))
    with pdf.table(**_table_options((label, *([each] * len(block.columns))),
                                    pdf.width)) as table:
        table.row([block.corner, *block.columns])
        for name in block.rows:
            row = table.row(min_height=height)
            row.cell(name, style=first)
            for _ in block.columns:
                row.cell("")
    pdf.ln(2)


def _answer(pdf: KitPDF, block: Answer) -> None:
    pdf.set_font(FONT, "", 10.5)
    needed = _line_count(pdf, pdf.width - 7, 5.2, block.prompt) * 5.2 + block.lines * 8.5 + 6
    if pdf.room() < needed:
        pdf.add_page()
    y = pdf.get_y() + 2
    pdf.set_xy(pdf.l_margin, y)
    pdf.set_font(FONT, "B", 10.5)
    pdf.cell(7, 5.2, f"{block.number}.")
    pdf.set_font(FONT, "", 10.5)
    pdf.set_xy(pdf.l_margin + 7, y)
    pdf.multi_cell(pdf.width - 7, 5.2, block.prompt, align="L", new_x="LMARGIN",
                   new_y="NEXT")
    y = pdf.get_y()
    for _ in range(block.lines):
        y += 8.5
        pdf.line(pdf.l_margin + 7, y, pdf.l_margin + pdf.width, y)
    pdf.set_y(y + 4)


def _block(pdf: KitPDF, block: Block) -> None:
    """Draw one block at the current position."""
    if isinstance(block, Heading):
        _heading(pdf, block)
    elif isinstance(block, Para):
        _para(pdf, block)
    elif isinstance(block, Items):
        _items(pdf, block)
    elif isinstance(block, Table):
        _table(pdf, block)
    elif isinstance(block, Grid):
        _grid(pdf, block)
    elif isinstance(block, Answer):
        _answer(pdf, block)
    elif isinstance(block, Break):
        pdf.add_page()


def _sheet_header(pdf: KitPDF, section: Section) -> None:
    """The section's small subtitle, its title and a rule under them."""
    _text(pdf, section.subtitle, 8.5, "", DIM, 0.5)
    _text(pdf, section.title, 17, "B", ACCENT, 0.5)
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.6)
    y = pdf.get_y()
    pdf.line(pdf.l_margin, y, pdf.l_margin + pdf.width, y)
    pdf.set_line_width(0.2)
    pdf.set_draw_color(*RULE)
    pdf.ln(4)


def render_pdf(kit: LessonKit, paper: str = "letter",
               sections: tuple[Section, ...] | None = None) -> bytes:
    """The whole kit as PDF bytes on ``paper`` (``letter`` or ``a4``)."""
    footer = t("Borderlines lesson kit · {title}", title=kit.title)
    if kit.label:
        footer += f" · {kit.label}"
    pdf = KitPDF(paper, footer)
    pdf.set_title(t("Lesson kit: {title}", title=kit.title))
    pdf.set_creator("Borderlines")
    pdf.set_lang(kit.language)
    for section in sections if sections is not None else kit_sections(kit):
        pdf.add_page()
        _sheet_header(pdf, section)
        for block in section.blocks:
            _block(pdf, block)
    return bytes(pdf.output())
