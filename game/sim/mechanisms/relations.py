"""The US tariff threat on Mexico (deadline, imposition, lifting) and relations between nations.

Model section 10 (docs/model.md, tariff threat) and 13: relations move toward their base (plus
cooperation bonuses) over ``relations_recovery_months``, with hits from threats, imposed tariffs
and unilateral visa requirements. Tariff states are ``registry.TariffState`` values as floats:
0 none, 1 threatened (pending), 2 the deadline passed without a tariff, 3 imposed.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from game.sim._prepared import clip
from game.sim.mechanisms._common import MX, side_by_side


class Tariff(NamedTuple):
    """The tariff threat after this month, per world ``(n,)``."""

    state: np.ndarray
    start: np.ndarray  # month the threat was made
    base: np.ndarray  # encounters the target is measured from
    imposed: np.ndarray  # tariff rate in force
    hit: np.ndarray  # this month's hit to US-Mexico relations (≤ 0)


def tariff_threat(state: np.ndarray, start: np.ndarray, base: np.ndarray, imposed: np.ndarray,
                  last_encounters: np.ndarray, encounters: np.ndarray, month: int,
                  started: np.ndarray, lifted: np.ndarray, hit_scale: np.ndarray,
                  target_left: np.ndarray, deadline_months: np.ndarray,
                  deadline_now: np.ndarray, deadline_rate: np.ndarray, rate: np.ndarray,
                  uniform: np.ndarray, P: Any) -> Tariff:
    """A threat starts, comes due, and is carried out unless encounters fell to the target.

    It comes due after ``deadline_months`` or at a ``tariff_deadline`` event, and is carried out
    with ``tariff_impose_probability``.
    ``started`` and ``lifted`` say whether a threat is in the levers; ``target_left`` is the
    share of the base encounters allowed; ``deadline_now`` and ``deadline_rate`` ``(n, 1)`` come
    from this month's events; ``uniform`` is the month's tariff draw ``(n,)``. The world's arrays
    are never written to (``np.where`` makes new ones).
    """
    if not np.logical_or.reduce(started):
        # No threat in force in any world (most games, most months): nothing is threatened or
        # imposed and relations take no hit — the values the lines below give, at a fraction
        # of their twenty-odd numpy calls.
        none = np.zeros(state.shape)
        return Tariff(none, start.copy(), base.copy(), none.copy(), none.copy())
    new_threat = started & (state == 0)
    state = np.where(new_threat, 1.0, state)
    start = np.where(new_threat, month, start)
    base = np.where(new_threat, last_encounters, base)
    # The tariff's hits to US-Mexico relations, one by one from 0.0.
    hit = 0.0 - new_threat * P.flat.tariff_threat_relations_hit * hit_scale
    due = (state == 1) & ((month - start >= deadline_months) | (deadline_now[:, 0] > 0))
    met = encounters <= base * target_left
    impose = due & ~met & (uniform < P.flat.tariff_impose_probability)
    state = np.where(due, np.where(impose, 3.0, 2.0), state)
    imposed = np.where(impose, np.maximum(deadline_rate[:, 0], rate), imposed)
    hit -= impose * P.flat.tariff_imposed_relations_hit
    state = np.where(lifted, 0.0, state)
    imposed = np.where(lifted, 0.0, imposed)
    hit -= (state > 0) * P.flat.tariff_relations_drain
    hit -= (state == 3) * P.flat.tariff_relations_drain
    return Tariff(state, start, base, imposed, hit)


def enforcement_effort(agents_mx: np.ndarray, P: Any) -> np.ndarray:
    """How much Mexico's staffing shows cooperation to the US, 0 to 1, ``(n,)``.

    Nothing at 2016's staffing (``enforcement_relations_reference``); saturating above it, with
    the June 2019 deployment's size as the scale (about 0.63 for 6,000 more agents).
    """
    extra = np.maximum(agents_mx - P.flat.enforcement_relations_reference, 0.0)
    return 1.0 - np.exp(-extra / P.flat.enforcement_relations_scale)


def relations(before: np.ndarray, tariff_hit: np.ndarray, visa_ca: np.ndarray,
              comp_mx: np.ndarray, comp_ca: np.ndarray, cooperating_mx: np.ndarray,
              burden_active: np.ndarray, effort_mx: np.ndarray, threatened: np.ndarray,
              pp: Any, P: Any) -> np.ndarray:
    """Relations US-MX, US-CA, MX-CA (−100 to 100), ``(n, 3)``.

    ``visa_ca`` is Canada's visa requirement per origin ``(n, 5)`` (one on Mexicans strains
    US-Canada and Mexico-Canada relations alike); cooperation (Mexico complying with burden
    sharing or the joint corps, ``cooperating_mx``; Canada with burden sharing) raises the
    target. Mexico's enforcement effort (``enforcement_effort``) raises the US-Mexico target
    too, and while a tariff threat is pending (``threatened``) the US credits it every month:
    relations answer to what Mexico does, not only to the threat. Compliances are ``(n, 1)``,
    the rest ``(n,)``.
    """
    visa_hit = 0.0 - visa_ca[:, MX] * P.flat.visa_relations_drain
    credit = threatened * effort_mx * P.flat.compliance_relations_credit
    hits = side_by_side(tariff_hit + credit, visa_hit, visa_hit)
    cooperation = side_by_side(
        P.flat.cooperation_bonus * (comp_mx[:, 0] * cooperating_mx + effort_mx),
        P.flat.cooperation_bonus * comp_ca[:, 0] * burden_active,
        P.flat.cooperation_bonus * burden_active * comp_mx[:, 0] * comp_ca[:, 0],
    )
    target = P.relations_base + cooperation
    return clip(before + (target - before) * pp.k_relations + hits, -100.0, 100.0)
