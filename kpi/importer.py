"""Kept alias: `python -m kpi.importer …` (documented in the README) runs the import store's command line,
kpi.store.cli."""

import sys

from kpi.store.cli import main

if __name__ == "__main__":
    sys.exit(main())
