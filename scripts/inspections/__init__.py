"""Inspections explained: Ofsted inspections of council children's services, in plain words.

The pipeline: ``load`` (YAML with positions) -> ``validate`` (models and cross-references)
-> ``site`` (everything checked, ready to use) -> ``pages`` (Markdown per audience)
-> MkDocs (through ``scripts/hooks.py``).
"""

__version__ = "0.1.0"
