"""CSV cells a spreadsheet cannot run as formulas (OWASP "CSV Injection").

A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel,
LibreOffice and Google Sheets as a formula (`=HYPERLINK(...)`, `@SUM(1+1)`), so an article
title or outlet written raw into a CSV can run code on the reader's machine. As OWASP
recommends, such a cell is prefixed with a single quote, which spreadsheets show as text.
Only text is touched: numbers (a negative score) stay numbers. The JSONL exports keep the
original text; docs/exports.md says so.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """The value itself, or, for text a spreadsheet would run, the text behind a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
