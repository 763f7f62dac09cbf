"""The orders in Django's admin (/admin/; create a login with ``manage.py createsuperuser``)."""

from django.contrib import admin

from .models import Order


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ["id", "title", "done", "updated_at"]
    search_fields = ["title"]
    list_filter = ["done"]
    readonly_fields = ["created_at", "updated_at"]
