"""The Boligkontoret service's tables."""

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

from boligflyt.platform.tables import NAMING_CONVENTION


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


metadata = Base.metadata
