"""A SOAP API for orders, built with Django and MySQL."""

__version__ = "0.1.0"
