"""Alembic environment: run migrations on the connection coopvote hands over (or a URL for autogenerate)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from coopvote.record.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        url = config.get_main_option("sqlalchemy.url") or "sqlite:///:memory:"
        engine = create_engine(url)
        with engine.begin() as own_connection:
            context.configure(connection=own_connection, target_metadata=target_metadata, render_as_batch=True)
            context.run_migrations()
        return
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    context.run_migrations()


run()
