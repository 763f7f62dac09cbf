{{- /* The WSGI test client most frameworks share (Flask, CherryPy); a blueprint with its own client (Django, FastAPI) replaces this partial. */}}

def make_client(repository: Repository) -> httpx.Client:
    """An httpx client that calls the WSGI app directly, without a server."""
    transport = httpx.WSGITransport(app=create_app(repository))
    return httpx.Client(transport=transport, base_url="http://testserver")


@pytest.fixture
def db_client(tmp_path: Path) -> Iterator[httpx.Client]:
    """A client for the app on the database of DATABASE_URL (migrations applied)."""
    repository = open_repository(integration_database_url(tmp_path))
    with make_client(repository) as test_client:
        yield test_client
