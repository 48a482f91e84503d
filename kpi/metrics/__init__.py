"""Frames in, frames out: roll-ups, targets and status, changes, ranks, the analysis table, series and comparison data."""
