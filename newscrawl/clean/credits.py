"""Photo credits inside caption text: "Troops arrive. / News1", "(Photo: Reuters)",
"Foto: dpa", "© Jane Doe", "사진=연합뉴스", "写真：共同", "(KAI 제공)"."""

from __future__ import annotations

import re

from .lexicon.patterns import (
    AGENCIES,
    COPYRIGHT,
    CREDIT_ABBREVIATIONS,
    CREDIT_BY,
    CREDIT_LABEL,
    CREDIT_WORDS,
    PROVIDED_BY,
)
from .render import normalize_space

# Credit at the end of a caption; the one that starts first wins.
_CREDIT_PATTERNS = [
    # "... / News1"; a slash between digits is a date or a ratio ("Selasa (20/1)")
    re.compile(r"\s*(?:(?<!\d)[/|]|[/|](?!\d))\s*(?P<credit>[^/|]{2,40})$"),
    re.compile(
        r"\s*[\(\[（](?:" + CREDIT_WORDS + r")\s*(?:" + CREDIT_BY
        + r")?\s*[:=：＝]?\s*(?P<credit>[^\)\]）]{2,60})[\)\]）]\s*$",
        re.I,
    ),
    re.compile(
        r"\s*(?:(?:" + CREDIT_WORDS + r")\s*(?:" + CREDIT_BY + r")?\s*[:=：＝]|"
        + CREDIT_ABBREVIATIONS + r")\s*(?P<credit>.{2,60})$",
        re.I,
    ),
    re.compile(r"\s*(?P<credit>(?:" + COPYRIGHT + r")\s*.{2,60})$", re.I),
    # Korean/Japanese/Chinese "provided by": "(KAI 제공)", "（共同提供）"
    re.compile(r"\s*[\(\[（](?P<credit>[^\)\]）]{1,40}?)\s*(?:" + PROVIDED_BY + r")[\)\]）]\s*$"),
    re.compile(r"\s*(?P<credit>(?:" + AGENCIES + r")[^.]{0,40})$"),
]
# The mark is not part of the credit's name: "© AFP" credits AFP.
_COPYRIGHT_MARK = re.compile(r"^\s*(?:" + COPYRIGHT + r")\s*", re.I)
# "Foto: ", "Photo by ", "© " in front of a credit's name given in an element of its own
_CREDIT_LABEL = re.compile(r"^(?:" + CREDIT_LABEL + r"\s*|(?:" + COPYRIGHT + r")\s*)", re.I)


def split_credit(text: str) -> tuple[str, str | None]:
    """'Troops arrive. / News1' -> ('Troops arrive.', 'News1')."""
    text = normalize_space(text)
    splits = []
    for pattern in _CREDIT_PATTERNS:
        m = pattern.search(text)
        if m and m.start() > 0:
            credit = _COPYRIGHT_MARK.sub("", m.group("credit")).strip(" ()[]（）")
            caption = text[: m.start()].rstrip(" -–—|/")
            if credit and caption:
                splits.append((m.start(), caption, credit))
    if not splits:
        return text, None
    # the credit starts at its first mark: "X. Image: City / Facebook" credits "City / Facebook"
    _, caption, credit = min(splits, key=lambda s: s[0])
    return caption, credit


def credit_name(text: str) -> str | None:
    """A credit element's text without its label: 'Foto: dpa' -> 'dpa', '© AFP' -> 'AFP'."""
    return _CREDIT_LABEL.sub("", normalize_space(text)).strip() or None
