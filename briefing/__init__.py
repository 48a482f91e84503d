"""Slides and packs: the briefing deck as data (deck, slides), drawn to PNG, PPTX and PDF (render), any dashboard
chart as a slide-sized PNG (chart_png), and the command `python -m briefing` (alias: `python -m kpi.briefing`)."""
