"""Django views: each hands the request to the shared API code in http.py and soap.py."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from .http import Reply, health, problem
from .repository import Repository
from .soap import SoapApi, wsdl

_repository: Repository | None = None


def configure(repository: Repository) -> None:
    """Choose the storage the views use (app.create_app calls this)."""
    global _repository
    _repository = repository


def repository() -> Repository:
    if _repository is None:
        raise RuntimeError("views.configure() was not called: build the app with create_app()")
    return _repository


def to_response(reply: Reply) -> HttpResponse:
    response = HttpResponse(reply.body, status=reply.status, content_type=reply.content_type)
    for name, value in reply.headers.items():
        response[name] = value
    return response


def get_health(request: HttpRequest) -> HttpResponse:
    return to_response(health(repository()))


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return to_response(problem(404, "Not Found", f"no resource at {request.path}"))


def server_error(request: HttpRequest) -> HttpResponse:
    return to_response(problem(500, "Internal Server Error", "the server failed"))


@csrf_exempt
def soap(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return to_response(SoapApi(repository()).handle(request.body))
    if request.method == "GET" and "wsdl" in request.GET:
        return to_response(wsdl(request.build_absolute_uri(request.path)))
    return to_response(problem(404, "Not Found", "the WSDL is at /soap?wsdl"))
