"""The file border: read tables in any office format, parse cells and numbers, validate observations and raw records."""
