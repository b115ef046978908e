"""MkDocs hooks for publishing: edit links, robots.txt, a repeatable build.

Listed under ``hooks:`` in mkdocs.yml; the work is done in :mod:`inspections.publish`.
"""

from inspections.publish import on_page_markdown, on_post_build, on_pre_build  # noqa: F401
