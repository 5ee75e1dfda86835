"""The store: the pipeline's only shared state (SQLite by default, any SQLAlchemy URL)."""

from eventline.store.db import Store, WriteOutcome

__all__ = ["Store", "WriteOutcome"]
