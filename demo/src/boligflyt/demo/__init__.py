"""Demo data and a simulator: a plausible Larvik, seeded and kept alive through the public APIs only."""
