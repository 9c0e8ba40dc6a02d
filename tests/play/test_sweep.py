"""``simulate`` led by AI leaders by default, ``simulate --sweep`` and the sweep's verdicts."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from play_helpers import level

from game.cli import main
from game.paths import LEVELS
from game.play.ai import PERSONALITIES
from game.play.sweep import EXHAUSTIVE_UP_TO, headless_roles, pairwise, sweep, trials

FIXTURES = Path(__file__).parent / "fixtures"
UNREACHABLE = FIXTURES / "unreachable-goal.yaml"
EXAMPLES = LEVELS / "examples"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BORDERLINES_DATA_DIR", str(tmp_path / "user"))


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["simulate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_without_a_strategy_ai_leaders_lead_every_country_as_autoplay_does() -> None:
    lv = level("june-2019-crisis")
    players, led = headless_roles(lv)
    assert players == {c: f"ai:{lv.ai_personality(c)}" for c in lv.country_setups()}
    assert led == set(players)


def test_a_strategy_speaks_for_its_countries_and_status_quo_keeps_the_teams_levers() -> None:
    lv = level("june-2019-crisis")
    players, led = headless_roles(lv, {"US"})
    assert players["US"] == "human" and players["MX"].startswith("ai:") and led == {
        "US", "MX", "CA", "GT", "HN", "SV"}
    players, led = headless_roles(lv, {"US"}, "status-quo")
    # Nobody leads the teams' unscripted countries: the model answers pressure for them.
    assert set(players.values()) == {"human"} and led == {"US"}
    players, led = headless_roles(lv, (), "none")
    assert set(players.values()) == {"human"} and led == set()


def test_status_quo_and_no_ai_differ_from_the_default_where_ai_leaders_act(capsys) -> None:
    runs = {}
    for flags in ((), ("--status-quo",), ("--no-ai",)):
        code, out, _ = run_cli(capsys, "the-45-days", *flags, "--json")
        assert code == 0
        data = json.loads(out)
        assert list(data) == ["level", "seed", "worlds", "months_per_turn", "turns", "final"]
        runs[flags] = data["turns"][-1]["metrics"]
    assert runs[()] != runs[("--status-quo",)]
    assert runs[("--status-quo",)] != runs[("--no-ai",)]


def test_pairwise_meets_every_pair_of_countries_in_every_pair_of_personalities() -> None:
    for n in (2, 4, 6):
        rows = pairwise(n)
        assert all(len(row) == n for row in rows) and len(set(rows)) == len(rows)
        for i, j in itertools.combinations(range(n), 2):
            seen = {(row[i], row[j]) for row in rows}
            assert seen == set(itertools.product(PERSONALITIES, repeat=2)), (n, i, j)
        # The uniform leaderships come first; far fewer runs than the full product.
        assert rows[:3] == [(p,) * n for p in PERSONALITIES]
    assert len(pairwise(6)) <= 16 < 3**6
    assert pairwise(6) == pairwise(6)  # deterministic


def _three_countries():
    from game.content.loader import load_level

    return load_level(EXAMPLES / "three-country-cooperation.yaml")


def test_small_levels_try_every_combination_and_large_ones_an_all_pairs_set() -> None:
    tried, how = trials(_three_countries())
    assert [t.kind for t in tried].count("ai") == 27 == EXHAUSTIVE_UP_TO
    assert tried[0].kind == "status-quo" and "every combination" in how
    tried, how = trials(level("regional-compact"))
    ai = [t for t in tried if t.kind == "ai"]
    assert 9 <= len(ai) <= 16 and "of the 729 combinations" in how
    assert all(set(t.personalities) == {"US", "MX", "CA", "GT", "HN", "SV"} for t in ai)


def test_the_tutorial_sweep_names_the_strategy_that_meets_each_objective(capsys) -> None:
    code, out, _ = run_cli(capsys, "tutorial", "--sweep", "--json")
    assert code == 0
    data = json.loads(out)
    names = [t["name"] for t in data["tried"]]
    assert names[:4] == ["status quo", "AI US hardliner", "AI US pragmatist",
                         "AI US humanitarian"]
    assert {"strategy tutorial-protect", "strategy tutorial-crackdown"} <= set(names)
    deaths = data["objectives"]["fewer-deaths"]
    assert deaths["verdict"] == "reachable" and "strategy tutorial-protect" in deaths["met_by"]
    assert "status quo" not in deaths["met_by"]
    # Below -10% against the status quo: the best run's margin is how far past -10% it got.
    best = deaths["best"]
    assert best["met"] and best["margin"] == pytest.approx(-0.1 - best["judged"], abs=1e-6)
    assert best["margin"] > 0 and data["seconds"] > 0
    code, table, _ = run_cli(capsys, "tutorial", "--sweep")
    assert code == 0 and "fewer-deaths — " in table and "reachable: met by" in table
    assert "strategy tutorial-protect" in table and "points to spare" in table


def test_an_unreachable_objective_is_never_met_with_the_closest_miss() -> None:
    from game.content.loader import load_level

    result = sweep(load_level(UNREACHABLE))
    verdicts = {o.id: o.verdict for o in result.objectives}
    assert verdicts == {"keep-approval": "always", "no-one-comes": "never"}
    [never] = result.never_met()
    name, closest = never.best or ("", None)
    assert closest is not None and not closest.met and closest.margin is not None
    assert closest.margin < 0 and name in never.outcomes
    assert "closest:" in never.best_text() and "points short" in never.best_text()
    assert never.target_text() == "us_border_encounters below -95.0% against the status quo"


def test_hidden_objectives_are_judged_in_the_sweep(capsys) -> None:
    code, out, _ = run_cli(capsys, "june-2019-crisis", "--sweep", "--json")
    assert code == 0
    data = json.loads(out)
    objectives = data["objectives"]
    hidden = {k: v for k, v in objectives.items() if v["hidden"]}
    assert {v["for"] for v in hidden.values()} == {"US", "MX", "CA", "GT", "HN", "SV"}
    assert all(v["verdict"] in ("always", "reachable", "never") for v in objectives.values())
    # The status quo, 15 all-pairs leaderships of six countries and the level's three strategies
    # (Canada's, Honduras' and the US's hidden objectives; the last needs Mexico to deploy).
    assert len(data["tried"]) == 19 and data["tried"][-1]["kind"] == "strategy"
    assert all(len(v["runs"]) == 19 for v in objectives.values())
    canada = objectives["ca-share (hidden, CA)"]
    assert canada["met_by"] == ["strategy june-2019-crisis-canada-opens"]


def test_sweep_refuses_options_it_cannot_honour(capsys) -> None:
    code, _, err = run_cli(capsys, "tutorial", "--sweep", "--worlds", "3")
    assert code == 2 and "leave out --worlds" in err
    with pytest.raises(SystemExit) as exit_:
        main(["simulate", "tutorial", "--sweep", "--no-ai"])
    assert exit_.value.code == 2


def test_a_strategy_given_with_sweep_is_tried_too(capsys, tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("format: borderlines-strategy/1\nname: mine\ndecisions:\n"
                    "  - turn: 1\n    country: US\n    set: {rescue: 150}\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, str(UNREACHABLE), "--sweep", "--strategy", str(mine),
                           "--json")
    assert code == 0
    assert "strategy mine" in [t["name"] for t in json.loads(out)["tried"]]


# --- borderlines check: the objectives nothing met ---------------------------------------------


def test_check_warns_about_an_objective_no_run_meets_at_its_threshold(capsys) -> None:
    assert main(["check", str(UNREACHABLE)]) == 0  # a warning, not an error
    out = capsys.readouterr().out
    [line] = [x for x in out.splitlines() if "objective-never-met" in x or "no-one-comes" in x]
    assert "unreachable-goal.yaml:24:12: warning: objectives[1].below: objective " in line
    assert "`no-one-comes` is met by none of the 4 runs tried" in line
    assert "below -95.0% against the status quo; closest:" in line
    assert "keep-approval" not in out and "1 warning in 1 file" in out
    assert "--sweep` shows every run" in out


def test_check_quick_and_errors_only_do_not_play_the_level(capsys) -> None:
    assert main(["check", "--quick", str(UNREACHABLE)]) == 0
    assert capsys.readouterr().out.strip() == "No problems found (1 file checked)."
    assert main(["check", "--json", str(UNREACHABLE)]) == 0
    [problem] = json.loads(capsys.readouterr().out)
    assert problem["code"] == "objective-never-met" and problem["severity"] == "warning"


def test_a_strategy_checked_with_the_level_is_tried(capsys, tmp_path: Path) -> None:
    level_file = tmp_path / "lvl.yaml"
    # 15% fewer deaths over six months: no AI leader does it, rescue boats do.
    level_file.write_text(UNREACHABLE.read_text(encoding="utf-8").replace(
        "metric: us_border_encounters", "metric: deaths_in_transit\n    measure: total")
        .replace("below: -95%", "below: -15%"), encoding="utf-8")
    assert main(["check", str(level_file)]) == 0
    assert "no-one-comes" in capsys.readouterr().out
    # A strategy beside the level meets the goal: the checker tries it and the warning goes.
    strategy = tmp_path / "strategies" / "rescue.yaml"
    strategy.parent.mkdir()
    strategy.write_text("format: borderlines-strategy/1\nname: rescue\nlevel: unreachable-goal\n"
                        "decisions:\n  - turn: 1\n    country: US\n    set: {rescue: 300}\n",
                        encoding="utf-8")
    assert main(["check", str(level_file)]) == 0
    assert "no-one-comes" not in capsys.readouterr().out


def test_a_long_level_is_tried_with_the_uniform_leaderships_only_when_time_is_bounded() -> None:
    lv = _three_countries()  # 36 months a run, 28 runs: 1,008 months
    tried, _ = trials(lv, max_months=1_100)
    assert len(tried) == 28
    tried, how = trials(lv, max_months=1_000)
    assert [t.name for t in tried] == ["status quo", "AI US hardliner + MX hardliner + CA "
                                       "hardliner", "AI US pragmatist + MX pragmatist + CA "
                                       "pragmatist", "AI US humanitarian + MX humanitarian + "
                                       "CA humanitarian"]
    assert "a long level: 36 months a run" in how


def test_a_level_the_model_cannot_play_is_reported_by_check_not_raised(
        capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    from game.play import sweep as module

    def broken(*_args: object, **_kwargs: object) -> None:
        raise FloatingPointError("overflow in the step")

    monkeypatch.setattr(module, "sweep", broken)
    assert main(["check", str(UNREACHABLE)]) == 0
    out = capsys.readouterr().out
    assert "warning: the level could not be played to judge its objectives " \
           "(FloatingPointError: overflow in the step)" in out


def test_agreement_and_share_objectives_read_as_their_kind(capsys) -> None:
    assert main(["simulate", str(EXAMPLES / "deals-that-come-and-go.yaml"), "--sweep"]) == 0
    out = capsys.readouterr().out
    # An agreement is in force or not; a share is a percentage, its gap in points.
    assert "target: safe_third_country not in force; best: not in force" in out
    assert "target: returns_acceptance in force" in out
    assert "target: family_unit_members_us below 5.0%; best: 4." in out
    assert "None" not in out
