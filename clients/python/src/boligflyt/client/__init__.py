"""A typed client of every Boligflyt API."""
