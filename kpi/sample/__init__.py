"""The synthetic sample ("Data contoh (sintetis)"): the deterministic generator (generate), its building blocks
(parts) and the raw records it simulates (raw, raw_aduan, days). `python -m kpi.sample` rewrites data/sample/."""
