"""Command modules for ``python -m inspections``; see :mod:`inspections.cli`."""
