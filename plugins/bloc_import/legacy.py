"""The shape of a legacy article as copied from a web page: header, paragraphs, photos, byline.

Copies of old pages carry page furniture around the article: tags, print buttons, view
counts, a podcast player's boilerplate, photo file names and alt text. `read_legacy` keeps
the article's own words and sets the rest aside (`dropped`), so nothing is lost silently.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from .names import fold

PHOTO_MARKER = "leftcenterrightdel"  # what the old CMS left where a photo was
_IMAGE_FILE = re.compile(r"^\S.*\.(?:jpe?g|png|gif|webp)$", re.IGNORECASE)
_TERMINAL = tuple(".!?…:;\"”)»")
_FURNITURE = re.compile(  # on the folded line: page furniture, never the article's words
    r"^(?:-\s*)?(?:autor|narrador|editora?|duracion|duracao|mas informaciones|mais informacoes|informacoes"
    r"|informaciones|sinopsis|sinopse|episodio|temporada)\b.*$"
    r"|^(?:ouvir|escuchar|seguir|compartir|compartilhar|baixar|descargar|reproducir|play|nghe|tai ve)$"
    r"|^dia chi (?:bai viet|truy cap)\s*:.*$|^ban in\b.*$"
    r"|^tags?\s*:?$|^print\s*a*$|^in$|^gui email$|^doc bai viet$|^xem co chu$|^chia se$|^quay lai$"
    r"|^cannot retrieve the url.*$|^\(?[\w.-]+\.(?:vn|com|net|org)\)?$|^\d{1,6}$|^https?://\S+$"
    r"|^(?:ban in|in trang|in bai(?: viet)?|print|email|facebook|twitter|zalo|tro ve|len dau trang|xem them"
    r"|tin lien quan|tin khac|cac tin khac|bai viet lien quan|tin moi)$|^trang chu\s*[>»/|].*$")
_VIEWS = re.compile(r"\s*\d[\d.,]*\s+lượt xem\s*$", re.IGNORECASE)
_POSTED = re.compile(r"^ng[àa]y đăng\s*:\s*", re.IGNORECASE)
_LEAD_SYMBOLS = re.compile(r"^[^\w(\"“'‘-]+")
_MONTH_WORDS = {"mot": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
                "muoi": 10, "muoi mot": 11, "muoi hai": 12}
_HEADER_DATE = re.compile(  # folded: a dateline in the page header (the publication date)
    r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)"
    r"|(?<!\d)(\d{1,2})\s+thang\s+(muoi hai|muoi mot|muoi|mot|hai|ba|tu|nam|sau|bay|tam|chin|\d{1,2}),?\s+(\d{4})")
_DATELINE_START = re.compile(r"^(?:\(?[a-z]{1,6}\)?\s*-\s*)?(?:sang|chieu|toi|trua|ngay|hom nay|hom qua)\b")
_CAPTION_START = re.compile(r"^(?:toan canh|quang canh|cac dai bieu|dai bieu|doan dai bieu|lanh dao)\b")
_CAPTION_VERB = re.compile(r"\b(?:phat bieu|trao|tang|chu tri|tham du|du|ky|chup anh|don nhan|bao cao|tai hoi nghi)\b")
_CREDIT = re.compile(r"[\s(–-]*\(?\s*Ảnh\s*:\s*([^()]{1,40}?)\)?\s*$")
_WEEKDAY = re.compile(r"^(?:thu (?:hai|ba|tu|nam|sau|bay)|chu nhat)\b")
_BYLINE_LABEL = re.compile(r"^(?:bài(?:,| và) ảnh|tin(?:,| và) ảnh|bài|tin|thực hiện)\s*:\s*", re.IGNORECASE)
_MERGED_HEAD = re.compile(  # title, date and text on one line: 'Tiêu đề 11/04/2024 07:44 Chiều 10/4, ...'
    r"^(.{20,300}?)\s+(?:Ngày đăng\s*:\s*)?(\d{1,2}/\d{1,2}/\d{4}(?:\s*[-|,]?\s*\d{1,2}:\d{2}(?::\d{2})?)?)\s+(\S.*)$")
_BYLINE_MAX_WORDS = 5
_CAPTION_MAX_WORDS = 35


@dataclass
class Legacy:
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    credits: list[str | None] = field(default_factory=list)
    byline: str | None = None
    title: str | None = None
    published: dt.date | None = None  # from the page header, if it gives one
    dropped: list[str] = field(default_factory=list)


def read_legacy(text: str) -> Legacy:
    """Split the text into header, paragraphs, captions and byline."""
    out = Legacy()
    blocks = _photo_blocks(_clean_lines(text, out), out)
    paragraphs = [p for block in blocks for p in _split_block(block)]
    paragraphs = _read_header(paragraphs, out)
    paragraphs = _date_lines(paragraphs[:6], out) + paragraphs[6:]
    body: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        caption = _caption(paragraph, last=i == len(paragraphs) - 1)
        if caption:
            out.captions.append(caption[0])
            out.credits.append(caption[1])
        else:
            body.append(paragraph)
    if body and out.byline is None and is_byline(_BYLINE_LABEL.sub("", body[-1])):
        out.byline = _BYLINE_LABEL.sub("", body.pop()).strip("*_ ")
    out.paragraphs = [_fix_joined_sentences(p) for p in body]
    return out


def _printable(text: str) -> str:
    """Control, format and unassigned characters out: they are invisible, and YAML refuses them."""
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")


def _clean_lines(text: str, out: Legacy) -> list[str]:
    text = _printable(unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")))
    lines = []
    raws = text.split("\n")
    first = next((i for i, raw in enumerate(raws) if raw.strip()), None)
    merged = _MERGED_HEAD.match(" ".join(raws[first].split())) if first is not None else None
    if (merged and len(raws[first]) > 300 and ". " not in merged.group(1)
            and not re.search(r"\b(?:ngay|sang|chieu|toi|trua|nay|vao|tu|den|nam|thang)$", fold(merged.group(1)))):
        # split the title and the page's date off the text
        raws[first:first + 1] = [merged.group(1), "", merged.group(2), "", merged.group(3)]
    for raw in raws:
        line = " ".join(raw.split())
        line = _LEAD_SYMBOLS.sub("", line) if line and not line[0].isalnum() and line != PHOTO_MARKER else line
        posted = _POSTED.match(line)
        if posted:  # 'Ngày đăng : 12/03/2023': the date is kept, the label is not
            out.published = out.published or header_date(line)
            out.dropped.append(line)
            continue
        views = _VIEWS.search(line)
        if views:
            out.dropped.append(views.group().strip())
            line = line[:views.start()].strip()
        if line and _FURNITURE.match(fold(line)):
            out.dropped.append(line)
            continue
        if line.startswith("- ") and len(line.split()) > 20:
            line = line[2:]  # a long bulleted line is a synopsis, not a list
        lines.append(line)
    return lines


def _photo_blocks(lines: list[str], out: Legacy) -> list[list[str]]:
    """Blocks of lines between blank lines, with photo lines and their captions taken out."""
    blocks: list[list[str]] = [[]]
    i = 0
    while i < len(lines):
        line = lines[i]
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if line.startswith(PHOTO_MARKER):
            rest = line[len(PHOTO_MARKER):].strip()
            if not rest:  # the caption is the next line with text
                while i + 1 < len(lines) and not lines[i + 1]:
                    i += 1
                rest = lines[i + 1] if i + 1 < len(lines) else ""
                i += 1
            if rest:
                _add_caption(out, rest)
        elif _IMAGE_FILE.match(line) or _is_folded_alt(line, following):
            out.dropped.append(line)
            if following and not _IMAGE_FILE.match(following) and len(following.split()) <= 50:
                _add_caption(out, following)  # the line right under a photo is its caption
                i += 1
        elif line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
        i += 1
    return [b for b in blocks if b]


def _add_caption(out: Legacy, text: str) -> None:
    credit = _CREDIT.search(text)
    out.captions.append(text[:credit.start()].strip(" -–") if credit else text.strip())
    out.credits.append(credit.group(1).strip() if credit else None)


def _is_folded_alt(line: str, following: str) -> bool:
    """'hoi nghi toan canh' over 'Toàn cảnh Hội nghị.': the photo's alt text without diacritics."""
    return (bool(line) and bool(following) and line.isascii() and 2 <= len(line.split()) <= 20
            and re.fullmatch(r"[a-z0-9 ,()-]+", line) is not None and not following.isascii())


def _split_block(block: list[str]) -> list[str]:
    """One paragraph per line, except a line that continues a sentence (it starts in lower case)."""
    paragraphs: list[str] = []
    for line in block:
        if paragraphs and line[:1].islower():
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    return paragraphs


def _is_body(paragraph: str) -> bool:
    folded = fold(paragraph)
    words = len(paragraph.split())
    return (_DATELINE_START.match(folded) is not None and words >= 3) or (
        paragraph.endswith(_TERMINAL) and words >= 12) or words >= 40 or folded.startswith(("dong chi", "cac dong chi"))


def _read_header(paragraphs: list[str], out: Legacy) -> list[str]:
    """The lines before the first paragraph of text: title, dateline, author, section names."""
    start = next((i for i, p in enumerate(paragraphs[:10]) if _is_body(p)), 0)
    titles = [line for line in paragraphs[:start] if len(line.split()) >= 5 and line[:1].isupper()
              and not line.endswith(".") and not (header_date(line) and len(line.split()) <= 8)]
    title = max(titles, key=lambda line: (not line.isupper(), len(line))) if titles else None  # not a masthead
    for line in paragraphs[:start]:
        date = header_date(line)
        if date and len(line.split()) <= 8:
            out.published = out.published or date
            name = line[:_HEADER_DATE.search(fold(line)).start()].strip(" -|,")
            if name and is_byline(name) and not _WEEKDAY.match(fold(name)):
                out.byline = name
            continue
        if line == title and out.title is None:
            section = re.match(r"^([^-–]{2,30}?)\s+[-–]\s+(?=\S)", line)
            out.title = line[section.end():] if section and len(section.group(1).split()) <= 4 else line
            continue
        out.dropped.append(line)
    return paragraphs[start:]


def _date_lines(paragraphs: list[str], out: Legacy) -> list[str]:
    """A line that is only the page's date and time ('20:44 - 30/03/2023') under the first paragraph."""
    kept = []
    for line in paragraphs:
        if header_date(line) and not re.search(r"[^\W\d_]{3,}", re.sub(r"(?i)tháng \w+", "", line)):
            out.published = out.published or header_date(line)
            out.dropped.append(line)
        else:
            kept.append(line)
    return kept


def header_date(line: str) -> dt.date | None:
    match = _HEADER_DATE.search(fold(line))
    if not match:
        return None
    if match.group(1):
        day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    else:
        word = match.group(5)
        day, year = int(match.group(4)), int(match.group(6))
        month = int(word) if word.isdigit() else _MONTH_WORDS[word]
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _caption(paragraph: str, last: bool) -> tuple[str, str | None] | None:
    """A paragraph that is a photo's caption: with a photo credit, or short and captioning."""
    credit = _CREDIT.search(paragraph)
    words = len(paragraph.split())
    if credit and words <= _CAPTION_MAX_WORDS + 5:
        return paragraph[:credit.start()].strip(" -–"), credit.group(1).strip()
    if words > _CAPTION_MAX_WORDS or ":" in paragraph:
        return None
    folded = fold(paragraph)
    if _CAPTION_START.match(folded) and words <= 15 and paragraph.count(". ") == 0:
        return paragraph, None
    if (not last and not paragraph.endswith(_TERMINAL) and paragraph[:1].isupper() and words >= 3
            and not re.search(r"\b(?:đã|sẽ|đang)\b", paragraph)
            and (words >= 7 or _CAPTION_VERB.search(folded))):  # a short line without a verb: a subheading
        return paragraph, None  # a line with no full stop between paragraphs, not telling: under a photo
    return None


def _fix_joined_sentences(paragraph: str) -> str:
    """'Trung ương.Năm 2023': a lost space between two sentences."""
    return re.sub(r"(?<=\w\w)\.(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])", ". ", paragraph)


def is_byline(line: str) -> bool:
    """A last line like 'TG-PV', 'PV', 'Minh Anh' or 'Hồng Hạnh - Minh Đức': capitalised words, no sentence."""
    bare = line.strip("*_ ")
    words = [w for w in bare.split() if w not in ("-", "–", "/", "và")]
    return (0 < len(words) <= _BYLINE_MAX_WORDS + 1 and len(bare) <= 50 and not re.search(r"[.;:!?]$", bare)
            and all(word[:1].isupper() or re.fullmatch(r"\([A-ZĐ]{2,8}\)", word) for word in words)
            and not re.search(r"\d", bare))
