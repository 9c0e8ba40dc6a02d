"""The class's report folder: CSV of everything, a printable one-page HTML summary, the save.

:func:`write_report` writes, each file atomically::

    metrics.csv      every canonical metric per turn, then the status-quo baseline's
                     (numbers written with Python's repr, so they read back exactly)
    decisions.csv    every decision: turn, month, team, country, who, type, text, details
    agreements.csv   every proposal and threat with its fate (accepted, broken, ...)
    events.csv       every event that fired: scripted, conditional or injected by the teacher
    teams.csv        each team's country, final scores against the status quo, stars
    causes.csv       the biggest changes of the session split into their causes
    summary.html     one printable page with inline SVG charts (no external files)
    session.json     the session as a save file (for comparisons across classes)

The PNG charts are drawn by the UI (``game.ui.report_export``), the only layer with pygame.
:func:`write_comparison` writes the same kind of folder for several classes side by side.
"""

from __future__ import annotations

import csv
import html
import io
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from game.i18n import format_number, percent, short_number, t
from game.play.atomic import write_atomic, write_text_atomic
from game.play.classroom import ClassDebrief, Comparison
from game.play.decisions import country_name
from game.play.goals import progress
from game.play.record import GameRecord
from game.play.report import metric_label
from game.sim.registry import METRICS


@dataclass(frozen=True)
class ReportFiles:
    """The files a report folder holds."""

    folder: Path
    files: tuple[Path, ...]

    @property
    def html(self) -> Path:
        """The printable summary."""
        return self.folder / "summary.html"


def number_text(value: float) -> str:
    """A metric value as CSV text that reads back as exactly the same float ('' for NaN)."""
    value = float(value)
    return repr(value) if math.isfinite(value) else ""


#: First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def spreadsheet_safe(cell: Any) -> Any:
    """``cell`` as a spreadsheet shows it, never runs it: formula-like text gets a leading ``'``.

    Team names and level texts are typed by students and authors: ``=HYPERLINK(…)`` must
    arrive as text. Numbers (``-12.5``) stay numbers.
    """
    if not isinstance(cell, str) or not cell.startswith(_FORMULA_STARTS):
        return cell
    try:
        float(cell)
    except ValueError:
        return "'" + cell
    return cell


def csv_text(rows: Iterable[Sequence[Any]]) -> str:
    """CSV of ``rows`` with every cell made :func:`spreadsheet_safe`.

    A carriage return inside a cell becomes a line break: the writer quotes cells holding its
    line terminator (a line feed) but not a lone carriage return, which would split the row.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow([_one_line_ending(spreadsheet_safe(cell)) for cell in row])
    return out.getvalue()


def _one_line_ending(cell: Any) -> Any:
    return cell.replace("\r\n", "\n").replace("\r", "\n") if isinstance(cell, str) else cell


_csv = csv_text


def metrics_rows(record: GameRecord, months: Sequence[str] = ()) -> list[list[str]]:
    """metrics.csv: one row per turn, every metric of the record, then the baseline's."""
    names = [m for m in METRICS if any(m in tr.metrics for tr in record.turns)]
    extra = sorted({m for tr in record.turns for m in tr.metrics} - set(names))
    names += extra
    rows = [["turn", "month", *names, *(f"baseline_{n}" for n in names)]]
    for i, turn in enumerate(record.turns):
        rows.append([str(turn.turn), months[i] if i < len(months) else "",
                     *(number_text(turn.metrics.get(n, math.nan)) for n in names),
                     *(number_text(turn.baseline_metrics.get(n, math.nan)) for n in names)])
    return rows


def write_report(folder: str | Path, debrief: ClassDebrief, record: GameRecord) -> ReportFiles:
    """Write the class's report folder (created if needed); returns what was written.

    Raises:
        OSError: the folder cannot be written (the message names it).
    """
    from game.play.saves import encode_save

    target = Path(folder).expanduser()
    target.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    months = list(debrief.months)
    rows = metrics_rows(record, months)
    files.append(write_text_atomic(target / "metrics.csv", _csv(rows)))
    files.append(write_text_atomic(target / "decisions.csv", _csv(decision_rows(debrief))))
    files.append(write_text_atomic(target / "agreements.csv", _csv(agreement_rows(debrief))))
    files.append(write_text_atomic(target / "events.csv", _csv(event_rows(record))))
    files.append(write_text_atomic(target / "teams.csv", _csv(team_rows(debrief))))
    files.append(write_text_atomic(target / "causes.csv", _csv(cause_rows(debrief))))
    files.append(write_text_atomic(target / "summary.html", summary_html(debrief)))
    files.append(write_atomic(target / "session.json", encode_save(record, "manual")))
    return ReportFiles(target, tuple(files))


def decision_rows(debrief: ClassDebrief) -> list[list[str]]:
    """decisions.csv rows."""
    rows = [["turn", "month", "who", "country", "type", "decision", "details"]]
    for e in debrief.timeline:
        details = {k: v for k, v in e.decision.items() if k not in ("type", "country", "text")}
        rows.append([str(e.turn), e.month, e.who, e.country, str(e.decision.get("type", "")),
                     e.text, json.dumps(details, ensure_ascii=False, sort_keys=True)])
    return rows


def agreement_rows(debrief: ClassDebrief) -> list[list[str]]:
    """agreements.csv rows."""
    rows = [["id", "kind", "parties", "proposed_by", "turn", "terms", "status", "outcome",
             "ended_by", "ended_turn", "counter_of"]]
    for a in debrief.agreements:
        rows.append([str(a.id), a.kind, " ".join(a.parties), a.by, str(a.turn),
                     json.dumps(a.terms, sort_keys=True), a.status, a.outcome, a.ended_by,
                     "" if a.ended_turn is None else str(a.ended_turn),
                     "" if a.counter_of is None else str(a.counter_of)])
    return rows


def event_rows(record: GameRecord) -> list[list[str]]:
    """events.csv rows: every event that fired, with where it came from."""
    rows = [["turn", "month", "kind", "source", "params", "headline"]]
    for turn in record.turns:
        for e in turn.events:
            rows.append([str(turn.turn), str(e.get("month", "")), str(e.get("kind", "")),
                         str(e.get("source", "")),
                         json.dumps(e.get("params", {}), sort_keys=True),
                         str(e.get("headline", ""))])
    return rows


def team_rows(debrief: ClassDebrief) -> list[list[str]]:
    """teams.csv rows: scores at the end against the status quo, and stars."""
    # The class/period label is the last column, so a spreadsheet of several classes' files
    # still tells them apart.
    rows = [["team", "country", "score", "final", "status_quo", "difference", "stars",
             "max_stars", "class"]]
    for team in debrief.teams:
        stars, most = debrief.stars.get(team.country, (0, 0))
        lines = [s for s in (*debrief.scores, *debrief.standings) if s.country == team.country]
        for line in lines:
            rows.append([team.name, team.country, line.metric, number_text(line.final),
                         number_text(line.final_baseline), number_text(line.difference),
                         str(stars), str(most), debrief.label])
    for line in debrief.scores:
        if line.country is None:
            rows.append([t("everyone"), "", line.metric, number_text(line.final),
                         number_text(line.final_baseline), number_text(line.difference), "",
                         "", debrief.label])
    return rows


def cause_rows(debrief: ClassDebrief) -> list[list[str]]:
    """causes.csv rows: one per part of each of the biggest changes."""
    rows = [["turn", "month", "metric", "change", "cause", "amount"]]
    for c in debrief.causes:
        for label, amount in c.parts:
            rows.append([str(c.turn), c.month, c.metric, number_text(c.change), label,
                         number_text(amount)])
    return rows


# --- the printable summary ----------------------------------------------------------------------

#: Okabe–Ito colours for the SVG lines (the same palette as the game's charts).
LINE_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9")


def svg_chart(title: str, labels: Sequence[str], lines: Sequence[tuple[str, Sequence[float]]],
              baseline: Sequence[float] | None = None, width: int = 330,
              height: int = 170) -> str:
    """A small self-contained SVG line chart: lines, a dashed status quo, axis labels."""
    values = [v for _, vs in lines for v in vs if math.isfinite(v)]
    values += [v for v in (baseline or []) if math.isfinite(v)]
    esc = html.escape
    if not values:
        return f'<figure><figcaption>{esc(title)}</figcaption><p>{esc(t("No data"))}</p></figure>'
    low, high = min(values), max(values)
    if high - low < 1e-9:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.08
    low, high = low - pad, high + pad
    left, right, top, bottom = 44, width - 8, 10, height - 34
    n = max(len(labels), max((len(vs) for _, vs in lines), default=0), 1)

    def x(i: int) -> float:
        return left + (right - left) * (i / (n - 1) if n > 1 else 0.5)

    def y(v: float) -> float:
        return bottom - (bottom - top) * (v - low) / (high - low)

    parts = [f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'role="img" aria-label="{esc(title)}">']
    for k in range(3):
        v = low + (high - low) * k / 2
        parts.append(f'<line x1="{left}" x2="{right}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
                     'stroke="#ddd"/>')
        parts.append(f'<text x="{left - 4}" y="{y(v) + 4:.1f}" text-anchor="end" '
                     f'font-size="10">{esc(_short(v))}</text>')
    step = max(1, math.ceil(n / 6))
    for i, label in enumerate(labels):
        if i % step == 0 or i == n - 1:
            # The end labels hang inward so they are never cut at the chart's edges.
            anchor = "start" if i == 0 and n > 1 else "end" if i == n - 1 and n > 1 else "middle"
            parts.append(f'<text x="{x(i):.1f}" y="{bottom + 14}" text-anchor="{anchor}" '
                         f'font-size="10">{esc(label)}</text>')

    def path(vs: Sequence[float]) -> str:
        pts = [f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(vs) if math.isfinite(v)]
        return " ".join(pts)

    if baseline:
        parts.append(f'<polyline points="{path(baseline)}" fill="none" stroke="#777" '
                     'stroke-width="1.5" stroke-dasharray="5 4"/>')
    for i, (_, vs) in enumerate(lines):
        colour = LINE_COLOURS[i % len(LINE_COLOURS)]
        parts.append(f'<polyline points="{path(vs)}" fill="none" stroke="{colour}" '
                     'stroke-width="2.2"/>')
        for j, v in enumerate(vs):
            if math.isfinite(v):
                parts.append(f'<circle cx="{x(j):.1f}" cy="{y(v):.1f}" r="2.5" '
                             f'fill="{colour}"/>')
    # The legend, under the axis.
    lx = left
    legend = [(name, LINE_COLOURS[i % len(LINE_COLOURS)], "") for i, (name, _) in
              enumerate(lines)]
    if baseline:
        legend.append((t("Status quo"), "#777", ' stroke-dasharray="5 4"'))
    for name, colour, dash in legend:
        parts.append(f'<line x1="{lx}" x2="{lx + 14}" y1="{height - 8}" y2="{height - 8}" '
                     f'stroke="{colour}" stroke-width="2.2"{dash}/>')
        parts.append(f'<text x="{lx + 18}" y="{height - 4}" font-size="10">{esc(name)}</text>')
        lx += 26 + 6 * len(name)
    parts.append("</svg>")
    return f"<figure><figcaption>{esc(title)}</figcaption>{''.join(parts)}</figure>"


def _short(value: float) -> str:
    """A chart label in the printout's language (the CSV files keep exact numbers)."""
    a = abs(value)
    sign = "-" if value < 0 else ""
    if a >= 1e4:
        return sign + short_number(a, 1 if a >= 1e6 else 0)
    if a >= 100:
        return sign + format_number(a)
    return sign + format_number(a, 1)


def _signed(value: float) -> str:
    if not math.isfinite(value):
        return "–"
    return ("+" if value > 0 else "") + _short(value)


_STYLE = """
body{font-family:Georgia,'Times New Roman',serif;margin:18px auto;max-width:760px;color:#111;
font-size:12.5px;line-height:1.35}
h1{font-size:20px;margin:0}h2{font-size:14px;margin:12px 0 4px;border-bottom:1px solid #999}
.sub{color:#444;margin:2px 0 8px}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:2px 4px;text-align:left;vertical-align:top}
th{font-size:11.5px;color:#333}td.n{text-align:right;font-variant-numeric:tabular-nums}
.charts{display:flex;flex-wrap:wrap;gap:6px}figure{margin:0}figcaption{font-weight:bold;
font-size:11.5px}.good{color:#006b4f}.bad{color:#a33c00}ol,ul{margin:2px 0 2px 18px;padding:0}
.small{font-size:11px;color:#333}
@media print{body{margin:0;max-width:none;font-size:10.5px}h2{margin-top:8px}
.timeline{columns:2;column-gap:18px}@page{size:A4;margin:12mm}}
"""


def _label_part(label: str) -> str:
    """The class/period label, bold, before the rest of a line ("" without one)."""
    return f"<b>{html.escape(label)}</b> · " if label else ""


def summary_html(debrief: ClassDebrief) -> str:
    """One printable page: teams and scores, charts, agreements, causes, timeline, questions."""
    esc = html.escape
    months = list(debrief.months)
    when = datetime.now(UTC).strftime("%Y-%m-%d")
    played = debrief.played_text
    if debrief.ended_early:
        played += " — " + t("ended early by the teacher")
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{esc(debrief.title)} — {esc(t('class report'))}</title>",
           f"<style>{_STYLE}</style></head><body>",
           f"<h1>{esc(debrief.title)}: {esc(t('class report'))}</h1>",
           f'<p class="sub">{_label_part(debrief.label)}{esc(played)} · '
           f'{esc(t("seed"))} {debrief.seed} · '
           f'{esc(t("written"))} {when}</p>']
    # Teams and scores.
    out.append(f"<h2>{esc(t('Teams and scores against the status quo'))}</h2><table><tr>"
               f"<th>{esc(t('Team'))}</th><th>{esc(t('Country'))}</th>"
               f"<th>{esc(t('Score'))}</th><th class=n>{esc(t('End'))}</th>"
               f"<th class=n>{esc(t('Status quo'))}</th><th class=n>{esc(t('Difference'))}</th>"
               f"<th class=n>{esc(t('Stars'))}</th></tr>")
    for team in debrief.teams:
        stars, most = debrief.stars.get(team.country, (0, 0))
        lines = [s for s in (*debrief.scores, *debrief.standings) if s.country == team.country]
        for k, line in enumerate(lines):
            cls = _good_class(line.metric, line.difference)
            out.append(
                f"<tr><td>{esc(team.name) if k == 0 else ''}</td>"
                f"<td>{esc(country_name(team.country)) if k == 0 else ''}</td>"
                f"<td>{esc(line.label)}</td><td class=n>{_short(line.final)}</td>"
                f"<td class=n>{_short(line.final_baseline)}</td>"
                f'<td class="n {cls}">{_signed(line.difference)}</td>'
                f"<td class=n>{f'{stars} / {most}' if k == 0 else ''}</td></tr>")
    for line in debrief.scores:
        if line.country is None:
            cls = _good_class(line.metric, line.difference)
            out.append(f"<tr><td>{esc(t('The whole region'))}</td><td></td>"
                       f"<td>{esc(line.label)}</td><td class=n>{_short(line.final)}</td>"
                       f"<td class=n>{_short(line.final_baseline)}</td>"
                       f'<td class="n {cls}">{_signed(line.difference)}</td><td></td></tr>')
    out.append("</table>")
    # Charts.
    out.append(f"<h2>{esc(t('Over the session'))}</h2><div class=charts>")
    hum = next((s for s in debrief.scores if s.country is None), None)
    if hum is not None:
        out.append(svg_chart(hum.label, months, [(t("The class"), hum.values)], hum.baseline))
    political = [s for s in debrief.scores if s.country is not None]
    if political:
        out.append(svg_chart(t("Political scores"), months,
                             [(debrief.team_name(s.country or ""), s.values) for s in political]))
    for metric in ("deaths_in_transit", "us_border_encounters"):
        if metric in debrief.history:
            out.append(svg_chart(metric_label(metric), months,
                                 [(t("The class"), debrief.history[metric])],
                                 debrief.baseline.get(metric)))
    if debrief.relations:
        out.append(svg_chart(t("Relations (−100 to 100)"), months,
                             [(metric_label(m), v) for m, v in debrief.relations.items()]))
    out.append("</div>")
    out += _agreements_html(debrief) + _causes_html(debrief)
    # Objectives per team.
    out.append(f"<h2>{esc(t('Objectives'))}</h2><ul>")
    for team in debrief.teams:
        items = debrief.objectives.get(team.country, ())
        own = [o for o in items if o.team == team.country]
        if own:
            got = ", ".join(f"{o.text} ({t('met') if o.met else t('not met')})" for o in own)
            out.append(f"<li><b>{esc(team.name)}</b>: {esc(got)}</li>")
    shared = next(iter(debrief.objectives.values()), ())
    for o in shared:
        if o.team is None:
            out.append(f"<li>{esc(o.text)}: {esc(t('met') if o.met else t('not met'))}"
                       f"<br><span class=small>{esc(progress(o))}</span></li>")
    out.append("</ul>")
    # Timeline.
    out.append(f"<h2>{esc(t('Decisions, turn by turn'))}</h2><div class='timeline small'><ol>")
    for e in debrief.timeline:
        out.append(f"<li>{esc(t('Turn {n}', n=e.turn))} · {esc(e.who)}: {esc(e.text)}</li>")
    out.append("</ol></div>")
    if debrief.questions:
        out.append(f"<h2>{esc(t('To discuss'))}</h2><ol>")
        out.extend(f"<li>{esc(q)}</li>" for q in debrief.questions)
        out.append("</ol>")
    if debrief.sources:
        out.append(f"<h2>{esc(t('Sources'))}</h2><ul class=small>")
        out.extend(f"<li>{esc(s)}</li>" for s in debrief.sources)
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _agreements_html(debrief: ClassDebrief) -> list[str]:
    """The report's proposals, agreements and threats, with each one's fate."""
    esc = html.escape
    out: list[str] = []
    out.append(f"<h2>{esc(t('Proposals, agreements and threats'))}</h2>")
    if debrief.agreements:
        out.append("<ul>")
        for a in debrief.agreements:
            parties = ", ".join(debrief.team_name(p) for p in a.parties)
            fate = t(a.status.replace("_", " "))
            if a.outcome == "broken":
                fate += " — " + t("broken by {who} in turn {n}",
                                  who=debrief.team_name(a.ended_by), n=a.ended_turn)
            elif a.outcome == "withdrawn":
                fate += " — " + t("later replaced or withdrawn")
            terms = ", ".join(f"{k.replace('_', ' ')} {_term(v)}" for k, v in a.terms.items())
            out.append(f"<li>{esc(t('Turn {n}', n=a.turn))}: <b>{esc(a.label)}</b> "
                       f"({esc(parties)}; {esc(t('offered by {who}', who=debrief.team_name(a.by)))}"
                       f"{'; ' + esc(terms) if terms else ''}): {esc(fate)}</li>")
        out.append("</ul>")
    else:
        out.append(f"<p>{esc(t('No proposals were made.'))}</p>")
    return out


def _causes_html(debrief: ClassDebrief) -> list[str]:
    """The report's biggest changes, each with its causes."""
    esc = html.escape
    out: list[str] = []
    out.append(f"<h2>{esc(t('The biggest changes and their causes'))}</h2>")
    if debrief.causes:
        out.append("<ul>")
        for c in debrief.causes:
            parts = "; ".join(f"{esc(label)} {_signed(amount)}" for label, amount in c.parts[:4])
            against = t("against the status quo") if c.against_status_quo else t(
                "since the turn before")
            out.append(f"<li>{esc(t('Turn {n}', n=c.turn))} ({esc(c.month)}), "
                       f"<b>{esc(c.label)}</b> {_signed(c.change)} {esc(against)}: "
                       f"{parts}</li>")
        out.append("</ul>")
    else:
        out.append(f"<p>{esc(t('Changes are explained from the second turn on.'))}</p>")
    return out


def _term(value: Any) -> str:
    if isinstance(value, float) and 0 < value <= 1:
        return percent(value * 100)
    if isinstance(value, float):
        return format_number(value)
    return str(value)


def _good_class(metric: str, difference: float) -> str:
    spec = METRICS.get(metric)
    better = spec.better if spec else 1
    if not math.isfinite(difference) or difference == 0 or better == 0:
        return ""
    return "good" if (difference > 0) == (better > 0) else "bad"


# --- comparisons --------------------------------------------------------------------------------


def comparison_rows(comparison: Comparison) -> list[list[str]]:
    """comparison.csv: one row per session and turn, the scores and key outcomes."""
    names = ["humanitarian_score", "political_score_us", "political_score_mx",
             "political_score_ca", "deaths_in_transit", "protection_granted",
             "us_border_encounters", "approval_us", "approval_mx", "approval_ca"]
    rows = [["session", "teams", "turn", *names, *(f"baseline_{n}" for n in names)]]
    for s in comparison.sessions:
        teams = "; ".join(f"{tm.name} ({tm.country})" for tm in s.teams)
        for i in range(s.turns):
            rows.append([s.name, teams, str(i + 1),
                         *(number_text(s.metrics.get(n, ())[i]) if i < len(s.metrics.get(n, ()))
                           else "" for n in names),
                         *(number_text(s.baseline.get(n, ())[i])
                           if i < len(s.baseline.get(n, ())) else "" for n in names)])
    return rows


def comparison_html(comparison: Comparison) -> str:
    """One page: each class's final scores against the same status quo, and the score lines."""
    esc = html.escape
    fair = t("Every session met the same random events (identical status quo).") \
        if comparison.fair else t("Warning: the sessions' status quo differ; the comparison is "
                                  "not like for like.")
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{esc(comparison.title)} — {esc(t('comparison'))}</title>",
           f"<style>{_STYLE}</style></head><body>",
           f"<h1>{esc(comparison.title)}: {esc(t('classes compared'))}</h1>",
           f'<p class="sub">{esc(t("seed"))} {comparison.seed} · {esc(fair)}</p>',
           f"<table><tr><th>{esc(t('Session'))}</th><th>{esc(t('Teams'))}</th>"
           f"<th class=n>{esc(t('Turns'))}</th><th class=n>{esc(t('Humanitarian'))}</th>"
           f"<th class=n>{esc(t('Deaths'))}</th><th class=n>{esc(t('Agreements'))}</th></tr>"]
    for s in comparison.sessions:
        hum = s.metrics.get("humanitarian_score", ())
        deaths = sum(v for v in s.metrics.get("deaths_in_transit", ()) if math.isfinite(v))
        teams = ", ".join(f"{tm.name} ({tm.country})" for tm in s.teams)
        out.append(f"<tr><td>{esc(s.name)}</td><td>{esc(teams)}</td><td class=n>{s.turns}</td>"
                   f"<td class=n>{_short(hum[-1]) if hum else '–'}</td>"
                   f"<td class=n>{_short(deaths)}</td><td class=n>{s.agreements}</td></tr>")
    out.append("</table><div class=charts>")
    longest = max(comparison.sessions, key=lambda s: s.turns)
    labels = [str(i + 1) for i in range(longest.turns)]
    for metric in ("humanitarian_score", "deaths_in_transit"):
        out.append(svg_chart(metric_label(metric), labels,
                             [(s.name, s.metrics.get(metric, ())) for s in comparison.sessions],
                             longest.baseline.get(metric), width=360))
    out.append("</div>")
    if comparison.skipped:
        out.append(f"<h2>{esc(t('Left out'))}</h2><ul>")
        out.extend(f"<li>{esc(line)}</li>" for line in comparison.skipped)
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def write_comparison(folder: str | Path, comparison: Comparison) -> ReportFiles:
    """Write comparison.csv and comparison.html into ``folder``."""
    target = Path(folder).expanduser()
    target.mkdir(parents=True, exist_ok=True)
    files = (write_text_atomic(target / "comparison.csv", _csv(comparison_rows(comparison))),
             write_text_atomic(target / "comparison.html", comparison_html(comparison)))
    return ReportFiles(target, files)


def load_session_files(paths: Iterable[str | Path]) -> tuple[list[GameRecord], list[str]]:
    """Records from save files or report folders (their session.json); and why others failed."""
    from game.play.saves import SaveError, read_save

    records: list[GameRecord] = []
    problems: list[str] = []
    for raw in paths:
        try:
            path = Path(raw).expanduser()
            if path.is_dir():
                path = path / "session.json"
        except (OSError, ValueError, RuntimeError) as exc:
            # A pasted path may be too long, hold a NUL or name an unknown ~user.
            problems.append(t("{path}: this is not a path to a save ({detail}).",
                              path=str(raw)[:80], detail=getattr(exc, "strerror", None) or exc))
            continue
        try:
            records.append(read_save(path).record)
        except SaveError as error:
            problems.append(f"{path}: {error}")
    return records, problems
