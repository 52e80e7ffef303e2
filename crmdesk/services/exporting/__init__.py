"""Exports to .xlsx and .csv: real spreadsheets, streamed, written atomically.

:mod:`.table` writes any table of rows (header, frozen panes, filter, widths, number formats,
the formula guard, the atomic write); :mod:`.summary` adds the totals sheet; one module per
kind of record says which columns it has and where its rows come from.
"""

from crmdesk.services.exporting.columns import (
    CONTEXT,
    DATE_FORMAT,
    DATETIME_FORMAT,
    money_format,
    Column,
    Vocabulary,
)
from crmdesk.services.exporting.complaints import COMPLAINT_COLUMNS, export_complaints
from crmdesk.services.exporting.customers import (
    CUSTOMER_COLUMNS,
    customer_values,
    export_customers,
    segment_filter,
)
from crmdesk.services.exporting.deals import DEAL_COLUMNS, DEAL_STATUSES, export_opportunities
from crmdesk.services.exporting.reminders import REMINDER_COLUMNS, export_reminders
from crmdesk.services.exporting.table import FORMATS, format_of, write_atomically, write_table

__all__ = [
    "COMPLAINT_COLUMNS", "CONTEXT", "CUSTOMER_COLUMNS", "DATETIME_FORMAT", "DATE_FORMAT", "DEAL_COLUMNS",
    "DEAL_STATUSES", "FORMATS", "REMINDER_COLUMNS", "Column", "Vocabulary", "customer_values", "money_format",
    "export_complaints", "export_customers", "export_opportunities", "export_reminders", "format_of",
    "segment_filter", "write_atomically", "write_table",
]
