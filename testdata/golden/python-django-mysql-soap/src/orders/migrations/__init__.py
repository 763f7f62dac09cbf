"""Django migrations of this app; after changing models.py: `.venv/bin/python manage.py makemigrations`."""
