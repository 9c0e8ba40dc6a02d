"""The routes north, the border sectors and the towns the map draws (DESIGN.md §3.1).

Everything here is data in degrees (lon, lat), placed by hand for a stylised teaching map: the
anchors follow the real routes (the Guatemala–Mexico crossing at Tecún Umán/Ciudad Hidalgo, the
Gulf and central train/bus routes, the remote route to the Sonoran desert, the Border Patrol
sectors, Roxham Road) closely enough to be recognised, not surveyed. Shares that split a total
over places come from CBP's FY2016 tables (data/calibration) where the data has them, and are
marked "assumed" where it does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Channel = Literal["irregular", "asylum", "legal"]
Shape = Literal["land", "air"]
LonLat = tuple[float, float]

# Places (lon, lat).
GUATEMALA_CITY = (-90.51, 14.63)
SAN_SALVADOR = (-89.19, 13.69)
SAN_PEDRO_SULA = (-88.03, 15.50)
TEGUCIGALPA = (-87.21, 14.07)
MEXICO_CITY = (-99.13, 19.43)
TECUN_UMAN = (-92.15, 14.68)
TAPACHULA = (-92.26, 14.90)
EL_CEIBO = (-91.36, 17.26)
TIJUANA = (-117.04, 32.51)
MEXICALI = (-115.47, 32.60)
SAN_LUIS_RC = (-114.78, 32.45)
SASABE = (-111.54, 31.46)
CIUDAD_JUAREZ = (-106.44, 31.68)
OJINAGA = (-104.41, 29.54)
CIUDAD_ACUNA = (-100.93, 29.30)
NUEVO_LAREDO = (-99.51, 27.47)
REYNOSA = (-98.28, 26.06)
MATAMOROS = (-97.50, 25.86)
NEW_YORK = (-74.00, 40.71)
ROXHAM_ROAD = (-73.45, 45.01)
MONTREAL = (-73.57, 45.50)


#: The shared start of the routes from Tapachula: along the Pacific plain, across the isthmus
#: at Ixtepec and up to central Mexico, where the routes fan out.
_TRUNK: tuple[LonLat, ...] = (TAPACHULA, (-93.9, 16.24), (-95.1, 16.6), (-96.9, 18.4))


@dataclass(frozen=True)
class Corridor:
    """One leg of a route north: a curved line through anchor points, carrying one channel."""

    name: str
    label: str
    channel: Channel
    anchors: tuple[LonLat, ...]
    shape: Shape = "land"
    #: The border sector this leg crosses, if any (for tooltips and staffing).
    sector: str = ""
    #: "urban", "remote", "river", "desert", "port" or "" — shown in the tooltip.
    terrain: str = ""


CORRIDORS: tuple[Corridor, ...] = (
    # Origins to Mexico's southern border.
    Corridor("origin_gt", "Guatemala to Mexico's southern border", "irregular",
             (GUATEMALA_CITY, (-91.2, 14.55), (-91.8, 14.62), TECUN_UMAN, TAPACHULA)),
    Corridor("origin_sv", "El Salvador to Mexico's southern border", "irregular",
             (SAN_SALVADOR, (-89.9, 13.85), (-90.8, 14.2), (-91.6, 14.45), TECUN_UMAN,
              TAPACHULA)),
    Corridor("origin_hn", "Honduras to Mexico's southern border (Petén)", "irregular",
             (SAN_PEDRO_SULA, (-88.7, 15.55), (-89.4, 16.2), (-89.9, 16.9), (-90.6, 17.2),
              EL_CEIBO)),
    Corridor("origin_xr", "From South America through the Darién and Central America",
             "irregular",
             ((-77.6, 8.2), (-79.5, 9.0), (-82.4, 9.4), (-84.1, 10.1), (-85.9, 11.9),
              (-87.2, 13.3), (-88.6, 13.9), (-90.1, 14.3), (-91.4, 14.5), TECUN_UMAN,
              TAPACHULA)),
    # Transit through Mexico.
    Corridor("transit_gulf", "Gulf route by bus and train to the Rio Grande", "irregular",
             (EL_CEIBO, (-92.9, 17.9), (-94.45, 18.1), (-96.1, 19.2), (-97.4, 20.9),
              (-97.9, 22.3), (-98.2, 24.0), REYNOSA)),
    Corridor("transit_central", "Central train route (La Bestia) to Nuevo Laredo", "irregular",
             (*_TRUNK, MEXICO_CITY, (-100.98, 22.15), (-100.3, 25.6), NUEVO_LAREDO)),
    Corridor("transit_pacific", "Pacific train route to Tijuana", "irregular",
             (*_TRUNK, MEXICO_CITY, (-103.35, 20.67), (-105.4, 21.6), (-106.4, 23.3),
              (-107.4, 24.8), (-109.9, 27.5), (-111.0, 29.1), (-113.5, 31.3), MEXICALI,
              TIJUANA)),
    Corridor("transit_remote", "Remote route through the Sierra to the Sonoran desert",
             "irregular",
             (*_TRUNK, (-99.7, 19.6), (-102.6, 22.8), (-103.4, 25.5), (-106.1, 28.6),
              (-108.6, 30.2), (-110.5, 30.8), SASABE),
             terrain="remote"),
    Corridor("origin_mx", "From central Mexico to the northern border", "irregular",
             ((-101.19, 19.70), (-101.7, 21.9), (-103.4, 25.5), (-106.1, 28.6),
              CIUDAD_JUAREZ)),
    Corridor("origin_mx_east", "From central Mexico to Coahuila", "irregular",
             ((-101.19, 19.70), (-100.98, 22.15), (-101.0, 25.4), (-101.2, 27.6),
              CIUDAD_ACUNA)),
    Corridor("origin_mx_ojinaga", "From Chihuahua to the Big Bend", "irregular",
             ((-106.1, 28.6), (-105.2, 29.0), OJINAGA)),
    # Crossing the US border between ports of entry, one leg per Border Patrol sector.
    Corridor("cross_san_diego", "Crossing between ports: San Diego sector", "irregular",
             (TIJUANA, (-116.95, 32.75), (-117.2, 33.3), (-117.4, 33.95)),
             sector="san_diego", terrain="urban"),
    Corridor("cross_el_centro", "Crossing between ports: El Centro sector (desert)",
             "irregular", (MEXICALI, (-115.56, 32.85), (-115.9, 33.3), (-116.2, 33.72)),
             sector="el_centro", terrain="desert"),
    Corridor("cross_yuma", "Crossing between ports: Yuma sector (desert)", "irregular",
             (SAN_LUIS_RC, (-114.4, 32.75), (-113.5, 32.85), (-112.7, 32.95)),
             sector="yuma", terrain="desert"),
    Corridor("cross_tucson", "Crossing between ports: Tucson sector (desert)", "irregular",
             (SASABE, (-111.4, 31.9), (-111.2, 32.5), (-112.07, 33.45)),
             sector="tucson", terrain="desert"),
    Corridor("cross_el_paso", "Crossing between ports: El Paso sector", "irregular",
             (CIUDAD_JUAREZ, (-106.6, 31.95), (-106.78, 32.4), (-106.65, 35.08)),
             sector="el_paso", terrain="urban"),
    Corridor("cross_big_bend", "Crossing between ports: Big Bend sector (remote river)",
             "irregular", (OJINAGA, (-104.2, 29.8), (-103.66, 30.36), (-102.37, 31.85)),
             sector="big_bend", terrain="river"),
    Corridor("cross_del_rio", "Crossing between ports: Del Rio sector (river)", "irregular",
             (CIUDAD_ACUNA, (-100.7, 29.45), (-99.79, 29.21), (-98.49, 29.42)),
             sector="del_rio", terrain="river"),
    Corridor("cross_laredo", "Crossing between ports: Laredo sector", "irregular",
             (NUEVO_LAREDO, (-99.45, 27.75), (-99.24, 28.44), (-98.9, 29.1)),
             sector="laredo", terrain="river"),
    Corridor("cross_rgv", "Crossing between ports: Rio Grande Valley sector (river, brush)",
             "irregular", (REYNOSA, (-98.23, 26.25), (-98.14, 27.23), (-97.9, 28.3),
                           (-97.4, 29.2)),
             sector="rio_grande_valley", terrain="river"),
    # Asylum at ports of entry.
    Corridor("port_san_ysidro", "Asylum at the San Ysidro port of entry", "asylum",
             (TIJUANA, (-117.5, 32.9), (-118.0, 33.6), (-118.24, 34.05)),
             sector="san_diego", terrain="port"),
    Corridor("port_el_paso", "Asylum at the El Paso ports of entry", "asylum",
             (CIUDAD_JUAREZ, (-106.2, 31.9), (-105.6, 33.5), (-104.99, 39.74)),
             sector="el_paso", terrain="port"),
    Corridor("port_brownsville", "Asylum at the Brownsville ports of entry", "asylum",
             (MATAMOROS, (-97.45, 26.1), (-97.3, 27.6), (-96.4, 28.9), (-95.37, 29.76)),
             sector="rio_grande_valley", terrain="port"),
    # Canada.
    Corridor("ca_roxham", "Roxham Road: walking into Canada to claim asylum", "asylum",
             (NEW_YORK, (-73.76, 42.65), (-73.6, 44.1), ROXHAM_ROAD, MONTREAL),
             sector="us_ca", terrain="remote"),
    # Legal channels: flights.
    Corridor("legal_us_mx", "Work and family visas: Mexico to the US", "legal",
             (MEXICO_CITY, (-87.63, 41.88)), shape="air"),
    Corridor("legal_us_nt", "Visas and parole: Guatemala and Honduras to the US", "legal",
             (GUATEMALA_CITY, (-95.37, 29.76)), shape="air"),
    Corridor("legal_us_sv", "Visas and parole: El Salvador to the US", "legal",
             (SAN_SALVADOR, (-118.24, 34.05)), shape="air"),
    Corridor("legal_ca_mx", "Seasonal workers and visas: Mexico to Canada", "legal",
             (MEXICO_CITY, (-79.38, 43.65)), shape="air"),
    Corridor("legal_ca_nt", "Workers and resettlement: Central America to Canada", "legal",
             (GUATEMALA_CITY, MONTREAL), shape="air"),
    Corridor("legal_mx_nt", "Regional worker cards and visas: into Mexico", "legal",
             (SAN_PEDRO_SULA, MEXICO_CITY), shape="air"),
)

CORRIDOR_BY_NAME: dict[str, Corridor] = {c.name: c for c in CORRIDORS}


@dataclass(frozen=True)
class Sector:
    """A stretch of border coloured by staffing."""

    name: str
    label: str
    #: Which stored border line it lies on, and its western and eastern longitude limits.
    border: str
    west: float
    east: float
    #: Length of the border it guards (km), to turn agents into agents per km.
    length_km: float
    #: Where its label and tooltip sit (lon, lat).
    anchor: LonLat


# Sector limits follow CBP's sector map approximately; lengths are the border miles of each
# sector (CBP sector fact sheets, rounded) in km.
US_SECTORS: tuple[Sector, ...] = (
    Sector("san_diego", "San Diego", "us_mx", -117.2, -116.1, 97, (-116.7, 32.6)),
    Sector("el_centro", "El Centro", "us_mx", -116.1, -114.8, 113, (-115.4, 32.7)),
    Sector("yuma", "Yuma", "us_mx", -114.8, -112.9, 203, (-113.8, 32.3)),
    Sector("tucson", "Tucson", "us_mx", -112.9, -109.05, 422, (-111.0, 31.4)),
    Sector("el_paso", "El Paso", "us_mx", -109.05, -105.0, 431, (-107.0, 31.6)),
    Sector("big_bend", "Big Bend", "us_mx", -105.0, -101.4, 821, (-103.2, 29.2)),
    Sector("del_rio", "Del Rio", "us_mx", -101.4, -100.0, 338, (-100.7, 29.0)),
    Sector("laredo", "Laredo", "us_mx", -100.0, -99.0, 275, (-99.5, 27.6)),
    Sector("rio_grande_valley", "Rio Grande Valley", "us_mx", -99.0, -97.0, 515,
           (-98.0, 26.0)),
)
MX_SOUTH = Sector("mx_south", "Mexico's southern border", "mx_gt", -93.0, -88.0, 1149,
                  (-91.3, 16.2))
US_CA = Sector("us_ca", "US–Canada border", "us_ca", -125.0, -66.0, 6416, (-90.0, 48.5))
SECTORS: tuple[Sector, ...] = (*US_SECTORS, MX_SOUTH, US_CA)
SECTOR_BY_NAME: dict[str, Sector] = {s.name: s for s in SECTORS}

def _shares(counts: dict[str, int]) -> dict[str, float]:
    """Counts per sector as shares summing to one."""
    total = sum(counts.values())
    return {k: v / total for k, v in counts.items()}


#: Share of US southwest-border agents by sector, FY2016 (CBP agent staffing table).
US_AGENT_SHARE: dict[str, float] = _shares({
    "big_bend": 511, "del_rio": 1439, "el_centro": 927, "el_paso": 2240, "laredo": 1670,
    "rio_grande_valley": 3135, "san_diego": 2325, "tucson": 3834, "yuma": 829,
})
#: Share of southwest-border apprehensions by sector, FY2016 (CBP apprehension table).
US_CROSSING_SHARE: dict[str, float] = _shares({
    "big_bend": 6366, "del_rio": 23078, "el_centro": 19448, "el_paso": 25634,
    "laredo": 36562, "rio_grande_valley": 186830, "san_diego": 31891, "tucson": 64891,
    "yuma": 14170,
})
#: Share of recorded southwest-border deaths by sector, FY2016 (CBP deaths table).
US_DEATH_SHARE: dict[str, float] = _shares({
    "big_bend": 2, "del_rio": 14, "el_centro": 9, "el_paso": 6, "laredo": 68,
    "rio_grande_valley": 132, "san_diego": 7, "tucson": 84, "yuma": 7,
})


@dataclass(frozen=True)
class Town:
    """A Mexican border town where people wait or are stranded."""

    name: str
    label: str
    lonlat: LonLat
    #: Share of the stranded population here when nothing finer is known (assumed, after the
    #: 2019–2020 Remain-in-Mexico camps: Tijuana, Juárez and Matamoros held the most).
    share: float


TOWNS: tuple[Town, ...] = (
    Town("tijuana", "Tijuana", TIJUANA, 0.26),
    Town("mexicali", "Mexicali", MEXICALI, 0.06),
    Town("ciudad_juarez", "Ciudad Juárez", CIUDAD_JUAREZ, 0.24),
    Town("nuevo_laredo", "Nuevo Laredo", NUEVO_LAREDO, 0.10),
    Town("reynosa", "Reynosa", REYNOSA, 0.14),
    Town("matamoros", "Matamoros", MATAMOROS, 0.20),
)
TOWN_BY_NAME: dict[str, Town] = {t.name: t for t in TOWNS}


@dataclass(frozen=True)
class DeathRegion:
    """Where deaths in transit are marked: a centre and a spread (degrees)."""

    name: str
    label: str
    centre: LonLat
    spread: LonLat
    #: Corridors whose curves carry the marks instead of a scatter around the centre.
    along: tuple[str, ...] = ()
    #: Which part of those corridors (0 = start, 1 = end).
    span: tuple[float, float] = (0.0, 1.0)


#: US regions follow the sectors (the remote stretches where people die); Mexico's transit
#: routes and the Darién gap carry the rest.
DEATH_REGIONS: tuple[DeathRegion, ...] = (
    DeathRegion("san_diego", "San Diego sector", (-116.6, 32.75), (0.3, 0.12)),
    DeathRegion("el_centro", "El Centro sector (Imperial desert)", (-115.5, 32.85), (0.35, 0.15)),
    DeathRegion("yuma", "Yuma sector (desert)", (-113.7, 32.55), (0.5, 0.15)),
    DeathRegion("tucson", "Tucson sector (Sonoran desert)", (-111.8, 31.95), (0.6, 0.3)),
    DeathRegion("el_paso", "El Paso sector", (-107.3, 31.95), (0.6, 0.2)),
    DeathRegion("big_bend", "Big Bend sector", (-103.5, 29.8), (0.6, 0.3)),
    DeathRegion("del_rio", "Del Rio sector (river)", (-100.5, 29.25), (0.4, 0.2)),
    DeathRegion("laredo", "Laredo sector", (-99.2, 28.1), (0.4, 0.35)),
    DeathRegion("rio_grande_valley", "Rio Grande Valley (river and ranch brush)",
                (-98.2, 26.8), (0.35, 0.45)),
    DeathRegion("mx_transit", "Transit through Mexico", (-95.5, 18.0), (1.6, 0.9),
                along=("transit_gulf", "transit_central", "transit_remote", "transit_pacific"),
                span=(0.05, 0.9)),
    DeathRegion("darien", "The Darién and Central America", (-78.5, 8.4), (0.7, 0.3),
                along=("origin_xr",), span=(0.0, 0.15)),
)
DEATH_REGION_BY_NAME: dict[str, DeathRegion] = {d.name: d for d in DEATH_REGIONS}
#: Share of deaths in transit that happen at the US border rather than on the way (assumed:
#: IOM's Missing Migrants Project records most deaths in the Americas at the US–Mexico border).
US_BORDER_DEATH_SHARE = 0.7
DARIEN_DEATH_SHARE = 0.05

#: The player countries' codes in the map's ISO-3 outlines.
ISO3: dict[str, str] = {"US": "USA", "MX": "MEX", "CA": "CAN", "GT": "GTM", "HN": "HND",
                        "SV": "SLV"}
