"""Kept alias: `python -m kpi.briefing …` (documented in the README, used by scheduled jobs) runs the briefing pack
command, which lives in the top-level briefing package since the package layout (issue 11)."""

import sys

from briefing.deck import main

if __name__ == "__main__":
    sys.exit(main())
