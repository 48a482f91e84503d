"""Words and tables for people: number format, labels, generated sentences, export tables and import reports."""
