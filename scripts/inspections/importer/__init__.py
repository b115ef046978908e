"""Turn an Ofsted report (PDF or extracted text) into a draft inspection file.

The pipeline, one module per step:

- :mod:`.reading`: the file's text, page by page (pypdfium2 for a PDF), refusing what is not an
  Ofsted report;
- :mod:`.text`: the noise PDF extraction leaves (stray bullet letters, page footers, ``44,``
  for ``44.``, ``@`` for ``a``) cleaned into lines;
- :mod:`.structure`: headings, numbered paragraphs and the areas for improvement;
- :mod:`.facts`: area, framework, kind, dates and grades, matched to ``data/``;
- :mod:`.draft`: the YAML file, with "Still to write" placeholders ``validate`` refuses.

Example::

    >>> from inspections.importer.structure import parse
    >>> doc = parse("What needs to improve?\\n\\nB Better life-story work.\\n")
    >>> doc.improvements
    ['Better life-story work.']
"""


class ImportRefused(Exception):
    """The input cannot be imported; the message says why and what to do, for people."""
