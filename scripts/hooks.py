"""MkDocs hooks: ``mkdocs.yml`` loads this file; the work is done in :mod:`inspections.mkdocs`."""

from inspections.mkdocs import (  # noqa: F401
    on_config,
    on_env,
    on_files,
    on_page_context,
    on_post_build,
    on_post_page,
    on_post_template,
    on_serve,
    on_template_context,
)
