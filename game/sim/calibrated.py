"""Fitted values of the model's free coefficients (written by tools/calibrate.py).

Fitted on FY2012-FY2016 only (CBP apprehensions by nationality and month, deaths
recorded) with the historical scenario of game/sim/history.py; see docs/calibration.md.
Do not edit by hand: re-run ``.venv/bin/python tools/calibrate.py``.

Fit: worst annual error 10.9%, worst NT-share gap 7.5 points, seasonal correlation 0.83, worst
deaths error 25.7%; targets met: total, nt_share, seasonal, deaths, families_children.
"""

from __future__ import annotations

FITTED: dict[str, float] = {
    # level of Mexican departures: no direct source; prior -1.82, searched in [-14, 0].
    "emigration_logit_mx": -2.52678,
    # level of Guatemalan departures: no direct source; prior -2.48, searched in [-14, 0].
    "emigration_logit_gt": -2.74794,
    # level of Honduran departures: no direct source; prior -2.55, searched in [-14, 0].
    "emigration_logit_hn": -2.12422,
    # level of Salvadoran departures: no direct source; prior -3.34, searched in [-14, 0].
    "emigration_logit_sv": -2.70928,
    # level of extra-regional departures: no direct source; prior -4.84, searched in [-14, 0].
    "emigration_logit_xr": -5.11895,
    # Clemens gives a range; the NT surge pins it; prior 0.8, searched in [0.3, 1.5].
    "violence_elasticity": 0.655762,
    # how much of Mexico's violence drives emigration, not internal moves; prior 0.4, searched in
    # [0, 1.5].
    "violence_weight_mx": 0.623547,
    # weight of Guatemala's violence (assumed 1 before the fit); prior 1, searched in [0, 1.5].
    "violence_weight_gt": 1.0308,
    # weight of Honduras' violence (assumed 1 before the fit); prior 1, searched in [0, 1.5].
    "violence_weight_hn": 0.967034,
    # weight of El Salvador's violence (assumed 1 before the fit); prior 1, searched in [0, 1.5].
    "violence_weight_sv": 0.625124,
    # Mexico's shrinking cohort of likely migrants (Hanson & McIntosh); prior -0.04, searched in
    # [-0.08, 0.02].
    "demographic_trend_mx": -0.08,
    # Guatemala's cohort trend; prior -0.01, searched in [-0.08, 0.02].
    "demographic_trend_gt": 0.02,
    # Honduras' cohort trend; prior -0.01, searched in [-0.08, 0.02].
    "demographic_trend_hn": -0.0410116,
    # El Salvador's cohort trend; prior -0.015, searched in [-0.08, 0.02].
    "demographic_trend_sv": 0.02,
    # lag of 1-2 quarters (Clemens); timing of the NT waves; prior 3, searched in [1, 18] (log
    # scale).
    "violence_perception_months": 15.4194,
    # 2-6 quarters (Clemens); timing of the NT waves; prior 9, searched in [6, 18].
    "network_echo_months": 6,
    # assumed; the 2012-16 labour recovery vs falling Mexican flows; prior 1, searched in [0.3, 2].
    "labour_pull_elasticity": 0.665959,
    # −0.5 to −0.8 in the literature; prior 0.6, searched in [0.4, 0.9].
    "wage_elasticity": 0.597835,
    # monthly shape; prior 0.2, searched in [0, 0.4].
    "season_amplitude": 0.202959,
    # monthly shape; prior 2.5, searched in [1, 5].
    "season_peak_month": 3.06999,
    # Programa Frontera Sur's effect on transit (the FY2015 dip); prior 0.12, searched in [0.06,
    # 0.4].
    "mx_bus_kappa": 0.181097,
    # Mexico's southern-border catch; prior 0.15, searched in [0.03, 0.5] (log scale).
    "mx_south_kappa": 0.163003,
    # Mexico's southern-border catch at full staffing; prior 0.5, searched in [0.2, 0.9].
    "mx_south_pi_max": 0.9,
    # how often people deported from Mexico set out again; prior 0.5, searched in [0.1, 1] (log
    # scale).
    "retry_far_factor": 0.39533,
    # level of Mexican family departures: FY2014-16 family members; prior -7.4, searched in [-10,
    # 0].
    "family_logit_mx": -6.19361,
    # level of Guatemalan family departures: FY2014-16 family members; prior -5.5, searched in [-10,
    # 0].
    "family_logit_gt": -3.81661,
    # level of Honduran family departures: FY2014-16 family members; prior -4.5, searched in [-10,
    # 0].
    "family_logit_hn": -4.09024,
    # level of Salvadoran family departures: FY2014-16 family members; prior -4, searched in [-10,
    # 0].
    "family_logit_sv": -2.70674,
    # level of other family departures: FY2014-16 family members; prior -4.4, searched in [-10, 0].
    "family_logit_xr": -3.41042,
    # level of Mexican children's departures: FY2012-16 UAC; prior -3.8, searched in [-10, 0].
    "child_logit_mx": -4.91547,
    # level of Guatemalan children's departures: FY2012-16 UAC; prior -4.2, searched in [-10, 0].
    "child_logit_gt": -3.20164,
    # level of Honduran children's departures: FY2012-16 UAC; prior -4.2, searched in [-10, 0].
    "child_logit_hn": -5.21107,
    # level of Salvadoran children's departures: FY2012-16 UAC; prior -2.9, searched in [-10, 0].
    "child_logit_sv": -2.63261,
    # level of other children's departures: FY2012-16 UAC; prior -4.2, searched in [-10, 0].
    "child_logit_xr": -4.19882,
    # what families expect after the border: the FY2014-16 family series; prior 0.6, searched in [0,
    # 1.5].
    "pull_family": 1.5,
    # what children expect after the border: the FY2012-16 UAC series; prior 0.3, searched in [0,
    # 1.5].
    "pull_child": 0.631201,
    # violence drives children and families more (Clemens); prior 0.3, searched in [0, 1].
    "family_violence_extra": 0.403218,
    # the coffee rust and price fall of 2012-13 in Guatemala; prior 0.5, searched in [0, 2].
    "coffee_elasticity_gt": 0.596379,
    # the coffee rust and price fall of 2012-13 in Honduras; prior 0.5, searched in [0, 2].
    "coffee_elasticity_hn": 0.896861,
    # the coffee rust and price fall of 2012-13 in El Salvador; prior 0.3, searched in [0, 2].
    "coffee_elasticity_sv": 1.30364,
    # the hump: NT incomes rising toward the peak; prior 1.5, searched in [1.2, 2.5].
    "capability_elasticity": 1.40099,
    # diaspora pull (Beine, Docquier & Özden): level across origins; prior 0.6, searched in [0.3,
    # 1].
    "network_elasticity": 0.500383,
    # US decisions per adjudicator: the backlog's growth 2012-16; prior 8, searched in [4, 20].
    "decisions_per_officer_us": 18.9635,
    # deaths per remote crossing: level of recorded deaths; prior 0.0024, searched in [0.0012,
    # 0.006].
    "us_remote_mortality": 0.00169196,
    # deaths per urban crossing; prior 0.0003, searched in [0.0001, 0.0006].
    "us_urban_mortality": 0.000399406,
    # the funnel effect: remote-route deaths rise with enforcement; prior 0.8, searched in [0.3,
    # 1.5].
    "funnel_elasticity": 0.730376,
    # share of deaths Border Patrol records; prior 0.6, searched in [0.3, 0.9].
    "death_recording_share": 0.579071,
    # re-crossing after removal: repeat apprehensions of Mexicans; prior 0.05, searched in [0.01,
    # 0.08].
    "retry_remove": 0.08,
}
