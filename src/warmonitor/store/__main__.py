"""``python -m warmonitor.store``: write, show and apply store migrations.

python -m warmonitor.store revision "add claims.said_on" [--autogenerate] [--url URL]
python -m warmonitor.store upgrade|current [--url URL]
python -m warmonitor.store heads
"""

from __future__ import annotations

import argparse
import sys

from warmonitor.errors import WarmonitorError
from warmonitor.store.engine import make_engine
from warmonitor.store.migrator import current_revision, head_revision, new_revision, upgrade


def main(argv: list[str] | None = None) -> None:
    """``python -m warmonitor.store``: see the module docstring."""
    parser = argparse.ArgumentParser(prog="python -m warmonitor.store")
    sub = parser.add_subparsers(dest="command", required=True)
    rev = sub.add_parser("revision", help="write the next migration file")
    rev.add_argument("message")
    rev.add_argument("--autogenerate", action="store_true")
    rev.add_argument("--url", help="database at head to diff against (default: scratch SQLite)")
    for name in ("upgrade", "current"):
        sub.add_parser(name, help=f"{name} the store's schema").add_argument("--url")
    sub.add_parser("heads", help="print the newest revision this code knows")
    args = parser.parse_args(argv)
    try:
        _run(args)
    except WarmonitorError as exc:
        sys.exit(f"error: {exc}")


def _run(args: argparse.Namespace) -> None:
    if args.command == "revision":
        print(new_revision(args.message, autogenerate=args.autogenerate, url=args.url))
    elif args.command == "heads":
        print(head_revision())
    else:
        engine = make_engine(args.url)
        try:
            print(upgrade(engine) if args.command == "upgrade" else current_revision(engine))
        finally:
            engine.dispose()


if __name__ == "__main__":
    main()
