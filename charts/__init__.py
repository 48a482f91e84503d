"""Figures without streamlit, shared by the pages and the scheduled briefing packs: maps, trends, comparisons,
the kecamatan palette and map classes."""
