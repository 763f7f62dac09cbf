"""What every resource's REST API shares: parsing, paging, filtering, errors, the base viewset."""
