
from {{.Python.Package}}.app import (
    create_app,
    prepare_database,
)
from {{.Python.Package}}.repository import (
    InMemoryRepository,
    Repository,
)
