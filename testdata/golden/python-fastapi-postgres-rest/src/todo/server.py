"""Start the service: ``serve`` (uvicorn, honouring HOST, PORT and DATABASE_URL)."""

from __future__ import annotations

import uvicorn

from .app import create_app
from .config import Settings


def main() -> None:
    settings = Settings.from_env()
    app = create_app()  # connects and applies migrations before serving
    uvicorn.run(app, host=settings.host, port=settings.port, proxy_headers=True)


if __name__ == "__main__":
    main()
