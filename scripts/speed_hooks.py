"""MkDocs hooks for page weight and quick previews; the work is done in :mod:`inspections.speed`."""

from inspections.speed import on_env, on_files, on_post_page, on_startup  # noqa: F401
