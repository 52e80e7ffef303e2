"""Synchronising replicas: laptops (SQLite), sync files, and later a team server.

How it fits together:

- Every change a service makes gives the changed fields a hybrid-logical-clock value in the
  same transaction (:mod:`crmdesk.services.sync_clock`; for customers, deals and complaints
  through the audit trail's own set-based path). Tables live in migration 15:
  ``sync_record`` (a record's base clock, and ``seen``: when this replica last wrote it) and
  ``field_clock`` (later clocks of single fields). A change no service marks is found by the
  capture step from the row's stamp and counts as a change of the whole record.
- :mod:`.engine` pulls one replica's records written since the other last saw them, per
  table (parents first), in batches keyed by ``(seen, uid)``; each batch is merged field by
  field (:mod:`crmdesk.domain.sync_merge`) in one transaction with the progress it reaches.
- :mod:`.replicas`: the endpoints (a peewee database: this file, a second file, the team
  server; a sync file being read). :mod:`.files`: export / import of sync files.
- :mod:`.conflicts`: values that lost a merge, for the user to swap or dismiss.

A customer's order figures and last contact are counted again from the merged orders and
contacts wherever a sync brings new ones (:meth:`Store.recount_customers`), so two orders
added on two laptops are both counted; their field-by-field clocks decide nothing and no
conflict is listed for them (a customer without orders keeps the figures it was given).

A database file copied to a second laptop, or a book a backup was restored into, takes a
new replica id the first time it is used (:meth:`Store.replica_id`: the file's inode, or a
mark the restore leaves), so its first sync sends its whole book once. It remembers its
earlier id and last clock under it (``sync_forked_from`` / ``sync_forked_at``): fields
written before the copy count as sent as far as the peer had taken them under that id, and
a peer's fields from that id up to then as ones the copy holds, so the original's own older
values are not listed as conflicts while an edit the original never sent still is. A copy
made before that check existed keeps the id (give it a new one by deleting
``sync_replica_id`` from ``crmdesk_meta`` before it syncs). On a share whose file numbers
change from one mount to the next the id would change each time (logged as a warning):
keep the book on a local disk.
"""


def back_up_first() -> None:
    """The verified copy of this database taken before a sync writes into it (as before an
    import or a merge); nothing for a server database or with that setting off."""
    from crmdesk.services import backups
    from crmdesk.services.context import Context

    backups.backup_before(Context(), "before-sync")
