"""Levers take effect: delays, adjudicators' training, court blocks, the columns the month reads.

Model section 0 (docs/model.md): every lever column follows its ordered value through two
first-order stages; hired adjudicators decide no case while in training; a court block moves a
blocked detention or removal choice's weight to the next allowed one.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from game.sim.levers import COLUMN, OFFICER_COLUMNS
from game.sim.mechanisms._common import add_up
from game.sim.registry import LEVERS
from game.sim.world import BLOCKABLE

_C = COLUMN
_BLOCK = {b: i for i, b in enumerate(BLOCKABLE)}
DETENTION = LEVERS["detention"].choices
REMOVAL = LEVERS["removal"].choices


def _index(columns: object) -> np.ndarray:
    """Column numbers as an index array (``eff.take(index, axis=1)``: the same copy, cheaper)."""
    return np.asarray(columns, dtype=np.intp)


#: Detention and removal columns, US then Mexico: ``(2, choices)`` index arrays.
_DET = _index([[_C[f"detention:{c}:{x}"] for x in DETENTION] for c in ("US", "MX")])
_REM = _index([[_C[f"removal:{c}:{x}"] for x in REMOVAL] for c in ("US", "MX")])
_NT = ("GT", "HN", "SV")
_DONORS = ("US", "CA", "MX")


def _aid_columns(lever: str) -> list[list[int]]:
    """Column indices ``(donor, recipient)`` of an aid lever, ``(3, 3)``."""
    return [[_C[f"{lever}:{d}:{r}"] for r in _NT] for d in _DONORS]


#: The three aid levers together, ``(lever, donor, recipient)``: violence prevention, economic,
#: governance.
_AID = _index([_aid_columns("aid_violence_prevention"), _aid_columns("aid_economic"),
               _aid_columns("aid_governance")])
_OWN_VP = _index([_C[f"violence_prevention:{r}"] for r in _NT])
_EXIT = _index([_C[f"exit_controls:{r}"] for r in _NT])
_REINT = _index([_C[f"reintegration:{r}"] for r in _NT])
_POLICE = _index([_C[f"police_reform:{r}"] for r in _NT])
_YOUTH = _index([_C[f"youth_employment:{r}"] for r in _NT])
_CONSULAR = _index([_C[f"consular_protection:{r}"] for r in _NT])


class Phased(NamedTuple):
    """The levers' two delay stages (the second is in effect) and the hires in training."""

    stage1: np.ndarray
    stage2: np.ndarray
    officers_in_training: np.ndarray


def phase_in(ordered: np.ndarray, training: np.ndarray, stage1: np.ndarray,
             stage2: np.ndarray, k: float | np.ndarray) -> Phased:
    """Every lever column one month further along its two-stage delay (officers after training)."""
    # Adjudicators hired this month start deciding only after their training: the officers'
    # levers enter the ramp OFFICER_TRAINING_MONTHS late (RESEARCH.md §2.5; world.py).
    target = ordered.copy()
    target[:, OFFICER_COLUMNS] = training[:, 0]
    officers_in_training = np.concatenate(
        [training[:, 1:], ordered[:, None, OFFICER_COLUMNS]], axis=1)
    new1 = target - stage1
    new1 *= k
    new1 += stage1
    new2 = new1 - stage2
    new2 *= k
    new2 += stage2
    return Phased(new1, new2, officers_in_training)


def regimes(eff: np.ndarray, blocked: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Detention and removal regimes of US and MX after court blocks, ``(n, 2, 4)``, ``(n, 2, 3)``.

    A block of ``detain_separate`` moves its weight to ``detain``; a block of ``expel`` to
    ``remove``.
    """
    n = eff.shape[0]
    det = eff.take(_DET, axis=1).reshape(n, 2, len(DETENTION))
    rem = eff.take(_REM, axis=1).reshape(n, 2, len(REMOVAL))
    sep_block = blocked[:, :2, _BLOCK["detain_separate"]]
    det[:, :, 2] += det[:, :, 3] * sep_block
    det[:, :, 3] *= 1.0 - sep_block
    exp_block = blocked[:, :2, _BLOCK["expel"]]
    rem[:, :, 1] += rem[:, :, 0] * exp_block
    rem[:, :, 0] *= 1.0 - exp_block
    return det, rem


def column(eff: np.ndarray, name: str) -> np.ndarray:
    """One effective lever column as ``(n, 1)``."""
    i = COLUMN[name]
    return eff[:, i:i + 1]


class Effective(NamedTuple):
    """The effective levers the month reads, by meaning (staff, money, regimes)."""

    det: np.ndarray  # detention regimes, US and MX, (n, 2, 4)
    rem: np.ndarray  # removal regimes, US and MX, (n, 2, 3)
    agents_us: np.ndarray  # (n, 1)
    agents_ca: np.ndarray
    border_agents_mx: np.ndarray  # the lever alone (no corps, no troops)
    transit_agents_mx: np.ndarray
    officers: np.ndarray  # adjudicators US, MX, CA, (n, 3)
    rescue_us: np.ndarray
    rescue_mx: np.ndarray
    aid: np.ndarray  # (n, lever, donor, recipient)
    aid_vp: np.ndarray  # violence prevention by recipient GT, HN, SV (donors' and own), (n, 3)
    aid_econ: np.ndarray
    aid_gov: np.ndarray
    exit_officers: np.ndarray  # GT, HN, SV exit controls, (n, 3)
    reintegration: np.ndarray
    police_reform: np.ndarray  # the NT governments' own programmes, GT, HN, SV, (n, 3)
    youth_employment: np.ndarray
    consular: np.ndarray


def effective(eff: np.ndarray, blocked: np.ndarray) -> Effective:
    """The effective lever columns the month reads, the regimes after court blocks."""
    det, rem = regimes(eff, blocked)
    aid = eff.take(_AID, axis=1)  # (n, lever, donor, recipient)
    aid_by_recipient = add_up(aid.transpose(2, 0, 1, 3))  # over donors: (n, lever, recipient)
    return Effective(
        det=det, rem=rem,
        agents_us=column(eff, "border_agents:US"), agents_ca=column(eff, "border_agents:CA"),
        border_agents_mx=column(eff, "border_agents:MX"),
        transit_agents_mx=column(eff, "transit_agents:MX"),
        officers=eff.take(OFFICER_COLUMNS, axis=1),
        rescue_us=column(eff, "rescue:US"), rescue_mx=column(eff, "rescue:MX"),
        aid=aid, aid_vp=aid_by_recipient[:, 0] + eff.take(_OWN_VP, axis=1),
        aid_econ=aid_by_recipient[:, 1], aid_gov=aid_by_recipient[:, 2],
        exit_officers=eff.take(_EXIT, axis=1), reintegration=eff.take(_REINT, axis=1),
        police_reform=eff.take(_POLICE, axis=1), youth_employment=eff.take(_YOUTH, axis=1),
        consular=eff.take(_CONSULAR, axis=1))
