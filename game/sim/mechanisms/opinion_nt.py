"""Approval of the governments of Guatemala, Honduras and El Salvador (issue #18).

Model section 12b (docs/model.md): their publics judge them on security first (homicides
against the 2016 rate), on the economy and the remittances that carry it, on what happens to
their citizens on the way north and after deportation — less when the government is seen to
protect them — on concessions to Washington (a safe-third-country deal) and on overspending.
Arrays are ``(n, 3)``, one column per country GT, HN, SV.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from game.sim.mechanisms._common import add_up, saturation, sigmoid

#: ln 2: ``saturation(x, ln2 / half)`` reaches one half at ``x = half``.
_LN2 = float(np.log(2.0))


def task_force_governance(contributions: np.ndarray, need: np.ndarray,
                          P: Any) -> np.ndarray:
    """Governance spending a trinational task force adds in each member, ``(n, 3)`` US$M a year.

    The pool (members' contributions, ``(n, 3)``) × ``task_force_synergy`` is shared among the
    members that contribute by ``need`` (population shares, ``(3,)``): gangs that cross borders
    are fought where they are, not where the money came from.
    """
    # Column by column (add_up), so a world gets the same bits alone or in any batch.
    weights = (contributions > 0) * need
    total = add_up(weights.T)[:, None]
    share = weights / np.maximum(total, 1e-9)  # no member contributes: 0 / tiny = 0
    return P.task_force_synergy * add_up(contributions.T)[:, None] * share


def citizens_abroad_harm(deaths: np.ndarray, returned: np.ndarray, consular: np.ndarray,
                         P: Any) -> np.ndarray:
    """What happens to a country's citizens abroad as its voters see it, ``(n, 3)``.

    Deaths on the way (per month) and returned people waiting at home, each over a reference,
    cut by the share ``nt_consular_relief`` × coverage of consular protection (US$M a year,
    half coverage at ``nt_consular_half_musd``).
    """
    harm = deaths / P.nt_harm_reference_deaths + returned / P.nt_harm_reference_returned
    cover = saturation(consular, _LN2 / P.nt_consular_half_musd)
    return harm * (1 - P.nt_consular_relief * cover)


def economy_seen(income: np.ndarray, trend: np.ndarray, remittance_share: np.ndarray,
                 us_shock: np.ndarray, P: Any) -> np.ndarray:
    """The economy voters feel, log deviation from the trend, ``(n, 3)``.

    Income per head against its trend (aid, hurricanes, droughts, youth programmes), plus the
    remittances (``remittance_share`` of GDP, ``(3,)``) moving with US output (``us_shock``,
    ``(n, 1)``) by ``nt_remittance_elasticity``.
    """
    return (np.log(income / trend)
            + remittance_share * P.nt_remittance_elasticity * us_shock)


def nt_spending(spend_levers: np.ndarray, task_force: np.ndarray) -> np.ndarray:
    """US$ million spent this month by GT, HN, SV, ``(n, 3)``: levers and task-force dues."""
    return spend_levers + task_force / 12


def budget_term_nt(spend: np.ndarray, P: Any) -> np.ndarray:
    """The overspending term of the approval logit, ``(n, 3)`` (levers only: once a turn).

    ``−nt_approval_fiscal·max(0, ln(yearly spending / nt_spending_reference))``.
    """
    fiscal = np.log(np.maximum(spend * 12, 1.0) / P.nt_spending_reference)
    return -P.nt_approval_fiscal * np.maximum(fiscal, 0.0)


#: The drivers of approval, in the order of :func:`approval_terms_nt`'s first axis.
DRIVERS: tuple[str, ...] = ("security", "economy", "abroad", "deal", "budget")


def approval_terms_nt(homicide_seen: np.ndarray, economy: np.ndarray, harm: np.ndarray,
                      stc: np.ndarray, budget: np.ndarray, P: Any) -> np.ndarray:
    """Each driver's term of the approval logit (``DRIVERS``), ``(5, n, 3)``.

    ``−nt_approval_security·ln(homicides seen / 2016 rate)``, ``nt_approval_economy·economy``,
    ``−nt_approval_abroad·harm``, ``−nt_approval_stc·deal`` (a safe-third-country deal with the
    US in force × compliance), and the overspending term ``budget`` (:func:`budget_term_nt`).
    """
    # One array filled in place: the step calls this every month for every world.
    terms = np.empty((5, *homicide_seen.shape))
    np.multiply(-P.nt_approval_security, np.log(homicide_seen / P.nt_homicide_reference),
                out=terms[0])
    np.multiply(P.nt_approval_economy, economy, out=terms[1])
    np.multiply(-P.nt_approval_abroad, harm, out=terms[2])
    np.multiply(-P.nt_approval_stc, stc, out=terms[3])
    terms[4] = budget
    return terms


def approval_target_nt(terms: np.ndarray, P: Any) -> tuple[np.ndarray, np.ndarray]:
    """The approval each government is heading for (0-100) and each driver's part in points.

    ``100·σ(nt_approval_logit + Σ terms)``, ``(n, 3)``; a driver's points are its term × the
    curve's slope there (``100·σ·(1 − σ)``), ``(5, n, 3)``: what voters react to, in the
    units of approval.
    """
    share = sigmoid(P.nt_approval_logit + np.add.reduce(terms, axis=0))
    return 100 * share, terms * (100 * share * (1 - share))
