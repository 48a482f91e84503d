"""`python -m kpi.geo install FILE | status`: the boundaries command (kpi.geo.boundaries.main)."""

import sys

from kpi.geo.boundaries import main

sys.exit(main())
