"""Raw records → observations: the DuckDB engine (sql), the pandas reference (reference), what both share (common).

`compute` and `compute_in` are the engine's public entry points (kpi.engine.sql)."""

from kpi.engine.sql import compute, compute_in

__all__ = ["compute", "compute_in"]
