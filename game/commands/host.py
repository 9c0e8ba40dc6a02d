"""``borderlines host``: a class on students' devices, served from this computer (issue 19)."""

from __future__ import annotations

import argparse
import sys
import time

HELP = "host a class on students' devices (phones, tablets, laptops) over the local network"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``host``."""
    parser.add_argument("level", nargs="?", metavar="LEVEL",
                        help="a classroom level file or shipped id (june-2019-crisis, ...)")
    parser.add_argument("--port", type=int, default=None,
                        help="the port to listen on (default 8719; 0 picks a free one)")
    parser.add_argument("--bind", metavar="ADDRESS",
                        help="listen on this address instead of the LAN one (must be private, "
                        "link-local or loopback)")
    parser.add_argument("--teams", metavar="CODES", default="",
                        help="the countries the teams lead, e.g. US,MX,CA (default: every "
                        "playable country up to the level's limit)")
    parser.add_argument("--timer", type=float, metavar="MINUTES",
                        help="minutes for every turn; then the drafts so far are played")
    parser.add_argument("--continue", dest="resume", action="store_true",
                        help="resume the newest hosted class (after a crash): devices reconnect")
    parser.add_argument("--linger", type=float, default=300.0, metavar="SECONDS",
                        help="after the last turn, keep serving this long so that students "
                        "can read the final report (default 300)")
    parser.add_argument("--headless", action="store_true",
                        help="no window: print the address, code and PIN and serve until the "
                        "session ends or Ctrl+C (the only mode for now from the command line)")


def run(args: argparse.Namespace) -> int:
    """Serve the class until it ends or the teacher presses Ctrl+C."""
    from game.net.lesson import LessonError, open_lesson
    from game.net.server import DEFAULT_PORT, is_local, serve

    if args.bind and not is_local(args.bind):
        print(f"borderlines host: {args.bind} is not a local-network address; the host "
              "listens only on private, link-local or loopback addresses", file=sys.stderr)
        return 2
    try:
        host = open_lesson(args.level, teams=args.teams, timer=args.timer, resume=args.resume)
    except LessonError as error:
        print(f"borderlines host: {error}", file=sys.stderr)
        return 1
    port = DEFAULT_PORT if args.port is None else args.port
    try:
        running = serve(host, args.bind, port)
    except OSError as error:
        print(f"borderlines host: {error} (try --port 0)", file=sys.stderr)
        return 1
    print(f"Students open   {running.url}")
    print(f"Join code       {host.code}")
    print(f"Teacher PIN     {host.pin}")
    print("Teams           " + ", ".join(f"{tm.name} ({tm.country})" for tm in host.room.teams))
    print("Serving until the session ends; Ctrl+C stops (the class is saved after each turn).",
          flush=True)
    try:
        while running.thread.is_alive():
            time.sleep(0.5)
            if running.hub.call(lambda h: h.room.finished):
                print(f"The session is over; the final report stays up {args.linger:.0f} s.",
                      flush=True)
                time.sleep(max(0.0, args.linger))
                break
    except KeyboardInterrupt:
        print("Stopped; resume with `borderlines host --continue`.")
    finally:
        running.stop()
    return 0
