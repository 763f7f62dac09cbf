"""The tables, as SQLAlchemy models; the schema itself comes from the migrations in migrations/versions/."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from .db import Base, UTCDateTime


class Task(Base):
    """A row of ``tasks``."""

    __tablename__ = "tasks"
    # AUTOINCREMENT: SQLite never hands a deleted row's id to a new one.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(
        sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True
    )
    title: Mapped[str] = mapped_column(sa.String(200))
    done: Mapped[bool] = mapped_column(sa.Boolean())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
