"""Typed ids and globally unique ids for records that travel between databases."""

from __future__ import annotations

from typing import TYPE_CHECKING, NewType

if TYPE_CHECKING:
    import random

CustomerId = NewType("CustomerId", int)
UserId = NewType("UserId", int)
OpportunityId = NewType("OpportunityId", int)
ReminderId = NewType("ReminderId", int)
ComplaintId = NewType("ComplaintId", int)


def new_uid() -> str:
    """A random UUID as 32 hex digits: the id a record keeps in every database it reaches."""
    import uuid  # imported on first use: it is not needed to open the app

    return uuid.uuid4().hex


def batch_uid_prefix() -> str:
    """20 random hex digits for one statement that makes many records at once: each record's
    uid is this prefix and its 12-hex-digit row number. As unique as :func:`new_uid` across
    databases (80 random bits per statement, which makes at most 16**12 rows), but the new uids
    sit side by side in the uid index instead of one random page each (see issue 5's numbers)."""
    import uuid

    return uuid.uuid4().hex[:20]


def seeded_uid(rng: random.Random) -> str:
    """A UUID drawn from a seeded generator, so demo data is reproducible."""
    import uuid

    return uuid.UUID(int=rng.getrandbits(128), version=4).hex
