"""News headlines driven by what happened in a turn (DESIGN.md §5, issue 5).

Headlines come from facts only: events that fired, thresholds a metric crossed, partners'
decisions with their stated reasons, agreements made, refused or broken, and tariff threats. The
text never editorialises; it says who did what and, for AI leaders, why they said they did it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from game.i18n import format_number, percent, t, ts
from game.play.decisions import (
    COUNTRY_PHRASES,
    agreement_label,
    country_list,
    country_name,
    country_phrase,
    decision_from_dict,
    money,
    plural_subject,
    policy_label,
)
from game.sim.registry import COUNTRIES, EVENT_NEWS

NewsKind = Literal["event", "threshold", "partner", "agreement", "threat", "teacher"]


@dataclass(frozen=True)
class NewsItem:
    """One headline: what kind of news it is, its text and the country it is about."""

    kind: NewsKind
    text: str
    country: str = ""
    #: A short article under the headline (a level's ``news`` event), else empty.
    body: str = ""

    def to_dict(self) -> dict[str, str]:
        """Plain data for the record and the UI."""
        out = {"kind": self.kind, "text": self.text, "country": self.country}
        return {**out, "body": self.body} if self.body else out


@dataclass(frozen=True)
class Threshold:
    """A round number a metric can cross, with the headline for each direction."""

    metric: str
    level: float
    #: Compare per month (flows) rather than per turn.
    per_month: bool
    up: str
    down: str


THRESHOLDS: tuple[Threshold, ...] = (
    Threshold("us_border_encounters", 100_000, True,
              "US border encounters pass 100,000 a month",
              "US border encounters fall below 100,000 a month"),
    Threshold("us_border_encounters", 50_000, True,
              "US border encounters pass 50,000 a month",
              "US border encounters fall below 50,000 a month"),
    Threshold("deaths_in_transit", 50, True,
              "More than 50 people a month are dying on the way north",
              "Deaths on the way north fall below 50 a month"),
    Threshold("stranded_in_mx_border_towns", 50_000, False,
              "More than 50,000 people are stranded in Mexico's border towns",
              "Fewer than 50,000 people are now stranded in Mexico's border towns"),
    Threshold("asylum_wait_months_us", 36, False,
              "The wait for a US asylum decision passes three years",
              "The wait for a US asylum decision falls below three years"),
    Threshold("asylum_backlog_mx", 100_000, False,
              "Mexico's asylum backlog passes 100,000 cases",
              "Mexico's asylum backlog falls below 100,000 cases"),
    Threshold("approval_us", 40, False,
              "US government approval rises above 40%",
              "US government approval falls below 40%"),
    Threshold("approval_mx", 50, False,
              "Mexican government approval rises above 50%",
              "Mexican government approval falls below 50%"),
    Threshold("approval_ca", 40, False,
              "Canadian government approval rises above 40%",
              "Canadian government approval falls below 40%"),
    Threshold("relations_us_mx", 0, False,
              "US–Mexico relations recover",
              "US–Mexico relations turn hostile"),
)


def threshold_news(metrics: Mapping[str, float], previous: Mapping[str, float],
                   months: int, previous_months: int) -> list[NewsItem]:
    """Headlines for every threshold crossed between the previous turn and this one."""
    items: list[NewsItem] = []
    for th in THRESHOLDS:
        if th.metric not in metrics or th.metric not in previous:
            continue
        now, then = metrics[th.metric], previous[th.metric]
        if th.per_month:
            now, then = now / months, then / max(previous_months, 1)
        if then < th.level <= now:
            items.append(NewsItem("threshold", t(th.up)))
        elif now < th.level <= then:
            items.append(NewsItem("threshold", t(th.down)))
    return items




def event_news(event: Mapping[str, Any]) -> NewsItem:
    """A headline for an event (a level's own headline text wins)."""
    params = dict(event.get("params", {}))
    # A level's news event carries its own headline among its parameters.
    headline = event.get("headline") or (params.get("headline")
                                         if event.get("kind") == "news" else None)
    if headline:
        body = str(params.get("body", "")) if event.get("kind") == "news" else ""
        return NewsItem("teacher" if event.get("source") == "teacher" else "event", t(headline),
                        body=t(body) if body else "")
    kind = str(event.get("kind", ""))
    values: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, str) and (value in COUNTRIES or value == "XR"):
            values[key] = country_name(value, article=True)
            for preposition in COUNTRY_PHRASES:
                values[f"{preposition}_{key}"] = country_phrase(value, preposition)
        elif isinstance(value, str) and key == "blocks":
            values[key] = policy_label(value)
        elif isinstance(value, str):
            values[key] = t(value.replace("_", " "))
        else:
            values[key] = value
    if isinstance(params.get("size"), int | float):
        # Grouped by the code, as the language writes it: a format spec in a message cannot.
        values["size"] = format_number(float(params["size"]))
    if "rate" in params:
        values["rate_pct"] = float(params["rate"]) * 100
    if "change" in params:
        values["change_pct"] = float(params["change"]) * 100
    template = EVENT_NEWS.get(kind, kind.replace("_", " "))
    try:
        # A headline may open with its country ("{country} changes …"): the verb agrees with it.
        text = _sentence(ts(template, plural_subject(str(params.get("country", ""))),
                            **values))
    except (KeyError, ValueError, IndexError):
        text = t(kind.replace("_", " ").capitalize())
    return NewsItem("teacher" if event.get("source") == "teacher" else "event", text,
                    str(params.get("country", "")))


def decision_news(entries: Sequence[Mapping[str, Any]], humans: Sequence[str]) -> list[NewsItem]:
    """Headlines for the decisions of countries not played by a human (with their reasons)."""
    items: list[NewsItem] = []
    for entry in entries:
        country = str(entry.get("country", ""))
        if country in humans or entry.get("type") in ("answer_proposal", "inject_event"):
            continue
        decision = decision_from_dict(entry)
        text = decision.describe()
        reason = entry.get("reason")
        if reason:
            text = t("{text}: “{reason}”", text=text, reason=reason)
        items.append(NewsItem("partner", text, country))
    return items


def agreement_news(kind: str, parties: Sequence[str], what: str, by: str = "",
                   reason: str = "", terms: Mapping[str, Any] | None = None) -> NewsItem:
    """A headline for an agreement proposed, accepted, rejected, countered or broken."""
    names = country_list(parties)
    label = agreement_label(kind)
    templates = {
        "accepted": "{names} agree on {label}",
        "rejected": "{by} rejects {label}",
        "countered": "{by} answers the {label} proposal with a counter-offer",
        "proposed": "{by} proposes {label} {to_others}",
        "broken": "{by} breaks the {label} agreement",
        "withdrawn": "{by} ends {label}",
    }
    if len(parties) == 1 and what in ("accepted", "proposed"):
        # A measure one country takes alone (a visa requirement) is imposed, not agreed.
        what, by = "imposed", parties[0]
        templates["imposed"] = "{by} imposes a {label}"
    text = _sentence(ts(templates[what], plural_subject(by), names=names, label=label,
                        by=country_name(by, article=True),
                        to_others=country_list((p for p in parties if p != by), "to")))
    if terms and what in ("accepted", "countered"):
        shown = _terms_text(terms)
        if shown:
            text = t("{text} ({terms})", text=text, terms=shown)
    if reason:
        text = t("{text}: “{reason}”", text=text, reason=reason)
    return NewsItem("agreement", text, by)


def _terms_text(terms: Mapping[str, Any]) -> str:
    parts = []
    for name, value in terms.items():
        if isinstance(value, str):
            continue
        if name.startswith("share_"):
            parts.append(f"{name[6:].upper()} {percent(float(value) * 100)}")
        elif name.startswith("contribution_"):
            parts.append(f"{name[13:].upper()} {money(float(value))}/yr")
        elif name == "monthly_cap":
            parts.append(t("up to {n} a month", n=format_number(float(value))))
        elif name == "coverage":
            parts.append(t("{p:.0f}% of the border", p=float(value) * 100))
    return ", ".join(parts)


def threat_news(what: str, rate: float, target_reduction: float, months: int = 0,
                by: str = "US", target: str = "MX") -> NewsItem:
    """Headlines for a tariff threat made, met, lifted or carried out."""
    templates = {
        "made": "{by} threatens a {rate:.0f}% tariff on {target} unless border encounters fall "
        "{cut:.0f}% within {months} months",
        "met": "{target} meets the target: {by} drops the tariff threat",
        "lifted": "{by} lifts its tariff threat on {target}",
        "passed": "{target} misses the target, but {by} lets the deadline pass without a tariff",
        "carried_out": "{target} misses the target: {by} imposes a {rate:.0f}% tariff",
    }
    # The threatening country is the subject of most of these: its verb agrees with it.
    return NewsItem("threat", _sentence(ts(
        templates[what], plural_subject(by), by=country_name(by, article=True),
        target=country_name(target, article=True), rate=rate * 100,
        cut=target_reduction * 100, months=months)), by)


def _sentence(text: str) -> str:
    """A headline that may begin with "the United States", capitalised."""
    return text[:1].upper() + text[1:]
