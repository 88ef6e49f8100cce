"""Benchmark harness for biasgrad: data generation, peers, timing and the report."""
