"""Notice Ofsted reports the site does not have yet, and open one draft pull request each.

``python -m inspections new-reports`` (run by .github/workflows/new-reports.yml) reads each
area's Ofsted provider page, finds children's services inspection reports that no file in
data/inspections/ names, downloads each PDF, drafts it with the importer and opens one draft
pull request per report. Modules: :mod:`.fetch` (bounded downloads), :mod:`.ofsted` (provider
pages), :mod:`.known` (what the site has), :mod:`.github` (the REST API), :mod:`.run`.
"""
