"""PDF reports: customer dossiers, customer lists, pipeline forecasts, complaint summaries and
KPI reports, in Chinese or English, built with reportlab.

reportlab costs about a tenth of a second to import, so nothing here is imported when the app
starts: callers import a report module when a report is asked for.
"""
