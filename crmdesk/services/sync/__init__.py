"""Synchronising replicas: laptops (SQLite), sync files, and later a team server.

:mod:`.engine` is the protocol over two replica endpoints; :mod:`.replicas` the endpoints
(a peewee database, a sync file); :mod:`.conflicts` the list of values that lost a merge.
"""
