"""Column types that keep votes exact in any database."""

from __future__ import annotations

from datetime import UTC, datetime
from fractions import Fraction
from typing import Any

from sqlalchemy import DateTime, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class FractionType(TypeDecorator[Fraction]):
    """A Fraction stored as text ("1", "1/3"): exact on SQLite and PostgreSQL alike, no float anywhere."""

    impl = String(64)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return str(Fraction(value))

    def process_result_value(self, value: Any, dialect: Dialect) -> Fraction | None:
        if value is None:
            return None
        return Fraction(value)


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps are UTC; stored naive so SQLite and PostgreSQL compare them the same way."""

    impl = DateTime()
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value  # type: ignore[no-any-return]

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]


def utcnow() -> datetime:
    return datetime.now(UTC)
