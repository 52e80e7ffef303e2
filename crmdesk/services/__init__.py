"""Use cases shared by the GUI and the command line. No Qt here.

Every mutation runs in one transaction and returns a :class:`~crmdesk.domain.changes.Changes`.
"""
