from django.apps import AppConfig


class OrdersConfig(AppConfig):
    name = "orders.orders"
    verbose_name = "Orders"
