"""The in-memory read model: the same tables as the SQL read model, for KPIs "as of" a past day (replayed from the
event log) and for tests; the same changes applied to both give the same figures."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .tables import TABLES, Change, Row, merge


@dataclass
class ReadModel:
    """Every read-model table as rows by key."""

    tables: dict[str, dict[str, Row]] = field(default_factory=lambda: {name: {} for name in TABLES})
    _indexes: dict[tuple[str, str], dict[Any, list[Row]]] = field(default_factory=dict, repr=False, compare=False)

    def apply(self, changes: Iterable[Change]) -> None:
        for change in changes:
            rows = self.tables[change.table]
            row = merge(rows.get(change.key), change)
            if row is not None:
                rows[change.key] = row
                self._indexes.clear()

    def rows(self, table: str) -> list[Row]:
        return list(self.tables[table].values())

    def by(self, table: str, column: str, value: Any) -> list[Row]:
        """The rows of `table` whose `column` is `value` (an index built on first use, dropped on change)."""
        index = self._indexes.get((table, column))
        if index is None:
            index = defaultdict(list)
            for row in self.tables[table].values():
                index[row.get(column)].append(row)
            self._indexes[(table, column)] = index
        return index.get(value, [])
