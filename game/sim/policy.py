"""Plain-Python decisions and scenarios: what the outer layers hand to the model.

A :class:`Policy` is one world's choices (lever values per country and active agreements). The
model turns a sequence of policies into batched lever arrays. A :class:`Scenario` is what a level
tells the model: when it starts, its seed, its starting policy, initial-world overrides and
scheduled events.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from game.sim.registry import AGREEMENTS, AID_RECIPIENTS, COUNTRIES, EVENTS, LEVERS

#: A lever value: a number, a choice name, or aid split by recipient ({"GT": 200, "HN": 150}).
LeverValue = float | str | Mapping[str, float]
TermValue = float | str


class PolicyError(ValueError):
    """A decision names an unknown lever or country, or a value outside the lever's range."""


def month_index(year: int, month: int) -> int:
    """Months since January of year 0: a single integer for date arithmetic."""
    return year * 12 + (month - 1)


def month_of(index: int) -> tuple[int, int]:
    """The (year, month) of a month index."""
    return index // 12, index % 12 + 1


def month_label(index: int) -> str:
    """``YYYY-MM`` for a month index."""
    year, month = month_of(index)
    return f"{year:04d}-{month:02d}"


def check_lever(country: str, lever: str, value: LeverValue) -> LeverValue:
    """Validate one lever value for one country; returns it normalised (floats, dicts)."""
    spec = LEVERS.get(lever)
    if spec is None:
        raise PolicyError(f"unknown lever {lever!r}")
    if country not in spec.countries:
        raise PolicyError(f"{country} has no lever {lever!r}")
    if spec.kind == "choice":
        if value not in spec.choices:
            raise PolicyError(f"{lever} must be one of {', '.join(spec.choices)}, not {value!r}")
        return str(value)
    if isinstance(value, Mapping):
        if not spec.splittable:
            raise PolicyError(f"{lever} cannot be split by recipient")
        unknown = set(value) - set(AID_RECIPIENTS)
        if unknown:
            raise PolicyError(f"{lever} can go only to {', '.join(AID_RECIPIENTS)}")
        split = {k: float(v) for k, v in value.items()}
        if any(v < 0 for v in split.values()) or sum(split.values()) > spec.high:
            raise PolicyError(f"{lever} must total between {spec.low:g} and {spec.high:g}")
        return MappingProxyType(split)
    if isinstance(value, str | bool):
        raise PolicyError(f"{lever} needs a number ({spec.unit}), not {value!r}")
    number = float(value)
    if not spec.low <= number <= spec.high:
        raise PolicyError(f"{lever} must be between {spec.low:g} and {spec.high:g} {spec.unit}")
    return number


@dataclass(frozen=True)
class Agreement:
    """An agreement or threat between countries; the proposer comes first in ``parties``."""

    kind: str
    parties: tuple[str, ...]
    terms: Mapping[str, TermValue] = field(default_factory=dict)

    def __post_init__(self) -> None:
        spec = AGREEMENTS.get(self.kind)
        if spec is None:
            raise PolicyError(f"unknown agreement {self.kind!r}")
        if not self.parties or any(p not in COUNTRIES for p in self.parties):
            raise PolicyError(f"{self.kind}: parties must be countries, got {self.parties}")
        known = {t.name for t in spec.terms}
        unknown = set(self.terms) - known
        if unknown:
            raise PolicyError(f"{self.kind} has no term {sorted(unknown)[0]!r}")
        full = {t.name: t.default for t in spec.terms if t.default is not None}
        full.update(self.terms)
        object.__setattr__(self, "terms", MappingProxyType(full))

    @property
    def proposer(self) -> str:
        """The country that proposed (or threatens)."""
        return self.parties[0]

    def term(self, name: str) -> TermValue:
        """One term's value (defaults filled in)."""
        return self.terms[name]


def default_levers() -> dict[str, dict[str, LeverValue]]:
    """The registry's default lever values for every country."""
    out: dict[str, dict[str, LeverValue]] = {c: {} for c in COUNTRIES}
    for spec in LEVERS.values():
        for country in spec.countries:
            out[country][spec.name] = spec.default[country]
    return out


@dataclass(frozen=True)
class Policy:
    """One world's decisions: every country's lever values and the active agreements."""

    levers: Mapping[str, Mapping[str, LeverValue]] = field(default_factory=default_levers)
    agreements: tuple[Agreement, ...] = ()
    #: Countries whose government is played, by a person or an AI leader of the game layer.
    #: The model does not answer pressure on their behalf (e.g. Mexico deploying troops under a
    #: tariff threat): their levers alone say what they do. Unled countries follow the model.
    leaders: frozenset[str] = frozenset()

    def value(self, country: str, lever: str) -> LeverValue:
        """A lever's value for a country (the registry default when unset)."""
        try:
            return self.levers[country][lever]
        except KeyError:
            return LEVERS[lever].default[country]

    def with_lever(self, country: str, lever: str, value: LeverValue) -> Policy:
        """A copy with one lever changed (validated)."""
        value = check_lever(country, lever, value)
        levers = {c: dict(v) for c, v in self.levers.items()}
        levers.setdefault(country, {})[lever] = value
        return replace(self, levers=levers)

    def with_levers(self, country: str, values: Mapping[str, LeverValue]) -> Policy:
        """A copy with several of one country's levers changed."""
        policy = self
        for lever, value in values.items():
            policy = policy.with_lever(country, lever, value)
        return policy

    def with_agreement(self, agreement: Agreement) -> Policy:
        """A copy with an agreement added (replacing one of the same kind and parties)."""
        kept = tuple(
            a for a in self.agreements
            if not (a.kind == agreement.kind and set(a.parties) == set(agreement.parties))
        )
        return replace(self, agreements=(*kept, agreement))

    def without_agreement(self, kind: str, parties: tuple[str, ...] | None = None) -> Policy:
        """A copy with agreements of ``kind`` (between ``parties``, if given) removed."""
        kept = tuple(
            a for a in self.agreements
            if not (a.kind == kind and (parties is None or set(a.parties) == set(parties)))
        )
        return replace(self, agreements=kept)


@dataclass(frozen=True)
class ScheduledEvent:
    """An event at a month: a registry event kind and its parameters."""

    kind: str
    month: int
    params: Mapping[str, TermValue] = field(default_factory=dict)

    def __post_init__(self) -> None:
        spec = EVENTS.get(self.kind)
        if spec is None:
            raise PolicyError(f"unknown event {self.kind!r}")
        full = {p.name: p.default for p in spec.params if p.default is not None}
        full.update(self.params)
        object.__setattr__(self, "params", MappingProxyType(full))


@dataclass(frozen=True)
class Scenario:
    """What a level tells the model: start, seed, starting policy, overrides, events."""

    start: int
    seed: int = 0
    policy: Policy = field(default_factory=Policy)
    #: Named initial-world values that replace the calibrated baseline for the start month.
    overrides: Mapping[str, float] = field(default_factory=dict)
    events: tuple[ScheduledEvent, ...] = ()
