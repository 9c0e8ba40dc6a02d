"""Levers take effect over their delays; courts block regimes (mechanisms/phase_in.py)."""

from __future__ import annotations

import numpy as np

from game.sim.levers import COLUMN, DELAYS, OFFICER_COLUMNS, Levers
from game.sim.mechanisms.phase_in import effective, phase_in, regimes
from game.sim.policy import Policy
from game.sim.world import BLOCKABLE, NATIONS

K = 1.0 - np.exp(-1.0 / (np.maximum(DELAYS, 1.0) / 2.0))


def _start() -> tuple[np.ndarray, np.ndarray]:
    values = Levers.from_policy(Policy()).values
    return values, np.repeat(values[:, None, OFFICER_COLUMNS], 3, axis=1)


def test_a_lever_held_at_its_value_stays_there() -> None:
    values, training = _start()
    out = phase_in(values, training, values, values, K)
    np.testing.assert_array_equal(out.stage2, values)


def test_a_raised_lever_moves_part_way_and_monotonically_toward_its_new_value() -> None:
    values, training = _start()
    raised = values.copy()
    agents = COLUMN["border_agents:US"]
    raised[:, agents] *= 2
    s1, s2 = values, values
    seen = []
    for _ in range(24):
        s1, s2, training = phase_in(raised, training, s1, s2, K)
        seen.append(s2[0, agents])
    assert values[0, agents] < seen[0] < seen[5] < seen[-1] <= raised[0, agents]
    assert seen[-1] > values[0, agents] + 0.9 * (raised[0, agents] - values[0, agents])


def test_hired_adjudicators_decide_nothing_while_in_training() -> None:
    values, training = _start()
    more = values.copy()
    more[:, OFFICER_COLUMNS] *= 3
    s1, s2 = values, values
    for _ in range(training.shape[1]):
        s1, s2, training = phase_in(more, training, s1, s2, K)
        np.testing.assert_array_equal(s2[:, OFFICER_COLUMNS], values[:, OFFICER_COLUMNS])
    s1, s2, training = phase_in(more, training, s1, s2, K)
    assert np.all(s2[:, OFFICER_COLUMNS] > values[:, OFFICER_COLUMNS])


def test_a_court_block_moves_separation_to_detention_and_expulsion_to_removal() -> None:
    policy = (Policy().with_lever("US", "detention", "detain_separate")
              .with_lever("US", "removal", "expel"))
    eff = Levers.from_policy(policy).values
    blocked = np.zeros((1, len(NATIONS), len(BLOCKABLE)))
    det, rem = regimes(eff, blocked)
    assert det[0, 0, 3] == 1.0 and rem[0, 0, 0] == 1.0
    blocked[0, 0, BLOCKABLE.index("detain_separate")] = 1.0
    blocked[0, 0, BLOCKABLE.index("expel")] = 1.0
    det, rem = regimes(eff, blocked)
    assert det[0, 0, 3] == 0.0 and det[0, 0, 2] == 1.0
    assert rem[0, 0, 0] == 0.0 and rem[0, 0, 1] == 1.0
    assert det.sum(axis=2).tolist() == [[1.0, 1.0]]  # weights are moved, never lost


def test_aid_is_summed_over_donors_and_own_spending_adds_to_violence_prevention() -> None:
    policy = (Policy().with_lever("US", "aid_violence_prevention", 300)
              .with_lever("GT", "violence_prevention", 10))
    eff = Levers.from_policy(policy).values
    lv = effective(eff, np.zeros((1, len(NATIONS), len(BLOCKABLE))))
    us_part = eff[0, COLUMN["aid_violence_prevention:US:GT"]]
    assert lv.aid_vp[0, 0] >= us_part + 10 - 1e-9
    assert lv.officers.shape == (1, 3) and lv.agents_us.shape == (1, 1)
