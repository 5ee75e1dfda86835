"""eventline: news articles in, an evidence-linked record of who did what to whom out."""

__version__ = "0.1.0"
