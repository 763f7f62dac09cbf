from fastapi.testclient import TestClient

from {{.Python.Package}}.app import (
    create_app,
)
from {{.Python.Package}}.repository import (
    InMemoryRepository,
    Repository,
)
from {{.Python.Package}}.storage import (
    open_repository,
)
