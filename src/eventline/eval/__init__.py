"""Evaluation harness: score eventline against gold data, section by section."""
