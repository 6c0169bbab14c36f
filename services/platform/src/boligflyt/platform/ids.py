"""Ids of the resources a service creates: the kind's prefix and 16 random hex digits (`apl-3f0c…`).

64 random bits: a city's lifetime of applications, stays and orders never collides, and nothing about the person
or the order of creation can be read from an id.
"""

from __future__ import annotations

import uuid


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:16]}"
