"""Start the service: ``serve`` (uvicorn, honouring HOST, PORT and DATABASE_URL)."""

from __future__ import annotations

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from .config import Settings


class HalfCloseProtocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, answering a client that half-closes its side.

    A client may shut down writing once its request is sent (or give up half
    way through the body); uvicorn would drop the connection unanswered. Here
    the request body ends where the client stopped (a body shorter than its
    Content-Length then gets a 400 from the app) and the answer is still sent.
    """

    def eof_received(self) -> bool | None:
        cycle = self.cycle
        if cycle is None or cycle.response_complete:
            return None  # nothing left to answer: close the connection
        cycle.more_body = False
        cycle.message_event.set()
        return True  # keep the connection open for the answer


def main() -> None:
    settings = Settings.from_env()
    uvicorn.run(
        "todo.main:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        http=HalfCloseProtocol,
        proxy_headers=True,
    )


if __name__ == "__main__":
    main()
