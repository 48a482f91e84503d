"""Kept alias: `python -m kpi.records templates [--out DIR]` (documented in data/templates/README.md) runs
kpi.inputs.records, where the raw-record formats and templates live since the package layout (issue 11)."""

from kpi.inputs.records import main

if __name__ == "__main__":
    main()
