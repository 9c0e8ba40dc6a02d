"""The state of a batch of worlds: stocks of people and the conditions that carry over a month.

Every person is in exactly one stock every month (DESIGN.md §3.2). Stocks live in one array of
shape ``(n_worlds, len(STOCKS), len(ORIGINS))`` so conservation is a single sum; the other fields
are the model's memory (delayed levers, smoothed drivers, opinion, relations, agreement states).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields, replace
from typing import Any

import numpy as np

from game.sim.registry import ORIGINS

#: Every place a person can be, in the order of ``World.stocks`` axis 1.
STOCKS: tuple[str, ...] = (
    "home",  # living in the origin country (potential movers and everyone else)
    "transit_bus",  # crossing Mexico on the train and bus routes
    "transit_remote",  # crossing Mexico on foot and boat routes, away from checkpoints
    "stranded",  # waiting or stranded in Mexico's northern border towns
    "mpp",  # US asylum seekers made to wait in Mexico (Remain in Mexico)
    "returned",  # returned home (deported, expelled or gave up), may retry or settle back
    "proc_us",  # in US asylum procedure, living in the US
    "det_us",  # in US immigration detention
    "proc_mx",  # in Mexico's asylum procedure
    "det_mx",  # in Mexican migration detention awaiting deportation
    "proc_ca",  # in Canada's asylum procedure
    "proc_partner",  # transferred to a Northern Triangle partner under a safe-third-country deal
    "legal_us",  # in the US with legal status (incl. the settled diaspora and those protected)
    "temp_us",  # in the US on a temporary work visa
    "legal_ca",  # in Canada with status (protected, resettled)
    "temp_ca",  # in Canada on a temporary work visa
    "legal_mx",  # in Mexico with status (protected, regional worker cards)
    "unauth_us",  # in the US without status, settled (arrived more than a few years ago)
    "dead",  # died in transit (cumulative)
    "transit_family",  # families with children crossing Mexico towards the US border
    "transit_child",  # children travelling alone crossing Mexico towards the US border
    "unauth_recent_us",  # in the US without status, arrived in the last few years
)
STOCK: dict[str, int] = {name: i for i, name in enumerate(STOCKS)}

#: The three destination countries in the order of per-country opinion arrays.
NATIONS: tuple[str, ...] = ("US", "MX", "CA")
#: Pairs of the relations array.
PAIRS: tuple[str, ...] = ("us_mx", "us_ca", "mx_ca")
#: Partners whose compliance is tracked: Mexico, the US (for Canada), Canada, the Northern Triangle.
PARTNERS: tuple[str, ...] = ("MX", "US", "CA", "NT")
#: Policies a court can block, in the order of ``World.blocked`` axis 2.
BLOCKABLE: tuple[str, ...] = ("detain_separate", "expel", "remain_in_mexico", "safe_third_country")

N_ORIGINS = len(ORIGINS)
#: Who moves, in the order of ``World.release_seen`` axis 1 (DESIGN.md §3.2).
KINDS: tuple[str, ...] = ("adults", "families", "children")
#: Months from hiring an asylum adjudicator to the first decisions (recruitment, security
#: checks, training): EOIR and USCIS report new judges productive after two to four quarters,
#: of which this is the dead time; the lever's delay is the ramp that follows.
OFFICER_TRAINING_MONTHS = 3


@dataclass(frozen=True)
class World:
    """A batch of worlds at the start of a month; every array's leading axis is the world."""

    month: int
    #: People by stock and origin, ``(n, len(STOCKS), 5)``.
    stocks: np.ndarray
    #: Lever delay pipeline: two first-order stages per lever column, ``(n, k)`` each.
    lever_stage1: np.ndarray
    lever_stage2: np.ndarray
    #: Joint corps members in post (they take months to deploy), ``(n,)``.
    corps_members: np.ndarray
    #: Log deviation of homicide rates from the real series: chance (AR) and scheduled shocks.
    homicide_noise: np.ndarray
    violence_shock: np.ndarray
    violence_left: np.ndarray
    #: Log deviation of incomes from the real series (hurricanes, recessions, tariffs).
    income_shock: np.ndarray
    income_left: np.ndarray
    #: Extra wish to leave after a disaster, decaying (logit units), ``(n, 5)``.
    disaster_push: np.ndarray
    #: What people perceive with a lag: homicide rate and diaspora size, ``(n, 5)``.
    homicide_seen: np.ndarray
    network_seen: np.ndarray
    #: Economic shocks per nation (log output), remaining months, and US labour-demand chance.
    economy_shock: np.ndarray
    economy_left: np.ndarray
    labour_noise: np.ndarray
    #: Share of the migrant-labour demand closed by mechanisation and crop change, ``(n,)``.
    mechanisation: np.ndarray
    #: Smuggling price last month (US$), ``(n,)``.
    price: np.ndarray
    #: Asylum waits last month in months (US, MX, CA), ``(n, 3)``.
    wait: np.ndarray
    #: Opinion per nation (US, MX, CA): visible disorder seen, salience, policy memory
    #: (thermostat), media attention, approval (0-100), ``(n, 3)`` each.
    disorder_seen: np.ndarray
    salience: np.ndarray
    policy_memory: np.ndarray
    media: np.ndarray
    approval: np.ndarray
    #: Relations us_mx, us_ca, mx_ca (−100..100), ``(n, 3)``.
    relations: np.ndarray
    #: Partner compliance (MX, US, CA, NT), 0..1 smoothed, and last month's load on them.
    compliance: np.ndarray
    partner_load: np.ndarray
    #: Tariff threat: state (0 none, 1 pending, 2 resolved, 3 imposed), start month,
    #: encounters at the start, imposed rate, ``(n,)`` each.
    tariff_state: np.ndarray
    tariff_start: np.ndarray
    tariff_base: np.ndarray
    tariff_imposed: np.ndarray
    #: Court blocks: nation × BLOCKABLE, 0/1, ``(n, 3, 4)``.
    blocked: np.ndarray
    #: Last month's observed US encounters, ``(n,)``.
    last_encounters: np.ndarray
    #: Extra-regional surge: people per month and months left, ``(n,)``.
    surge: np.ndarray
    surge_left: np.ndarray
    #: An epidemic's border closure: severity (0-1), months left, and the pent-up wish to
    #: leave released when borders reopen (logit, fading), ``(n,)`` each.
    closure: np.ndarray
    closure_left: np.ndarray
    pent_up: np.ndarray
    #: Visible groups on the move (caravans), decaying, ``(n,)``.
    caravan_visible: np.ndarray
    #: What movers believe happens after they reach the US border, from recent arrivals' fate
    #: (lagged): the chance of being released into the US, by kind and origin ``(n, 3, 5)``,
    #: and the months a claim keeps a person in the US, ``(n,)``.
    release_seen: np.ndarray
    stay_seen: np.ndarray
    #: Asylum adjudicators hired but not yet deciding, month by month: ``(n, months, 3)``.
    officers_in_training: np.ndarray
    #: 1 = the calendar season acts, 0 = a flat year (explanations split "season" out).
    season_weight: np.ndarray
    #: 1 = events (scheduled and random disasters) act, 0 = none.
    event_weight: np.ndarray
    #: Approval (0-100) of the governments of Guatemala, Honduras, El Salvador, ``(n, 3)``.
    approval_nt: np.ndarray

    @classmethod
    def assemble(cls, **values: Any) -> World:
        """A world from every field by name, as ``World(...)`` but cheaper (the step's result).

        A frozen dataclass's ``__init__`` sets each of the 38 fields through
        ``object.__setattr__``; the step makes a world every month, so it fills them at once.
        """
        if values.keys() != _FIELD_NAMES:
            missing = sorted(_FIELD_NAMES ^ values.keys())
            raise TypeError(f"World fields missing or unknown: {', '.join(missing)}")
        world = object.__new__(cls)
        world.__dict__.update(values)
        return world

    @property
    def n_worlds(self) -> int:
        """How many worlds are in the batch."""
        return int(self.stocks.shape[0])

    def stock(self, name: str) -> np.ndarray:
        """One stock by name, ``(n, 5)`` (a view)."""
        return self.stocks[:, STOCK[name], :]

    def total_people(self) -> np.ndarray:
        """Everyone in every stock, per world (conservation checks)."""
        return self.stocks.sum(axis=(1, 2))

    def replace(self, **changes: object) -> World:
        """A copy with some fields replaced."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def take(self, index: np.ndarray | list[int]) -> World:
        """A batch made of some (or repeated) worlds of this one."""
        idx = np.asarray(index)
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = value if f.name == "month" else np.array(value[idx])
        return World(**out)

    def with_weights(self, season: float | np.ndarray = 1.0,
                     events: float | np.ndarray = 1.0) -> World:
        """A copy where seasonality and events act with the given weights (0 = off)."""
        n = self.n_worlds
        return replace(self, season_weight=np.broadcast_to(np.asarray(season, float), (n,)).copy(),
                       event_weight=np.broadcast_to(np.asarray(events, float), (n,)).copy())

    def state_hash(self) -> str:
        """SHA-256 of every field, for saves and replays."""
        digest = hashlib.sha256()
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in _HASHED_WHEN_USED and not np.any(value):
                continue
            digest.update(f.name.encode())
            digest.update(np.ascontiguousarray(np.asarray(value, dtype=float)).tobytes())
        return digest.hexdigest()

    @staticmethod
    def concat(worlds: list[World]) -> World:
        """Join batches into one (they must be at the same month)."""
        months = {w.month for w in worlds}
        if len(months) != 1:
            raise ValueError("worlds at different months cannot share a batch")
        out: dict[str, object] = {"month": worlds[0].month}
        for f in fields(World):
            if f.name != "month":
                out[f.name] = np.concatenate([getattr(w, f.name) for w in worlds])
        return World(**out)  # type: ignore[arg-type]


#: Fields added after games were first saved: hashed only once they hold something, so a saved
#: game that never used them keeps the hash it was saved with.
_HASHED_WHEN_USED = frozenset({"closure", "closure_left", "pent_up"})
#: Every field of a world, for :meth:`World.assemble`.
_FIELD_NAMES = {f.name for f in fields(World)}
