

def make_client(repository: Repository) -> httpx.Client:
    return TestClient(create_app(repository))


@pytest.fixture
def db_client(tmp_path: Path) -> Iterator[httpx.Client]:
    """A client for the app on the database of DATABASE_URL (migrations applied)."""
    repository = open_repository(integration_database_url(tmp_path))
    with make_client(repository) as test_client:
        yield test_client
