"""URL routes."""

from __future__ import annotations

from django.urls import path

from . import views

urlpatterns = [
    path("healthz", views.get_health),
    path("soap", views.soap),
]

handler404 = views.not_found
handler500 = views.server_error
