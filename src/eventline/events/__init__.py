"""Event stage: PLOVER coding, dates and quotes from one article at a time."""
