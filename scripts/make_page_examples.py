"""Write examples/pages/<id>.html from the recipes in examples/pages.yaml.

Each page is encoded in its recipe's legacy encoding and declares it (or not, or wrongly) as
real pages do, so the `pages` evaluation section tests decoding as well as extraction. The
chrome around the article (menu, related links, footer) is in the page's language. Run from
the repository root: `python scripts/make_page_examples.py`.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "examples" / "pages.yaml"
OUT = ROOT / "examples" / "pages"

# menu labels, "related" heading with two related headlines, footer line
CHROME: dict[str, tuple[list[str], str, list[str], str]] = {
    "zh-CN": (["首页", "国内", "国际", "财经"], "相关新闻", ["油价小幅上涨", "夏粮收购全面展开"], "版权所有 未经授权禁止转载"),
    "zh-TW": (["首頁", "政治", "社會", "國際"], "相關新聞", ["股市小幅上漲", "高鐵增開班次"], "版權所有 翻印必究"),
    "ja": (["トップ", "政治", "経済", "国際"], "関連記事", ["円相場、小幅に上昇", "国会、会期末へ"], "無断転載を禁じます"),
    "ko": (["홈", "정치", "경제", "국제"], "관련 기사", ["환율 소폭 하락", "국회 본회의 열려"], "무단 전재 및 재배포 금지"),
    "ru": (["Главная", "Политика", "Экономика", "Общество"], "Читайте также", ["Курс рубля снизился", "В городе открыли парк"], "Все права защищены"),
    "uk": (["Головна", "Політика", "Економіка", "Суспільство"], "Читайте також", ["Ціни на пальне зросли", "У місті відкрили парк"], "Усі права захищено"),
    "ar": (["الرئيسية", "سياسة", "اقتصاد", "رياضة"], "أخبار ذات صلة", ["ارتفاع أسعار الذهب", "افتتاح معرض الكتاب"], "جميع الحقوق محفوظة"),
    "el": (["Αρχική", "Πολιτική", "Οικονομία", "Κόσμος"], "Σχετικά άρθρα", ["Άνοδος στο χρηματιστήριο", "Νέα μέτρα για τη στέγαση"], "Με την επιφύλαξη παντός δικαιώματος"),
    "he": (["ראשי", "חדשות", "כלכלה", "ספורט"], "כתבות נוספות", ["מחירי הדלק עלו", "נפתח פארק חדש בעיר"], "כל הזכויות שמורות"),
    "tr": (["Anasayfa", "Gündem", "Ekonomi", "Dünya"], "İlgili Haberler", ["Altın fiyatları yükseldi", "Kentte yeni park açıldı"], "Tüm hakları saklıdır"),
    "pl": (["Strona główna", "Kraj", "Świat", "Gospodarka"], "Czytaj także", ["Ceny paliw w górę", "Nowy park w mieście"], "Wszelkie prawa zastrzeżone"),
    "de": (["Startseite", "Politik", "Wirtschaft", "Sport"], "Mehr zum Thema", ["Spritpreise steigen wieder", "Neuer Park eröffnet"], "Alle Rechte vorbehalten"),
    "fr": (["Accueil", "Politique", "Économie", "Monde"], "À lire aussi", ["Le prix de l’essence remonte", "Un nouveau parc ouvre"], "Tous droits réservés"),
    "hi": (["होम", "देश", "दुनिया", "खेल"], "संबंधित खबरें", ["सोने के दाम बढ़े", "शहर में नया पार्क खुला"], "सर्वाधिकार सुरक्षित"),
    "th": (["หน้าแรก", "การเมือง", "เศรษฐกิจ", "ต่างประเทศ"], "ข่าวที่เกี่ยวข้อง", ["ราคาทองคำปรับตัวขึ้น", "เปิดสวนสาธารณะแห่งใหม่"], "สงวนลิขสิทธิ์"),
}  # fmt: skip

DECLARATIONS = {
    "meta": '<meta charset="{enc}">',
    "http-equiv": '<meta http-equiv="Content-Type" content="text/html; charset={enc}">',
    "none": "",
    "wrong-latin1": '<meta charset="iso-8859-1">',
}
LABELS = {"shift_jis": "Shift_JIS", "euc_jp": "EUC-JP", "euc_kr": "EUC-KR", "cp1251": "windows-1251",
          "cp1256": "windows-1256", "cp1255": "windows-1255", "iso8859_7": "ISO-8859-7",
          "iso8859_9": "ISO-8859-9", "iso8859_2": "ISO-8859-2", "koi8_r": "KOI8-R",
          "gb2312": "gb2312", "gbk": "GBK", "big5": "big5", "utf-8": "utf-8"}  # fmt: skip


def page(entry: dict[str, Any]) -> str:
    """The page's HTML as text (encoded by the caller)."""
    menu, related, headlines, footer = CHROME[entry["lang"]]
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
    dated = f' <span class="date">{esc(entry["related_date"])}</span>' if "related_date" in entry else ""
    links = "".join(
        f'<li><a href="/n/{i}">{esc(h)}</a>{dated}</li>' for i, h in enumerate(headlines)
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{entry["lang"]}">\n<head>\n{declare}\n'
        f"<title>{esc(entry['title'])} - {esc(entry['outlet'])}</title>\n"
        f'<meta property="og:site_name" content="{esc(entry["outlet"])}">\n{head_date}\n'
        f"</head>\n<body>\n<div class=\"nav\">{nav}</div>\n{article}\n"
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
        data = page(entry).encode(entry["encoding"], "xmlcharrefreplace")
        (OUT / f"{entry['id']}.html").write_bytes(damaged(data, entry.get("damage")))


if __name__ == "__main__":
    main()
