"""``/soap``: the family's SOAP service (soap.py) as a Django view; ``GET /soap?wsdl`` is its WSDL.

The service checks values with the Pydantic models of schemas/ and stores
through crud/, which for Django is the ORM: it needs no session, so the view
passes none.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from .soap import XML, SoapService, fault, wsdl

service = SoapService()


def soap_fault(status: int, message: str) -> HttpResponse:
    """A soap:Client fault with an HTTP status of its own (400, 404, 405, 413)."""
    return HttpResponse(fault("Client", message), status=status, content_type=XML)


@method_decorator(csrf_exempt, name="dispatch")  # a SOAP client sends no CSRF token
class SoapView(View):
    http_method_names = ["get", "post"]

    def get(self, request: HttpRequest) -> HttpResponse:
        if "wsdl" not in request.GET:
            return soap_fault(404, "the WSDL is at /soap?wsdl")
        return HttpResponse(wsdl(request.build_absolute_uri(request.path)), content_type=XML)

    def post(self, request: HttpRequest) -> HttpResponse:
        status, answer = service.handle(request.body, None)
        return HttpResponse(answer, status=status, content_type=XML)

    def http_method_not_allowed(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> HttpResponse:
        response = soap_fault(405, f"/soap does not take {request.method}")
        response["Allow"] = "GET, POST"
        return response
