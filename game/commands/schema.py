"""``borderlines schema [--out DIR]``: JSON Schemas of the file formats, for editors."""

from __future__ import annotations

import argparse
import json
import sys

HELP = "write JSON Schemas of the level, campaign and strategy formats (for editors)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``schema``."""
    parser.add_argument("--out", metavar="DIR",
                        help="write one .schema.json file per format into DIR (default: print "
                        "all schemas as one JSON object)")
    parser.add_argument("--guide", metavar="FILE",
                        help="also write the level guide (docs/levels.md) to FILE")


def run(args: argparse.Namespace) -> int:
    """Print the schemas, or write them into ``--out``."""
    from game.content import json_schemas
    from game.content.schema import write_schemas

    if args.out:
        try:
            for path in write_schemas(args.out):
                print(f"wrote {path}")
        except OSError as error:
            print(f"borderlines schema: cannot write to {args.out}: {error.strerror or error}",
                  file=sys.stderr)
            return 1
    else:
        print(json.dumps(json_schemas(), indent=2, ensure_ascii=False))
    if args.guide:
        from game.content.guide import write_guide

        try:
            write_guide(args.guide)
        except OSError as error:
            print(f"borderlines schema: cannot write {args.guide}: {error.strerror or error}",
                  file=sys.stderr)
            return 1
        print(f"wrote {args.guide}")
    return 0
