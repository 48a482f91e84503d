"""`python -m kpi.sample [--out DIR]`: rewrite the synthetic sample (kpi.sample.generate.main)."""

from kpi.sample.generate import main

raise SystemExit(main())
