"""The orders app: the ``Order`` model and its admin."""
