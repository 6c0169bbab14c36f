"""Boligkontoret: applications, allocation committee, waiting list, offers, tenancy contracts."""
