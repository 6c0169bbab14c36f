"""Coordinator dashboard: read model of the whole flow, KPIs, live events."""
