"""The embedded national dataset of omgevingsdiensten and deelnemers (issue 3)."""
