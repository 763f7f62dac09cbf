"""Migrations of the orders app; after changing models.py: ``.venv/bin/python manage.py makemigrations``."""
