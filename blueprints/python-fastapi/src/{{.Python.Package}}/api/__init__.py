"""The HTTP layer: routers, dependencies, error handlers."""
