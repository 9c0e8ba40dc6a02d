"""``borderlines backtest``: the historical scenario, model vs data per fiscal year."""

from __future__ import annotations

import argparse
import json
import sys

HELP = "run the historical scenario (2011-2019) and compare the model with the record"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``backtest``."""
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"years": {"FY2012": {"model": {...}, "data": {...} | null}, ...}}',
    )


def run(args: argparse.Namespace) -> int:
    """Run the backtest and print the table (or the JSON document)."""
    from game.sim.backtest import format_table, report, run_backtest, years_json
    from game.sim.data import DataError

    try:
        result = run_backtest()
    except (DataError, ValueError) as exc:
        print(f"borderlines backtest: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(years_json(report(result)), indent=2))
    else:
        print(format_table(result))
    return 0
