"""Plain-Python domain: enums, ids, clock, rules. No Qt and no peewee here."""
