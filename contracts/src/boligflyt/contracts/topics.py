"""One topic per producing service, `boligflyt.<producer>`; a dead-letter topic `<topic>.dlq` beside each."""

from typing import Final

PRODUCERS: Final = ("applications", "temporary-housing", "maintenance", "ordering", "integrations")


def topic_for(producer: str) -> str:
    return f"boligflyt.{producer}"


def dead_letter_topic(topic: str) -> str:
    return f"{topic}.dlq"
