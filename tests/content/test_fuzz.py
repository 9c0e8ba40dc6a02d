"""Fuzzing: whatever the file holds, the checker answers with problems, never an exception."""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.check import check_document
from game.content.models.level import Level
from game.content.problems import PROBLEM_KINDS, Problem
from game.content.yamlsrc import parse_text
from game.paths import LEVELS

EXAMPLE = (LEVELS / "examples" / "every-feature.yaml").read_text(encoding="utf-8")
STRATEGY = (LEVELS / "examples" / "strategies" / "regional-deal.yaml").read_text(
    encoding="utf-8")
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def checked(data: bytes | str) -> list[Problem]:
    """Read and check; asserts every problem is well formed and a valid level converts."""
    doc, problems = parse_text(data, "fuzz.yaml")
    if doc is not None:
        obj, more = check_document(doc)
        problems += more
        if isinstance(obj, Level):
            obj.to_scenario()
    for problem in problems:
        assert problem.code in PROBLEM_KINDS and problem.code != "internal-error", problem
        assert problem.severity in ("error", "warning")
        assert problem.line >= 0 and problem.column >= 0
        assert problem.message
    return problems


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(data: bytes) -> None:
    checked(data)


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("abc:-[]{}&*!|>'\"#% \t\n0123456789.,?")),
               max_size=200))
def test_random_yaml_like_text_never_raises(text: str) -> None:
    checked("format: borderlines-level/1\n" + text)


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12),
                    st.sampled_from(["US", "MX", "XX", "2019-06", "2019-13", "border_agents",
                                     "caravan", "-20%", "end", "detain", "deaths_in_transit"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += paths(item, (*prefix, i))
    return out


def mutate(data: Any, path: tuple[Any, ...], action: str, new: Any) -> Any:
    if not path:
        return new if action == "replace" else data
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "replace":
        parent[last] = new
    elif action == "delete":
        del parent[last]
    elif action == "rename" and isinstance(parent, dict):
        parent[f"{last}x"[1:] or "x"] = parent.pop(last)
    elif action == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[last]))
    return data


@st.composite
def mutated(draw: st.DrawFn, source: str) -> str:
    data = yaml.safe_load(source)
    for _ in range(draw(st.integers(1, 4))):
        targets = paths(data)
        path = draw(st.sampled_from(targets))
        action = draw(st.sampled_from(["replace", "delete", "rename", "duplicate"]))
        data = mutate(data, path, action, draw(VALUES))
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@FUZZ
@given(mutated(EXAMPLE))
def test_mutated_valid_levels_give_only_reported_problems(text: str) -> None:
    checked(text)


@FUZZ
@given(mutated(STRATEGY))
def test_mutated_strategies_give_only_reported_problems(text: str) -> None:
    checked(text)


@FUZZ
@given(st.integers(0, len(EXAMPLE) - 1), st.integers(1, 20), st.text(max_size=5))
def test_cut_and_spliced_level_text_never_raises(at: int, cut: int, insert: str) -> None:
    checked(EXAMPLE[:at] + insert + EXAMPLE[at + cut:])


def test_the_unmutated_example_is_clean() -> None:
    assert checked(EXAMPLE) == []
