"""The cases of `benchmarks/faults.py`, one module per class of fault: signals, limits (disk,
locks, size), databases (files not ours or broken) and inputs (malformed files and values)."""
