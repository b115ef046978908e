"""Checks that a plain summary stays faithful to Ofsted's report, and a way to review it.

One module per job:

- :mod:`.sources`: the text of each document an inspection file cites (Ofsted's report as a
  PDF from ``../shared/ofsted/reports/`` found by its address, or a seed), each read once a run
  through the importer's reader (:func:`inspections.importer.reading.read_report`);
- :mod:`.plain`: every plain text of an inspection file (summary, findings, next steps, how
  inspected, topic) with where it is in the file;
- :mod:`.words`: words for comparing, with case, punctuation, hyphens, ligatures, curly quotes
  and line breaks normalised, and which words are inside quotation marks;
- :mod:`.copying`: runs of 8 or more words copied from a source without quotation marks;
- :mod:`.citations`: every paragraph a finding cites exists in the report it cites;
- :mod:`.review`: each plain point printed beside the paragraphs it cites.
"""
