"""PostgreSQL storage with SQLAlchemy 2; the schema comes from the Alembic migrations."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Boolean, DateTime, Engine, Integer, String, create_engine, func, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from .config import sqlalchemy_url
from .domain import (
    TITLE_MAX_LENGTH,
    Task,
    TaskInput,
    now,
)
from .repository import is_int_id, not_found

MIGRATIONS = Path(__file__).parent / "migrations"


class Base(DeclarativeBase):
    pass


class TaskRow(Base):
    """The ``tasks`` table (created by migrations/versions/0001_create_tasks.py)."""

    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(String(TITLE_MAX_LENGTH), nullable=False)
    done: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)

    def to_domain(self) -> Task:
        return Task(id=self.id, title=self.title, done=self.done, created_at=self.created_at)


def make_engine(database_url: str) -> Engine:
    return create_engine(sqlalchemy_url(database_url), pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Bring the schema up to date (``alembic upgrade head``)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class SqlRepository:
    """A Repository on a SQL database."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def _find(self, session: Session, id: str) -> TaskRow:
        row = session.get(TaskRow, int(id)) if is_int_id(id) else None
        if row is None:
            raise not_found(id)
        return row

    def create(self, data: TaskInput) -> Task:
        with self._sessions.begin() as session:
            row = TaskRow(title=data.title, done=data.done, created_at=now().replace(tzinfo=None))
            session.add(row)
            session.flush()
            return row.to_domain()

    def get(self, id: str) -> Task:
        with self._sessions() as session:
            return self._find(session, id).to_domain()

    def list(self, limit: int, offset: int) -> tuple[list[Task], int]:
        with self._sessions() as session:
            total = session.scalar(select(func.count()).select_from(TaskRow)) or 0
            rows = session.scalars(
                select(TaskRow).order_by(TaskRow.id).limit(limit).offset(offset)
            )
            return [row.to_domain() for row in rows], total

    def replace(self, id: str, data: TaskInput) -> Task:
        with self._sessions.begin() as session:
            row = self._find(session, id)
            row.title = data.title
            row.done = data.done
            return row.to_domain()

    def delete(self, id: str) -> None:
        with self._sessions.begin() as session:
            session.delete(self._find(session, id))

    def ping(self) -> bool:
        try:
            with self._engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception:  # noqa: BLE001 - any failure means "not healthy"
            return False
        return True
