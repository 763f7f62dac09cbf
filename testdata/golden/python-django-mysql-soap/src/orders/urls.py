"""The URLs of the service, the admin."""

from __future__ import annotations

from django.contrib import admin
from django.urls import path

from . import views
from .soap_views import SoapView

urlpatterns = [
    path("healthz", views.HealthView.as_view(), name="health"),
    path("livez", views.LiveView.as_view(), name="live"),
    path("readyz", views.HealthView.as_view(), name="ready"),
    path("soap", SoapView.as_view(), name="soap"),
    path("admin/", admin.site.urls),
]

handler404 = "orders.views.not_found"
handler500 = "orders.views.server_error"
