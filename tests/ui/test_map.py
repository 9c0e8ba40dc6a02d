"""The living map: projection, caches, particles, overlays, tooltips and pixel facts."""

from __future__ import annotations

import math

import numpy as np
import pygame
import pytest

from game.ui import theme
from game.ui.map import MapState, MapView
from game.ui.map.corridors import CORRIDORS, TOWN_BY_NAME, TOWNS, US_SECTORS
from game.ui.map.land import COUNTRY_TONES, render_land
from game.ui.map.particles import particle_count
from game.ui.map.projection import Projection

BUSY = {
    "us_border_encounters": 130_000, "irregular_entries_us": 25_000,
    "emigrants_from_gt": 45_000, "emigrants_from_hn": 35_000, "emigrants_from_sv": 9_000,
    "emigrants_from_mx": 30_000, "emigrants_from_xr": 12_000, "mx_apprehensions": 25_000,
    "legal_admissions_us": 28_000, "legal_admissions_ca": 3_000, "legal_admissions_mx": 1_500,
    "asylum_claims_us": 40_000, "ca_irregular_interceptions": 1_400,
    "stranded_in_mx_border_towns": 45_000, "deaths_in_transit": 70,
}


@pytest.fixture(autouse=True)
def _pygame():
    pygame.init()
    theme.reset_fonts()  # fonts die with pygame.quit() in other tests
    yield
    pygame.quit()
    theme.reset_fonts()


def view_at(rect=(0, 0, 960, 540), state: MapState | None = None, **kw) -> MapView:
    view = MapView(**kw)
    view.resize(rect)
    view.set_state(state or MapState.from_metrics(BUSY, player_countries=("US",)))
    view.prepare()
    return view


# --- projection ------------------------------------------------------------------------------

def test_projection_puts_canada_above_the_us_above_mexico() -> None:
    proj = Projection.fit((0, 0, 1280, 720))
    _, y_canada = proj.point(-97.1, 49.9)  # Winnipeg
    _, y_us = proj.point(-98.0, 38.5)  # Kansas
    _, y_mexico = proj.point(-99.13, 19.43)  # Mexico City
    assert y_canada < y_us < y_mexico


def test_guatemala_lies_east_of_mexico_city_and_tijuana_west_of_el_paso() -> None:
    proj = Projection.fit((0, 0, 1280, 720))
    assert proj.point(-90.51, 14.63)[0] > proj.point(-99.13, 19.43)[0]
    assert proj.point(-117.04, 32.51)[0] < proj.point(-106.44, 31.68)[0]


@pytest.mark.parametrize("rect", [(0, 0, 1280, 720), (300, 40, 900, 700), (10, 10, 400, 900)])
def test_the_focus_region_fits_inside_any_rect(rect) -> None:
    proj = Projection.fit(rect)
    area = pygame.Rect(rect)
    for lon, lat in [(-124, 48), (-66, 45), (-77.6, 8.2), (-117, 32.5), (-73.5, 45.5)]:
        x, y = proj.point(lon, lat)
        assert area.collidepoint(x, y), (lon, lat, x, y)


# --- caches ----------------------------------------------------------------------------------

def test_land_is_rendered_once_per_size() -> None:
    view = view_at((0, 0, 640, 360))
    screen = pygame.Surface((1000, 600))
    for _ in range(3):
        view.update(1 / 60)
        view.draw(screen)
    view.set_state(MapState.from_metrics({**BUSY, "deaths_in_transit": 10},
                                         player_countries=("US",)))
    view.draw(screen)
    view.resize((100, 50, 640, 360))  # moved, same size
    view.draw(screen)
    assert view.land_builds == 1
    view.resize((0, 0, 800, 450))
    view.draw(screen)
    assert view.land_builds == 2


# --- particles -------------------------------------------------------------------------------

def _distance_to_path(points: np.ndarray, path: np.ndarray) -> np.ndarray:
    return np.min(np.hypot(points[:, None, 0] - path[None, :, 0],
                           points[:, None, 1] - path[None, :, 1]), axis=1)


def test_particles_stay_on_their_corridors_while_moving() -> None:
    view = view_at()
    for _ in range(200):
        view.update(1 / 30)
    for corridor in CORRIDORS:
        pts = view.particles.on_corridor(corridor.name)
        if len(pts):
            d = _distance_to_path(pts, view._paths[corridor.name])
            # Sideways spread is ~1.3 px (normal), so 8 px is far outside it.
            assert d.max() < 8.0, corridor.name


def test_more_flow_means_more_particles_and_no_flow_none() -> None:
    assert particle_count(0.0, 500) == 0
    assert 0 < particle_count(500, 500) < particle_count(50_000, 500)
    state = MapState(flows={"origin_gt": 500, "origin_hn": 50_000, "origin_sv": 0.0})
    view = view_at(state=state)
    counts = view.particles.counts
    assert "origin_sv" not in counts
    assert 0 < counts["origin_gt"] < counts["origin_hn"]
    assert len(view.particles) == counts["origin_gt"] + counts["origin_hn"]


def test_a_map_without_flows_does_not_animate() -> None:
    view = view_at(state=MapState())
    assert len(view.particles) == 0
    assert view.animating is False


def test_particles_are_the_same_for_the_same_seed() -> None:
    a, b = view_at(seed=3), view_at(seed=3)
    for view in (a, b):
        for _ in range(10):
            view.update(1 / 60)
    assert np.array_equal(a.particles.positions(), b.particles.positions())


def test_reduced_motion_shows_still_density_dots() -> None:
    view = view_at(reduced_motion=True)
    assert len(view.particles) > 0
    assert view.animating is False
    before = view.particles.positions().copy()
    view.update(0.5)
    assert np.array_equal(before, view.particles.positions())


# --- drawing and pixel facts -----------------------------------------------------------------

def test_the_map_draws_only_inside_its_rect() -> None:
    screen = pygame.Surface((1200, 700))
    screen.fill((255, 0, 255))
    view = view_at((150, 80, 900, 540))
    view.set_hover(TOWN_BY_NAME["tijuana"] and _town_pos(view, "tijuana"))
    view.draw(screen)
    assert screen.get_at((149, 300))[:3] == (255, 0, 255)
    assert screen.get_at((1051, 300))[:3] == (255, 0, 255)
    assert screen.get_at((600, 79))[:3] == (255, 0, 255)
    assert screen.get_at((600, 621))[:3] == (255, 0, 255)
    assert screen.get_at((600, 300))[:3] != (255, 0, 255)


def test_sea_is_dark_blue_and_mexico_is_land_coloured() -> None:
    size = (960, 540)
    land = render_land(size)
    proj = Projection.fit((0, 0, *size))
    sea = land.get_at(tuple(round(v) for v in proj.point(-128.0, 22.0)))  # the Pacific
    assert sea.b > sea.r and sea.b > 40 and sea.r < 40
    centre = land.get_at(tuple(round(v) for v in proj.point(-102.0, 23.5)))  # Zacatecas
    expected = COUNTRY_TONES["MEX"]
    assert all(abs(centre[i] - expected[i]) <= 12 for i in range(3)), (centre, expected)


def test_the_players_country_is_drawn_lighter() -> None:
    size = (640, 360)
    proj = Projection.fit((0, 0, *size))
    kansas = tuple(round(v) for v in proj.point(-98.0, 38.5))
    plain = render_land(size).get_at(kansas)
    emphasised = render_land(size, frozenset({"USA"})).get_at(kansas)
    assert sum(emphasised[:3]) > sum(plain[:3]) + 30


def test_sectors_are_coloured_by_staffing() -> None:
    low = MapState(staffing={s.name: 50.0 for s in US_SECTORS})
    high = MapState(staffing={s.name: 20_000.0 for s in US_SECTORS})
    colours = []
    for state in (low, high):
        view = view_at(state=state)
        x, y = view._sector_paths["tucson"][len(view._sector_paths["tucson"]) // 2]
        colours.append(view._static.get_at((round(x), round(y))))
    # Viridis runs from blue (few agents) to yellow (many).
    assert colours[0].b > colours[0].r
    assert colours[1].r > colours[1].b


# --- tooltips --------------------------------------------------------------------------------

def _town_pos(view: MapView, name: str) -> tuple[int, int]:
    x, y = view.projection.point(*TOWN_BY_NAME[name].lonlat)
    return round(x + view.rect.left), round(y + view.rect.top)


def test_hovering_a_border_town_shows_its_stranded_people() -> None:
    view = view_at((40, 30, 960, 540))
    tip = view.hit_test(_town_pos(view, "ciudad_juarez"))
    assert tip is not None and tip.kind == "town" and tip.key == "ciudad_juarez"
    stranded = BUSY["stranded_in_mx_border_towns"] * TOWN_BY_NAME["ciudad_juarez"].share
    assert f"{stranded:,.0f}" in dict(tip.lines).values().__iter__().__next__()


def test_hovering_a_sector_names_it_with_its_agents() -> None:
    view = view_at()
    path = view._sector_paths["big_bend"]
    x, y = path[len(path) // 2]
    tip = view.hit_test((round(x), round(y)))
    assert tip is not None and tip.kind == "sector" and tip.key == "big_bend"
    assert "Big Bend" in tip.title
    assert any(label == "Agents" for label, _ in tip.lines)


def test_hovering_a_corridor_gives_its_flow_per_month() -> None:
    state = MapState(flows={"ca_roxham": 1_400})
    view = view_at(state=state)
    path = view._paths["ca_roxham"]
    x, y = path[len(path) // 3]
    tip = view.hit_test((round(x), round(y)))
    assert tip is not None and tip.kind == "corridor" and tip.key == "ca_roxham"
    assert ("People per month", "1,400") in tip.lines


def test_nothing_is_hit_outside_the_map_or_in_empty_sea() -> None:
    view = view_at((100, 100, 640, 360))
    assert view.hit_test((10, 10)) is None
    x, y = view.projection.point(-135.0, 15.0)
    assert view.hit_test((round(x) + 100, round(y) + 100)) is None


# --- state from metrics ----------------------------------------------------------------------

def test_metrics_per_turn_become_flows_per_month() -> None:
    one = MapState.from_metrics(BUSY, months=1)
    three = MapState.from_metrics(BUSY, months=3)
    assert math.isclose(three.flows["origin_gt"] * 3, one.flows["origin_gt"])
    crossings = sum(v for k, v in one.flows.items() if k.startswith("cross_"))
    expected = BUSY["us_border_encounters"] + BUSY["irregular_entries_us"]
    assert math.isclose(crossings, expected, rel_tol=1e-9)
    assert math.isclose(sum(one.stranded.values()), BUSY["stranded_in_mx_border_towns"])
    assert math.isclose(sum(one.deaths.values()), BUSY["deaths_in_transit"])


def test_more_transit_agents_push_people_to_the_remote_route() -> None:
    base = MapState.from_metrics(BUSY)
    crackdown = MapState.from_metrics(BUSY, {"MX": {"transit_agents": 12_000}})
    assert crackdown.flows["transit_remote"] > base.flows["transit_remote"]
    total = sum(v for k, v in base.flows.items() if k.startswith("transit_"))
    total2 = sum(v for k, v in crackdown.flows.items() if k.startswith("transit_"))
    assert math.isclose(total, total2)


def test_staffing_follows_the_border_agents_lever() -> None:
    base = MapState.from_metrics(BUSY)
    doubled = MapState.from_metrics(BUSY, {"US": {"border_agents": 34_000}})
    assert math.isclose(sum(base.staffing[s.name] for s in US_SECTORS), 17_000)
    assert math.isclose(doubled.staffing["tucson"], 2 * base.staffing["tucson"])


def test_route_flows_from_the_simulation_replace_the_estimates() -> None:
    state = MapState.from_metrics(BUSY, route_flows={"cross_tucson": 123.0, "nonsense": 5.0})
    assert state.flows["cross_tucson"] == 123.0
    assert "nonsense" not in state.flows


def test_bad_metric_values_become_zero_not_errors() -> None:
    state = MapState.from_metrics({"emigrants_from_gt": float("nan"),
                                   "deaths_in_transit": -5, "mx_apprehensions": "x"})
    assert state.total_flow() == 0.0
    assert sum(state.deaths.values()) == 0.0
    assert {t.name for t in TOWNS} == set(state.stranded)


def test_deaths_are_marked_one_cross_per_unit_and_the_unit_is_steady() -> None:
    view = view_at(state=MapState(deaths={"tucson": 30.0, "mx_transit": 20.0}))
    assert view.death_unit == 1
    assert len(view._deaths_px["tucson"]) == 30
    view.set_state(MapState(deaths={"tucson": 120.0}))
    view.prepare()
    assert view.death_unit == 1  # 120 marks: still comparable with the last turn
    view.set_state(MapState(deaths={"tucson": 900.0}))
    view.prepare()
    assert view.death_unit == 20 and len(view._deaths_px["tucson"]) == 45


def test_a_fixed_death_unit_is_kept() -> None:
    view = view_at(state=MapState(deaths={"tucson": 900.0}), death_unit=5)
    assert view.death_unit == 5 and len(view._deaths_px["tucson"]) == 180


def test_a_tiny_rect_draws_nothing_and_does_not_fail() -> None:
    view = view_at((0, 0, 4, 4))
    screen = pygame.Surface((50, 50))
    view.draw(screen)
    assert view.hit_test((2, 2)) is None


def test_hidden_layers_are_neither_drawn_nor_hit() -> None:
    view = view_at()
    path = view._sector_paths["big_bend"]
    x, y = path[len(path) // 2]
    view.set_layers(["corridors", "labels"])
    view.prepare()
    assert len(view.particles) == 0 and view.animating is False
    assert view._deaths_px == {}
    tip = view.hit_test((round(x), round(y)))
    assert tip is None or tip.kind == "corridor"
    with pytest.raises(ValueError, match="unknown map layers: wall"):
        view.set_layers(["wall"])


def test_keyboard_players_can_step_through_every_place() -> None:
    view = view_at((20, 10, 960, 540))
    points = view.focus_points()
    kinds = {tip.kind for tip in points}
    assert kinds == {"town", "sector", "corridor"}
    xs = [tip.anchor[0] for tip in points]
    assert xs == sorted(xs)  # west to east
    assert all(view.rect.collidepoint(tip.anchor) for tip in points)
    view.show_tooltip(points[0])
    screen = pygame.Surface((1000, 600))
    view.draw(screen)  # the chosen tooltip draws without a pointer


def test_the_simulations_urban_remote_split_moves_crossings_between_sectors() -> None:
    urban = MapState.from_metrics({**BUSY, "crossings_urban_us": 90_000,
                                   "crossings_remote_us": 10_000})
    remote = MapState.from_metrics({**BUSY, "crossings_urban_us": 30_000,
                                    "crossings_remote_us": 70_000})
    assert remote.flows["cross_tucson"] > 3 * urban.flows["cross_tucson"]
    assert remote.flows["cross_san_diego"] < urban.flows["cross_san_diego"]
    total = sum(v for k, v in remote.flows.items() if k.startswith("cross_"))
    assert math.isclose(total, 100_000)


def test_every_map_label_is_in_the_english_catalogue() -> None:
    import json

    from game.i18n import CATALOGUES
    from game.ui.map.view import translatable_strings

    catalogue = json.loads((CATALOGUES / "en.json").read_text(encoding="utf-8"))
    assert [s for s in translatable_strings() if s not in catalogue] == []
