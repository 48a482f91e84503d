"""The import store: raw records and observation files kept in batches in one DuckDB file (batches, sql), the KPIs
it yields (kpis), what the dashboard shows (source) and the command line (cli)."""
