"""MkDocs hooks: ``mkdocs.yml`` loads this file; the work is done in :mod:`inspections.mkdocs`."""

from inspections.mkdocs import on_config, on_files, on_page_context, on_serve  # noqa: F401
