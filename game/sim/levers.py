"""Policies turned into batched lever arrays: one row per world (DESIGN.md §3.3).

Every lever value becomes one column of a matrix ``values`` of shape ``(n_worlds, n_columns)``:
numbers and money as they are (per year or headcount), aid per donor *and* recipient, and choice
levers one-hot (``detention:US:detain`` is 1 or 0), so that the step can pass every column through
the same delay pipeline and a change of choice phases in over its delay. Agreements become small
arrays (coverage, shares, caps, flags). Building levers is plain Python, done once per turn.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from game.sim.policy import Policy
from game.sim.registry import AID_RECIPIENTS, LEVERS, ORIGINS

#: How an aid total given without a split is shared among GT, HN, SV: by population
#: (2016 residents in ``data/stocks.csv``: 16.5M, 9.3M, 6.3M), the simplest measure of need.
AID_NEED_SPLIT: dict[str, float] = {"GT": 0.51, "HN": 0.29, "SV": 0.20}

#: Safe-third-country pairs the model represents: (proposer, acceptor) → slot.
STC_SLOTS: tuple[tuple[str, str], ...] = (
    ("US", "MX"),
    ("US", "GT"),
    ("US", "HN"),
    ("US", "SV"),
    ("CA", "US"),
)
#: Countries that may impose a visa requirement, in the order of ``visa_requirement``'s axis 1.
VISA_IMPOSERS: tuple[str, ...] = ("CA", "MX")


def _columns() -> tuple[tuple[str, ...], dict[str, float]]:
    names: list[str] = []
    delays: dict[str, float] = {}
    for spec in LEVERS.values():
        for country in spec.countries:
            if spec.kind == "choice":
                for choice in spec.choices:
                    name = f"{spec.name}:{country}:{choice}"
                    names.append(name)
                    delays[name] = spec.delay_months[country]
            elif spec.splittable:
                for recipient in AID_RECIPIENTS:
                    name = f"{spec.name}:{country}:{recipient}"
                    names.append(name)
                    delays[name] = spec.delay_months[country]
            else:
                name = f"{spec.name}:{country}"
                names.append(name)
                delays[name] = spec.delay_months[country]
    return tuple(names), delays


#: Column names of :attr:`Levers.values`, in order.
COLUMNS, COLUMN_DELAYS = _columns()
#: Column index by name.
COLUMN: dict[str, int] = {name: i for i, name in enumerate(COLUMNS)}
#: Delay in months per column (array aligned with ``COLUMNS``).
DELAYS = np.array([COLUMN_DELAYS[name] for name in COLUMNS], dtype=float)
#: The asylum adjudicators' columns, US, MX, CA (their hiring has a dead time: world.py).
OFFICER_COLUMNS = np.array([COLUMN[f"asylum_officers:{c}"] for c in ("US", "MX", "CA")])


def _row(policy: Policy) -> np.ndarray:
    row = np.zeros(len(COLUMNS))
    for spec in LEVERS.values():
        for country in spec.countries:
            value = policy.value(country, spec.name)
            if spec.kind == "choice":
                row[COLUMN[f"{spec.name}:{country}:{value}"]] = 1.0
            elif spec.splittable:
                if isinstance(value, Mapping):
                    split = {r: float(value.get(r, 0.0)) for r in AID_RECIPIENTS}
                else:
                    split = {r: float(value) * AID_NEED_SPLIT[r] for r in AID_RECIPIENTS}  # type: ignore[arg-type]
                for recipient, amount in split.items():
                    row[COLUMN[f"{spec.name}:{country}:{recipient}"]] = amount
            else:
                row[COLUMN[f"{spec.name}:{country}"]] = float(value)  # type: ignore[arg-type]
    return row


@dataclass(frozen=True)
class Levers:
    """Lever values and active agreements for a batch of worlds (leading axis = world)."""

    #: Ordered lever values, ``(n, len(COLUMNS))``; the step phases them in over their delays.
    values: np.ndarray
    #: Safe-third-country coverage per slot of ``STC_SLOTS`` (0 = no agreement), ``(n, 5)``.
    stc_coverage: np.ndarray
    #: Remain in Mexico in force (0/1), ``(n,)``.
    remain_in_mexico: np.ndarray
    #: Most asylum seekers sent to wait in Mexico per month under it, ``(n,)``.
    rim_cap: np.ndarray
    #: Burden-sharing in force (0/1), ``(n,)``, and the agreed shares US, MX, CA, ``(n, 3)``.
    burden_active: np.ndarray
    burden_shares: np.ndarray
    #: Joint corps contributions US, MX, CA in US$ million per year, ``(n, 3)``.
    corps_contributions: np.ndarray
    #: Mexico's monthly cap on accepting non-Mexicans returned by the US (0 = no agreement).
    returns_cap: np.ndarray
    #: Visa requirements by imposer (CA, MX) and origin, 0/1, ``(n, 2, 5)``.
    visa_requirement: np.ndarray
    #: Tariff threat in force (0/1), its rate, required fall in encounters and deadline months.
    tariff_active: np.ndarray
    tariff_rate: np.ndarray
    tariff_target: np.ndarray
    tariff_deadline: np.ndarray
    #: 1 where a nation (US, MX, CA) is led by a player or AI leader, ``(n, 3)``: the model's
    #: own answers to pressure (Mexico's troops under a tariff threat) are then left to them.
    led: np.ndarray
    #: Trinational task force contributions of GT, HN, SV in US$ million per year, counted
    #: only for the countries party to it, ``(n, 3)``.
    task_force: np.ndarray

    @property
    def n_worlds(self) -> int:
        """How many worlds these levers drive."""
        return int(self.values.shape[0])

    def column(self, name: str) -> np.ndarray:
        """One lever column by name (``border_agents:US``), shape ``(n,)``."""
        return self.values[:, COLUMN[name]]

    @classmethod
    def from_policies(cls, policies: Sequence[Policy]) -> Levers:
        """One row per policy: lever values, splits and agreements as arrays."""
        n = len(policies)
        if n == 0:
            raise ValueError("Levers.from_policies needs at least one policy")
        values = np.stack([_row(p) for p in policies])
        stc = np.zeros((n, len(STC_SLOTS)))
        rim = np.zeros(n)
        rim_cap = np.zeros(n)
        burden = np.zeros(n)
        shares = np.zeros((n, 3))
        corps = np.zeros((n, 3))
        returns_cap = np.zeros(n)
        visa = np.zeros((n, len(VISA_IMPOSERS), len(ORIGINS)))
        tariff = np.zeros(n)
        rate = np.zeros(n)
        target = np.zeros(n)
        deadline = np.zeros(n)
        task_force = np.zeros((n, 3))
        led = np.array([[float(c in p.leaders) for c in ("US", "MX", "CA")] for p in policies])
        for i, policy in enumerate(policies):
            for a in policy.agreements:
                parties = a.parties
                if a.kind == "safe_third_country" and len(parties) >= 2:
                    slot = (parties[0], parties[1])
                    if slot in STC_SLOTS:
                        stc[i, STC_SLOTS.index(slot)] = float(a.term("coverage"))
                elif a.kind == "remain_in_mexico":
                    rim[i] = 1.0
                    rim_cap[i] = float(a.term("monthly_cap"))
                elif a.kind == "burden_sharing":
                    burden[i] = 1.0
                    raw = np.array([float(a.term(f"share_{c}")) for c in ("us", "mx", "ca")])
                    shares[i] = raw / raw.sum() if raw.sum() > 0 else np.array([1.0, 0.0, 0.0])
                elif a.kind == "joint_corps":
                    corps[i] = [float(a.term(f"contribution_{c}")) for c in ("us", "mx", "ca")]
                elif a.kind == "returns_acceptance":
                    returns_cap[i] = float(a.term("monthly_cap"))
                elif a.kind == "visa_requirement":
                    imposer = parties[0]
                    origin = str(a.term("origin"))
                    if imposer in VISA_IMPOSERS and origin in ORIGINS:
                        visa[i, VISA_IMPOSERS.index(imposer), ORIGINS.index(origin)] = 1.0
                elif a.kind == "trinational_task_force":
                    task_force[i] = [float(a.term(f"contribution_{c.lower()}")) * (c in parties)
                                     for c in AID_RECIPIENTS]
                elif a.kind == "tariff_threat":
                    tariff[i] = 1.0
                    rate[i] = float(a.term("rate"))
                    target[i] = float(a.term("target_reduction"))
                    deadline[i] = float(a.term("deadline_months"))
        return cls(values, stc, rim, rim_cap, burden, shares, corps, returns_cap, visa, tariff,
                   rate, target, deadline, led, task_force)

    @classmethod
    def from_policy(cls, policy: Policy, n_worlds: int = 1) -> Levers:
        """The same policy in every one of ``n_worlds`` worlds."""
        return cls.from_policies([policy] * n_worlds)

    @staticmethod
    def concat(parts: Sequence[Levers]) -> Levers:
        """One batch made of several, in order."""
        return Levers(*(np.concatenate([getattr(p, f) for p in parts])
                        for f in Levers.__dataclass_fields__))

    def take(self, index: np.ndarray | Sequence[int]) -> Levers:
        """The levers of a subset (or repetition) of worlds."""
        idx = np.asarray(index)
        return Levers(*(getattr(self, f)[idx] for f in self.__dataclass_fields__))
