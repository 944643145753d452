"""Benchmarks of the edition's search against Material's built-in search (see README.md)."""
