"""Corpus stages: near-duplicate groups (dedup) and stories (stories), both incremental."""
