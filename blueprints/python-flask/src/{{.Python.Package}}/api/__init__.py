"""The HTTP side of the application: one Flask blueprint per part of the API, and the error handlers."""
