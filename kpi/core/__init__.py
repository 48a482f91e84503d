"""Declarations and rules: issues, periods, the wilayah register, the indicator catalogue, working days, official methods."""
