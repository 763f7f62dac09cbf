"""Data access, one module per resource."""
