"""The model's contracts: conservation, determinism, batching, robustness, scores, the API."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from _worlds import START, params
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.sim import (
    Levers,
    Noise,
    Simulation,
    default_params,
    initial_world,
    run_turn,
    score_turn,
    step,
)
from game.sim.policy import Agreement, Policy, Scenario, ScheduledEvent, month_index
from game.sim.registry import AGREEMENTS, EVENTS, LEVERS, METRICS, ORIGINS
from game.sim.turn import SCORES

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "sim_2016_seed42.json"
ALL_EVENTS = (
    ScheduledEvent("hurricane", START + 1, {"origin": "HN", "severity": 1.0}),
    ScheduledEvent("drought", START + 1, {"origin": "GT", "severity": 0.5}),
    ScheduledEvent("announcement", START + 2, {"people": "everyone", "release_change": -0.4}),
    ScheduledEvent("violence_shock", START + 2, {"origin": "SV", "increase": 2.0, "months": 3}),
    ScheduledEvent("caravan", START + 2, {"origin": "GT", "size": 20_000}),
    ScheduledEvent("media_photo", START + 3, {"country": "US", "intensity": 1.0}),
    ScheduledEvent("court_ruling", START + 3, {"country": "US", "blocks": "expel"}),
    ScheduledEvent("tariff_deadline", START + 4, {"rate": 0.25}),
    ScheduledEvent("economic_shock", START + 4, {"country": "US", "change": -0.1, "months": 6}),
    ScheduledEvent("economic_shock", START + 5, {"country": "HN", "change": 0.2, "months": 6}),
    ScheduledEvent("extra_regional_surge", START + 5, {"size": 50_000, "months": 4}),
    ScheduledEvent("flood", START + 6, {"origin": "GT", "severity": 0.4}),
    ScheduledEvent("epidemic", START + 6, {"severity": 1.0, "months": 3}),
    ScheduledEvent("news", START + 7),
)


def every_agreement() -> tuple[Agreement, ...]:
    return (
        Agreement("safe_third_country", ("US", "MX"), {"coverage": 0.5}),
        Agreement("safe_third_country", ("US", "HN")),
        Agreement("safe_third_country", ("CA", "US"), {"coverage": 0.2}),
        Agreement("remain_in_mexico", ("US", "MX")),
        Agreement("burden_sharing", ("US", "MX", "CA")),
        Agreement("joint_corps", ("US", "MX", "CA")),
        Agreement("returns_acceptance", ("US", "MX")),
        Agreement("visa_requirement", ("MX", "CA"), {"origin": "XR"}),
        Agreement("visa_requirement", ("CA", "MX"), {"origin": "MX"}),
        Agreement("tariff_threat", ("US", "MX")),
        Agreement("trinational_task_force", ("HN", "GT", "SV")),
    )


def test_every_agreement_and_event_of_the_registry_is_exercised_here():
    assert {a.kind for a in every_agreement()} == set(AGREEMENTS)
    assert {e.kind for e in ALL_EVENTS} | {"policy_change"} == set(EVENTS)


def test_a_turn_reports_every_canonical_metric_but_the_scores_per_world():
    world = initial_world(Scenario(start=START), 3, params())
    _, out = run_turn(world, Levers.from_policy(Policy(), 3), params(), Noise.shared(1), 3)
    missing = [m for m in METRICS if m not in out.metrics and m not in SCORES]
    assert missing == []
    assert all(out.metrics[m].shape == (3,) for m in METRICS if m not in SCORES)


def test_people_are_conserved_every_month_in_every_world():
    policies = [Policy(), Policy().with_lever("US", "removal", "expel")]
    policies.append(Policy(agreements=every_agreement()))
    world = initial_world(Scenario(start=START), 3, params())
    levers = Levers.from_policies(policies)
    for _ in range(24):
        before = world.total_people()
        world, outcome = step(world, levers, params(), Noise.independent(3), ALL_EVENTS)
        births = outcome.metrics["births"]
        np.testing.assert_allclose(world.total_people() - before, births, rtol=1e-9, atol=1e-3)


def test_the_same_seed_and_decisions_give_bit_identical_results():
    a = Simulation(Scenario(start=START, seed=5))
    b = Simulation(Scenario(start=START, seed=5))
    policy = Policy().with_lever("US", "border_agents", 30_000)
    for _ in range(3):
        ra = a.advance(policy, 3, ALL_EVENTS)
        rb = b.advance(policy, 3, ALL_EVENTS)
        for k in ra.metrics:
            np.testing.assert_array_equal(ra.metrics[k], rb.metrics[k])
    assert a.state_hash() == b.state_hash()
    c = Simulation(Scenario(start=START, seed=6))
    c.advance(policy, 9, ALL_EVENTS)
    assert c.state_hash() != a.state_hash()


def test_a_world_sees_the_same_shared_draws_alone_or_inside_a_batch():
    policy = Policy().with_lever("US", "removal", "expel")
    alone = initial_world(Scenario(start=START), 1, params())
    batch = initial_world(Scenario(start=START), 7, params())
    _, one = run_turn(alone, Levers.from_policy(policy), params(), Noise.shared(9), 6, ALL_EVENTS)
    many = Levers.from_policies([Policy()] * 3 + [policy] + [Policy()] * 3)
    _, seven = run_turn(batch, many, params(), Noise.shared(9), 6, ALL_EVENTS)
    for k, v in one.metrics.items():
        np.testing.assert_allclose(seven.metrics[k][3], v[0], rtol=1e-12, err_msg=k)


@pytest.mark.parametrize("size", [2, 7, 300])
def test_a_world_is_the_same_to_the_last_bit_alone_or_in_a_batch_of_any_size(size: int) -> None:
    # Explanations and forecasts rerun the player's world inside big batches: any difference
    # in the last bit would show up as a "cause" nobody chose. (A BLAS product for spending
    # once gave different bits from 300 worlds up.)
    policy = Policy()
    for agreement in every_agreement():
        policy = policy.with_agreement(agreement)
    one = initial_world(Scenario(start=START), 1, params())
    many = one.take([0] * size)
    alone_levers, batch_levers = Levers.from_policy(policy), Levers.from_policy(policy, size)
    for _ in range(8):
        one, alone = step(one, alone_levers, params(), Noise.shared(3), ALL_EVENTS)
        many, batch = step(many, batch_levers, params(), Noise.shared(3), ALL_EVENTS)
        for name, value in alone.metrics.items():
            np.testing.assert_array_equal(batch.metrics[name][-1], value[0], err_msg=name)
    np.testing.assert_array_equal(many.stocks[-1], one.stocks[0])


def test_independent_noise_gives_worlds_their_own_draws_whatever_the_batch_size():
    world = initial_world(Scenario(start=START), 4, params())
    _, out = run_turn(world, Levers.from_policy(Policy(), 4), params(), Noise.independent(2), 6)
    assert len(set(np.round(out.metrics["us_border_encounters"], 6))) == 4
    small = initial_world(Scenario(start=START), 2, params())
    _, out2 = run_turn(small, Levers.from_policy(Policy(), 2), params(), Noise.independent(2), 6)
    np.testing.assert_allclose(out2.metrics["us_border_encounters"],
                               out.metrics["us_border_encounters"][:2], rtol=1e-12)


def test_turning_season_and_events_off_per_world_changes_only_those_worlds():
    world = initial_world(Scenario(start=START), 3, params())
    world = world.with_weights(season=np.array([1.0, 0.0, 1.0]), events=np.array([1.0, 1.0, 0.0]))
    noise = Noise.shared(4).without_chance()
    levers = Levers.from_policy(Policy(), 3)
    _, calm = run_turn(world, levers, params(), noise, 12)
    monthly = calm.monthly["emigrants_total"]
    ratio = monthly[:, 0] / monthly[:, 1]  # seasonal world against a flat year
    assert ratio[1:4].max() > 1.05  # spring peak (START is January)
    assert ratio[7:10].min() < 0.95
    _, out = run_turn(world, levers, params(), noise, 12, ALL_EVENTS)
    assert out.metrics["emigrants_from_hn"][2] < out.metrics["emigrants_from_hn"][0]  # no storm
    np.testing.assert_allclose(out.monthly["emigrants_from_hn"][:, 2],
                               calm.monthly["emigrants_from_hn"][:, 2])


lever_values = {
    spec.name: (st.sampled_from(spec.choices) if spec.kind == "choice"
                else st.floats(spec.low, spec.high, allow_nan=False))
    for spec in LEVERS.values()
}


@st.composite
def policies(draw):
    policy = Policy()
    for spec in LEVERS.values():
        for country in spec.countries:
            if draw(st.booleans()):
                extreme = draw(st.sampled_from(["low", "high", "any"]))
                if spec.kind == "choice":
                    value = draw(lever_values[spec.name])
                elif extreme == "any":
                    value = draw(lever_values[spec.name])
                else:
                    value = spec.low if extreme == "low" else spec.high
                policy = policy.with_lever(country, spec.name, value)
    for agreement in every_agreement():
        if draw(st.booleans()):
            policy = policy.with_agreement(agreement)
    return policy


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(policies(), min_size=1, max_size=4))
def test_any_policies_in_range_keep_every_number_finite_and_every_stock_non_negative(pols):
    world = initial_world(Scenario(start=START), len(pols), params())
    levers = Levers.from_policies(pols)
    before = world.total_people()
    world, out = run_turn(world, levers, params(), Noise.independent(11), 12, ALL_EVENTS)
    for k, v in out.metrics.items():
        assert np.isfinite(v).all(), k
    assert (world.stocks >= 0).all()
    np.testing.assert_allclose(world.total_people() - before, out.metrics["births"], rtol=1e-8)
    baseline = {k: v[:1].repeat(len(pols)) for k, v in out.metrics.items()}
    for name, score in score_turn(out.metrics, baseline).items():
        assert ((score >= 0) & (score <= 100)).all(), name
    for c in ("us", "mx", "ca"):
        assert ((out.metrics[f"approval_{c}"] >= 0) & (out.metrics[f"approval_{c}"] <= 100)).all()
    assert (out.metrics["labor_shortage_us"] >= 0).all()
    assert (out.metrics["labor_shortage_us"] <= 1).all()


def test_a_600_month_soak_on_a_batch_stays_finite_and_conserved():
    pols = [Policy(), Policy().with_levers("US", {"border_agents": 60_000, "removal": "expel"}),
            Policy(agreements=every_agreement()).with_lever("MX", "transit_agents", 40_000)]
    world = initial_world(Scenario(start=month_index(2000, 1)), 3, params())
    levers = Levers.from_policies(pols)
    start_total = world.total_people()
    births = np.zeros(3)
    for _ in range(20):
        world, out = run_turn(world, levers, params(), Noise.independent(8), 30)
        births += out.metrics["births"]
        for k, v in out.metrics.items():
            assert np.isfinite(v).all(), k
    assert world.month == month_index(2050, 1)
    assert (world.stocks >= 0).all()
    np.testing.assert_allclose(world.total_people() - start_total, births, rtol=1e-8)


def test_scores_are_fifty_for_the_status_quo_and_move_with_outcomes():
    sim = Simulation(Scenario(start=START, seed=3))
    result = sim.advance(Policy(), 3)
    for name in SCORES:
        assert result.metrics[name][0] == pytest.approx(50.0)
    rescue = Simulation(Scenario(start=START, seed=3))
    better = rescue.advance(Policy().with_lever("US", "rescue", 500), 12)
    assert better.metrics["deaths_in_transit"][0] < better.baseline["deaths_in_transit"][0]
    assert better.metrics["humanitarian_score"][0] > 50


def test_params_carry_unit_range_and_source_and_accept_arrays_of_worlds():
    p = default_params()
    for entry in p:
        assert entry.unit and entry.source, entry.name
        assert entry.low <= entry.high, entry.name
        assert entry.low <= entry.value <= entry.high, entry.name
    batch = p.replace(price_enforcement_elasticity=np.array([0.1, 0.25, 0.4]))
    assert batch.n_worlds == 3
    world = initial_world(Scenario(start=START), 3, batch)
    levers = Levers.from_policy(Policy().with_lever("US", "border_agents", 51_000), 3)
    _, out = run_turn(world, levers, batch, Noise.shared(1), 24)
    price = out.metrics["smuggling_price_usd"]
    assert price[0] < price[1] < price[2]
    with pytest.raises(KeyError):
        p.replace(no_such_parameter=1.0)


def test_scenario_overrides_set_the_starting_world_and_unknown_keys_are_refused():
    sc = Scenario(start=START, overrides={"asylum_backlog_us": 1_000_000, "approval_us": 30})
    world = initial_world(sc, 1, params())
    assert world.stock("proc_us").sum() + world.stock("det_us").sum() == pytest.approx(
        1_000_000, rel=0.05)
    assert world.approval[0, 0] == 30
    with pytest.raises(ValueError, match="unknown override"):
        initial_world(Scenario(start=START, overrides={"nonsense": 1}), 1, params())


def test_a_short_run_matches_the_committed_golden_report():
    sim = Simulation(Scenario(start=START, seed=42))
    report = []
    for policy in (Policy(), Policy().with_lever("US", "asylum_officers", 2000)):
        result = sim.advance(policy, 3, ALL_EVENTS)
        report.append({k: round(float(v[0]), 6) for k, v in sorted(result.metrics.items())})
    if not GOLDEN.exists():  # first run writes it; commit it
        GOLDEN.write_text(json.dumps(report, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    diffs = [f"turn {i} {k}: {t.get(k)} != {e[k]}" for i, (t, e) in enumerate(
        zip(report, expected, strict=True)) for k in e if t.get(k) != pytest.approx(e[k], rel=1e-9)]
    assert diffs == [], "\n".join(diffs[:20])


def test_origins_and_stocks_have_the_registry_order():
    world = initial_world(Scenario(start=START), 1, params())
    assert world.stocks.shape[2] == len(ORIGINS)


def test_the_model_description_lists_every_coefficient():
    text = (Path(__file__).resolve().parents[2] / "docs" / "model.md").read_text(encoding="utf-8")
    missing = [p.name for p in default_params() if f"`{p.name}`" not in text]
    assert missing == [], f"docs/model.md lacks {missing[:5]} (regenerate its table)"


def test_a_copied_simulation_branches_without_touching_the_original():
    sim = Simulation(Scenario(start=START, seed=4))
    sim.advance(Policy(), 3)
    before = sim.state_hash()
    branch = sim.copy()
    branch.advance(Policy().with_lever("US", "border_agents", 40_000), 3)
    assert sim.state_hash() == before
    assert sim.month == START + 3 and branch.month == START + 6
    again = sim.copy()
    again.advance(Policy().with_lever("US", "border_agents", 40_000), 3)
    assert again.state_hash() == branch.state_hash()


def test_a_monte_carlo_simulation_scores_the_status_quo_at_fifty_in_every_world():
    sim = Simulation(Scenario(start=START, seed=2), n_worlds=4)
    result = sim.advance(Policy(), 3)
    assert len(set(np.round(result.metrics["us_border_encounters"], 3))) == 4
    for name in SCORES:
        np.testing.assert_allclose(result.metrics[name], 50.0)
