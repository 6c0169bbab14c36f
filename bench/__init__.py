"""Benchmarks: each measures Boligflyt and an anchor in the same run and prints the ratio (./dev bench)."""
