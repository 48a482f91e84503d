"""Kept alias: `python -m kpi.bench engine --rows N` (documented in the README) runs kpi.engine.bench."""

from kpi.engine.bench import main

if __name__ == "__main__":
    main()
