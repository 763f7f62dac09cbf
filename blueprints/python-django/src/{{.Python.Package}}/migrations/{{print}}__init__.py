"""Django migrations of this app: `.venv/bin/python -m django makemigrations` writes new ones."""
