"""Boligflyt platform: what every service shares."""
