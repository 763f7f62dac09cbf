

def make_client(repository: Repository | None = None) -> httpx.Client:
    """An httpx client that calls the WSGI app directly, without a server."""
    transport = httpx.WSGITransport(app=create_app(repository))
    return httpx.Client(transport=transport, base_url="http://testserver")


@pytest.fixture
def db_client(tmp_path: Path) -> Iterator[httpx.Client]:
    """A client for the app on the database of DATABASE_URL (migrations applied).

    Django reads DATABASE_URL once, when its settings load: the default SQLite
    test database is chosen at the top of this file, before that happens.
    """
    integration_database_url(tmp_path)  # skips (or fails on CI) when there is no database
    prepare_database()
    with make_client() as test_client:
        yield test_client
