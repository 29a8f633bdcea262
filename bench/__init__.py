"""Benchmarks: a generated network at scale and load runs against it (``make bench``)."""
