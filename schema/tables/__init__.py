"""One pydantic model per release table, grouped by domain."""
