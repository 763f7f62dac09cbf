"""A REST API for tasks, built with FastAPI and PostgreSQL."""

__version__ = "0.1.0"
