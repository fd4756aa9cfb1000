"""Generators: every form of the schema derived from the pydantic models."""
