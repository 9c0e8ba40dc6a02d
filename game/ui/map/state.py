"""What the map shows: plain numbers per corridor, sector, town and region (no pygame here)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from game.play.names import LEVERS

from .corridors import (
    CORRIDOR_BY_NAME,
    DARIEN_DEATH_SHARE,
    DEATH_REGION_BY_NAME,
    MX_SOUTH,
    TOWNS,
    US_AGENT_SHARE,
    US_BORDER_DEATH_SHARE,
    US_CA,
    US_CROSSING_SHARE,
    US_DEATH_SHARE,
    US_SECTORS,
)

#: Split of people in transit through Mexico over its routes at the status quo (assumed: the
#: Gulf route to the Rio Grande Valley carried most Central Americans in the mid-2010s, which is
#: why the RGV led apprehensions).
TRANSIT_SHARE = {
    "transit_gulf": 0.50,
    "transit_central": 0.22,
    "transit_pacific": 0.13,
    "transit_remote": 0.15,
}
#: Share of US asylum claims lodged at ports of entry rather than after crossing (assumed), and
#: how they split over the three busiest ports.
PORT_SHARE = 0.3
PORT_SPLIT = {"port_san_ysidro": 0.4, "port_el_paso": 0.25, "port_brownsville": 0.35}
#: How legal admissions split over the flight arcs (assumed; most US H-2A workers are Mexican).
LEGAL_SPLIT = {
    "legal_admissions_us": {"legal_us_mx": 0.6, "legal_us_nt": 0.25, "legal_us_sv": 0.15},
    "legal_admissions_ca": {"legal_ca_mx": 0.75, "legal_ca_nt": 0.25},
    "legal_admissions_mx": {"legal_mx_nt": 1.0},
}
#: Sectors whose crossings are mostly through or beside cities, and the remote ones (desert,
#: mountains, empty river country), to follow the simulation's urban/remote split.
URBAN_SECTORS = ("san_diego", "el_paso", "laredo", "rio_grande_valley")
REMOTE_SECTORS = ("el_centro", "yuma", "tucson", "big_bend", "del_rio")
#: Mexican emigrants by the three northbound legs from central Mexico (assumed).
MX_ORIGIN_SPLIT = {"origin_mx": 0.5, "origin_mx_east": 0.35, "origin_mx_ojinaga": 0.15}


def _default(lever: str, country: str) -> float:
    value = LEVERS[lever].default.get(country, 0.0)
    return float(value) if isinstance(value, int | float) else 0.0


def _lever(levers: Mapping[str, object] | None, country: str, lever: str) -> float:
    """A lever's value from ``{country: {lever: value}}`` or ``{lever: value}``, else default."""
    if levers:
        per_country = levers.get(country)
        if isinstance(per_country, Mapping) and isinstance(per_country.get(lever), int | float):
            return float(per_country[lever])  # type: ignore[arg-type]
        # Some callers pass a Policy object per country.
        inner = getattr(per_country, "levers", None)
        if isinstance(inner, Mapping) and isinstance(inner.get(lever), int | float):
            return float(inner[lever])
    return _default(lever, country)


def baseline_staffing() -> dict[str, float]:
    """Agents per sector under the registry's default levers (the status quo)."""
    return staffing_from_levers(None)


def staffing_from_levers(levers: Mapping[str, object] | None) -> dict[str, float]:
    """Agents per border sector: US agents split by the FY2016 shares, MX and CA whole."""
    us = _lever(levers, "US", "border_agents")
    staffing = {s.name: us * US_AGENT_SHARE[s.name] for s in US_SECTORS}
    staffing[MX_SOUTH.name] = _lever(levers, "MX", "border_agents")
    staffing[US_CA.name] = _lever(levers, "CA", "border_agents")
    return staffing


@dataclass
class MapState:
    """Numbers for one picture of the map; every flow is people per month."""

    #: People per month per corridor name (see ``corridors.CORRIDORS``).
    flows: dict[str, float] = field(default_factory=dict)
    #: Agents per sector name (US sectors, ``mx_south``, ``us_ca``).
    staffing: dict[str, float] = field(default_factory=dict)
    #: The status-quo staffing the tooltips compare against.
    staffing_baseline: dict[str, float] = field(default_factory=baseline_staffing)
    #: People waiting or stranded per border town name.
    stranded: dict[str, float] = field(default_factory=dict)
    #: Deaths in transit per death region name, in the period the map shows.
    deaths: dict[str, float] = field(default_factory=dict)
    #: Country codes the player leads (``US``, ``MX``, ``CA``, ``GT``, ``HN``, ``SV``).
    player_countries: frozenset[str] = frozenset()
    #: Extra numbers for tooltips: Mexico's apprehensions, asylum claims… per month.
    notes: dict[str, float] = field(default_factory=dict)

    def total_flow(self) -> float:
        """People per month on every corridor together."""
        return float(sum(max(0.0, v) for v in self.flows.values()))

    @classmethod
    def from_metrics(
        cls,
        metrics: Mapping[str, float],
        policy_levers: Mapping[str, object] | None = None,
        *,
        months: int = 1,
        route_flows: Mapping[str, float] | None = None,
        player_countries: Iterable[str] = (),
    ) -> MapState:
        """Build a state from one turn's canonical metrics (DESIGN.md §3.8).

        Args:
            metrics: canonical metric name → value for the turn (flows summed over the turn).
            policy_levers: ``{country: {lever: value}}`` (or ``{country: Policy}``) for staffing
                and route shifts; registry defaults when missing.
            months: months in the turn, to turn per-turn flows into per-month flows.
            route_flows: people per month per corridor name, when the simulation reports them;
                they replace the estimated split for the corridors they name.
            player_countries: the countries the player leads.
        """
        per_month = 1.0 / max(1, months)

        def m(name: str) -> float:
            value = metrics.get(name, 0.0)
            try:
                number = float(value)
            except (TypeError, ValueError):
                return 0.0
            return number if number == number and number > 0 else 0.0  # drops NaN

        flows: dict[str, float] = {}
        for origin in ("gt", "sv", "hn", "xr"):
            flows[f"origin_{origin}"] = m(f"emigrants_from_{origin}") * per_month
        for leg, share in MX_ORIGIN_SPLIT.items():
            flows[leg] = m("emigrants_from_mx") * share * per_month

        # People in transit: those who entered Mexico less those Mexico apprehended.
        entering = sum(flows[f"origin_{o}"] for o in ("gt", "sv", "hn", "xr"))
        transit = max(0.0, entering - m("mx_apprehensions") * per_month)
        shares = dict(TRANSIT_SHARE)
        # More checkpoints on the main routes push people to the remote route (lesson 2; the
        # square root damps it, an assumption for display).
        ratio = _lever(policy_levers, "MX", "transit_agents") / max(
            1.0, _default("transit_agents", "MX")
        )
        shares["transit_remote"] = min(0.6, TRANSIT_SHARE["transit_remote"] * ratio**0.5)
        if "remote_transit_share" in metrics:
            # The simulation's own route choice, when it reports it (a share; a per-turn sum of
            # monthly shares is averaged back).
            reported = m("remote_transit_share")
            shares["transit_remote"] = min(0.95, reported / months if reported > 1 else reported)
        rest = (1 - shares["transit_remote"]) / (1 - TRANSIT_SHARE["transit_remote"])
        for leg in ("transit_gulf", "transit_central", "transit_pacific"):
            shares[leg] = TRANSIT_SHARE[leg] * rest
        for leg, share in shares.items():
            flows[leg] = transit * share

        # Crossing the US border: attempts are encounters (events) plus entries unseen.
        crossings = (m("us_border_encounters") + m("irregular_entries_us")) * per_month
        sector_share = dict(US_CROSSING_SHARE)
        urban, remote = m("crossings_urban_us"), m("crossings_remote_us")
        if urban + remote > 0:
            # The simulation splits crossings into urban and remote routes: follow its split,
            # keeping the FY2016 proportions between sectors of the same kind.
            crossings = (urban + remote) * per_month
            for group, total in ((URBAN_SECTORS, urban), (REMOTE_SECTORS, remote)):
                base = sum(US_CROSSING_SHARE[name] for name in group)
                for name in group:
                    sector_share[name] = total / (urban + remote) * US_CROSSING_SHARE[name] / base
        for sector in US_SECTORS:
            corridor = "cross_rgv" if sector.name == "rio_grande_valley" else (
                f"cross_{sector.name}")
            flows[corridor] = crossings * sector_share[sector.name]
        at_ports = m("asylum_claims_us") * PORT_SHARE * per_month
        for port, share in PORT_SPLIT.items():
            flows[port] = at_ports * share

        flows["ca_roxham"] = m("ca_irregular_interceptions") * per_month
        for metric, split in LEGAL_SPLIT.items():
            for leg, share in split.items():
                flows[leg] = m(metric) * share * per_month

        if route_flows:
            for name, value in route_flows.items():
                if name in CORRIDOR_BY_NAME:
                    flows[name] = max(0.0, float(value))

        stranded_total = m("stranded_in_mx_border_towns")
        stranded = {town.name: stranded_total * town.share for town in TOWNS}

        deaths_total = m("deaths_in_transit")
        at_us_border = deaths_total * US_BORDER_DEATH_SHARE
        if "deaths_us_border" in metrics:
            at_us_border = min(deaths_total, m("deaths_us_border"))
        deaths = {name: at_us_border * share for name, share in US_DEATH_SHARE.items()}
        elsewhere = deaths_total - at_us_border
        darien = DARIEN_DEATH_SHARE / (1 - US_BORDER_DEATH_SHARE)
        deaths["darien"] = elsewhere * darien
        deaths["mx_transit"] = elsewhere * (1 - darien)
        assert set(deaths) <= set(DEATH_REGION_BY_NAME)

        notes = {
            "mx_apprehensions": m("mx_apprehensions") * per_month,
            "us_border_encounters": m("us_border_encounters") * per_month,
            "asylum_claims_us": m("asylum_claims_us") * per_month,
            "asylum_claims_mx": m("asylum_claims_mx") * per_month,
            "asylum_claims_ca": m("asylum_claims_ca") * per_month,
            "ca_irregular_interceptions": m("ca_irregular_interceptions") * per_month,
        }
        return cls(
            flows=flows,
            staffing=staffing_from_levers(policy_levers),
            stranded=stranded,
            deaths=deaths,
            player_countries=frozenset(player_countries),
            notes=notes,
        )
