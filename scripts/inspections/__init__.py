"""Inspections explained: Ofsted inspections of council children's services, in plain words.

The pipeline: ``load`` (YAML with positions) -> ``validate`` (models and cross-references)
-> ``site`` (everything checked, ready to use) -> ``pages`` (Markdown per audience)
-> ``generate`` (words checked once; the whole content tree written to build/content)
-> MkDocs, with no hooks -> ``finish`` (HTML fixes) and ``search``. See CONTRIBUTING.md,
"How the site is built".
"""

__version__ = "0.1.0"
