"""Build or update the data from Ofsted's statistics and reports: ``python -m inspections refresh``."""
