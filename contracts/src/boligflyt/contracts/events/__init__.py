"""The catalogue's events, one module per producing service; importing this package registers them all."""

from boligflyt.contracts.events import applications, maintenance, ordering, temporary_housing

__all__ = ["applications", "maintenance", "ordering", "temporary_housing"]
