"""The event bus port and its two adapters: Kafka (aiokafka) and the embedded durable log (SQLite).

Services rely on exactly these semantics from both: records of one key stay in order; a new consumer group
reads from the start; a group's position moves only when it commits, after it has handled the records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from boligflyt.platform.bus.port import BusUnavailable, EventBus, Record, Subscription

if TYPE_CHECKING:
    from boligflyt.platform.settings import Settings

__all__ = ["BusUnavailable", "EventBus", "Record", "Subscription", "create_bus"]


def create_bus(settings: Settings) -> EventBus:
    """The bus the settings ask for; services never know which one they got."""
    if settings.bus == "kafka":
        from boligflyt.platform.bus.kafka import KafkaBus

        return KafkaBus(
            settings.kafka_bootstrap, partitions=settings.kafka_partitions, topic_prefix=settings.kafka_topic_prefix
        )
    from boligflyt.platform.bus.embedded import EmbeddedLog

    return EmbeddedLog(settings.event_log_path)
