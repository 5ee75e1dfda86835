"""Write examples/pages/<id>.html from the recipes in examples/pages.yaml.

Each page is encoded in its recipe's legacy encoding and declares it (or not, or wrongly) as
real pages do, so the `pages` evaluation section tests decoding as well as extraction. The
chrome around the article (menu, related links, footer) is in the page's language (`chrome`
in the same file). Run from the repository root: `python scripts/make_page_examples.py`.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "examples" / "pages.yaml"
OUT = ROOT / "examples" / "pages"


DECLARATIONS = {
    "meta": '<meta charset="{enc}">',
    "http-equiv": '<meta http-equiv="Content-Type" content="text/html; charset={enc}">',
    "none": "",
    "wrong-latin1": '<meta charset="iso-8859-1">',
    "xml": "",  # the XML declaration before the doctype (XHTML pages)
}
LABELS = {
    "shift_jis": "Shift_JIS", "euc_jp": "EUC-JP", "euc_kr": "EUC-KR", "cp1251": "windows-1251",
    "cp1256": "windows-1256", "cp1255": "windows-1255", "iso8859_7": "ISO-8859-7",
    "iso8859_9": "ISO-8859-9", "iso8859_2": "ISO-8859-2", "koi8_r": "KOI8-R",
    "gb2312": "gb2312", "gbk": "GBK", "big5": "big5", "utf-8": "utf-8",
}  # fmt: skip


def page(entry: dict[str, Any], chrome: dict[str, Any]) -> str:
    """The page's HTML as text (encoded by the caller), with `chrome` in its language."""
    menu, related, headlines, footer = (
        chrome[k] for k in ("menu", "related", "headlines", "footer")
    )
    paragraphs = [p for p in entry["text"].splitlines() if p.strip()]
    tail = entry.get("tail_html", "")
    if tail:  # the gold text ends with the list items or table cells the tail holds
        paragraphs = paragraphs[: len(paragraphs) - entry["tail_lines"]]
    esc = html.escape
    declare = DECLARATIONS[entry["declare"]].format(enc=LABELS.get(entry["encoding"], ""))
    snippets = entry["date_html"] if isinstance(entry["date_html"], list) else [entry["date_html"]]
    in_head = [d for d in snippets if d.startswith(("<meta", "<script"))]
    head_date = "\n".join(in_head)
    body_date = "\n".join(d for d in snippets if d not in in_head)
    if entry.get("layout") == "br":
        body = "<br><br>\n".join(esc(p) for p in paragraphs)
        article = f'<div class="content">\n{body_date}<br><br>\n{body}\n</div>'
    elif entry.get("layout") == "div":
        body = "\n".join(f'<div class="txt">{esc(p)}</div>' for p in paragraphs)
        article = f'<div class="main">\n<h1>{esc(entry["title"])}</h1>\n{body_date}\n{body}\n</div>'
    else:
        body = "\n".join(f"<p>{esc(p)}</p>" for p in paragraphs)
        article = (
            f"<article>\n<h1>{esc(entry['title'])}</h1>\n{body_date}\n{body}\n{tail}\n</article>"
        )
    if entry.get("layout") == "br":
        article = f"<h1>{esc(entry['title'])}</h1>\n{article}"
    nav = " | ".join(f'<a href="/s/{i}">{esc(m)}</a>' for i, m in enumerate(menu))
    headlines = headlines + entry.get("related", [])
    dated = (
        f' <span class="date">{esc(entry["related_date"])}</span>'
        if "related_date" in entry
        else ""
    )
    links = "".join(
        f'<li><a href="/n/{i}">{esc(h)}</a>{dated}</li>' for i, h in enumerate(headlines)
    )
    xml = (
        f'<?xml version="1.0" encoding="{LABELS[entry["encoding"]]}"?>\n'
        if entry["declare"] == "xml"
        else ""
    )
    return (
        f'{xml}<!DOCTYPE html>\n<html lang="{entry["lang"]}">\n<head>\n{declare}\n'
        f"<title>{esc(entry['title'])} - {esc(entry['outlet'])}</title>\n"
        f'<meta property="og:site_name" content="{esc(entry["outlet"])}">\n{head_date}\n'
        f'</head>\n<body>\n<div class="nav">{nav}</div>\n{article}\n'
        f'<aside class="related"><h3>{esc(related)}</h3><ul>{links}</ul></aside>\n'
        f'<div class="footer">© {esc(entry["outlet"])} {esc(footer)}</div>\n</body>\n</html>\n'
    )


def damaged(data: bytes, how: str | None) -> bytes:
    """The bytes as real pages break them: `cut` ends the first related headline in the middle
    of a two-byte character (a CMS cutting titles by bytes); `stray` puts one windows-1252
    dash into the footer of a UTF-8 page (a template saved in another encoding)."""
    if how == "cut":
        start = data.index(b'<a href="/n/0">') + len(b'<a href="/n/0">')
        end = data.index(b"</a>", start)
        return data[:start] + data[start : end - 1] + data[end:]
    if how == "stray":
        return data.replace(b'<div class="footer">', b'<div class="footer">\x96 ', 1)
    return data


def main() -> None:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    OUT.mkdir(exist_ok=True)
    for entry in gold["pages"]:
        data = page(entry, gold["chrome"][entry["lang"]]).encode(
            entry["encoding"], "xmlcharrefreplace"
        )
        (OUT / f"{entry['id']}.html").write_bytes(damaged(data, entry.get("damage")))


if __name__ == "__main__":
    main()
