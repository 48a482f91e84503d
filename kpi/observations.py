"""Kept alias of kpi.inputs.observations: `from kpi.observations import load_observations` was documented in the
README before the package layout (issue 11), and users' scripts keep working."""

from kpi.inputs.observations import LoadResult, load_observations, load_sample

__all__ = ["LoadResult", "load_observations", "load_sample"]
