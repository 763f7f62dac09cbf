"""Data access of the SOAP service, one module per resource (Django ORM)."""
