"""The record a language file fills: one field per concept of the cleaning library.

Every word is written lower-case, as it appears on pages (the regexes built from it in
`patterns.py` ignore case). A concept a language does not have yet stays empty and is
named in `gaps` with the reason; `tests/test_lexicon.py` holds every language to that.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum


class TimeUnit(StrEnum):
    """What a unit word of a relative date ("3 hours ago") measures."""

    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    VAGUE = "vague"  # weeks, months, years: too vague to name a day


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1
    name: str

    # --- boilerplate: blocks that speak about the site, not the story ---
    # Whole headings that open a rail of other articles ("Related articles").
    rail_labels: tuple[str, ...] = ()
    # A block that is only an ad label ("Advertisement", "Anzeige").
    ad_labels: tuple[str, ...] = ()
    # Words of a newsletter pitch ("newsletter", "inbox"); a pitch also asks (pitch_verbs).
    newsletter_words: tuple[str, ...] = ()
    # What a pitch asks the reader to do ("sign up", "abonnieren").
    pitch_verbs: tuple[str, ...] = ()
    # A block opening with a call to subscribe ("Subscribe", "Abonnez-vous").
    subscribe_calls: tuple[str, ...] = ()
    # The label of a line of tag or topic links under a story ("Tags:", "Schlagwörter:",
    # "Filed under"): read as the whole text beside the links.
    tag_labels: tuple[str, ...] = ()
    # Staff credit lines at the end of wire stories ("Reporting by", "Edited by").
    staff_credits: tuple[str, ...] = ()
    # "Follow us on" lines (followed by a social network's name, lexicon.common).
    follow_phrases: tuple[str, ...] = ()
    # Wire footers: a lead word, then a coverage noun or a link ("More AP coverage: https:").
    coverage_leads: tuple[str, ...] = ()
    coverage_nouns: tuple[str, ...] = ()
    # Contact lines: "Reach the reporters at ...": verb, role, preposition.
    contact_verbs: tuple[str, ...] = ()
    contact_roles: tuple[str, ...] = ()
    contact_prepositions: tuple[str, ...] = ()
    # Comment-moderation notices: "comments" and a moderation word (word starts:
    # "moderad" catches "moderados", "moderadas"). Only words that say moderation: "approved"
    # alone is a story's word ("residents' comments ... the plan was approved").
    comment_words: tuple[str, ...] = ()
    moderation_words: tuple[str, ...] = ()
    # Slideshow counters: "Photo 3 of 12" (slide word, number, "of", number).
    slide_words: tuple[str, ...] = ()
    slide_of: tuple[str, ...] = ()
    # "Published by X" lines: a publishing verb, then the word for "by".
    byline_verbs: tuple[str, ...] = ()
    published_by: tuple[str, ...] = ()
    # How a pitch speaks: to the reader ("your inbox", "please") or as the site ("our
    # newsletter"). A newsletter mention with a pitch verb is a pitch when it opens with
    # the verb or speaks so; "the ministry's newsletter" is a word of the story.
    pitch_address: tuple[str, ...] = ()
    # Link text of the "more from this reporter" line under a story ("다른기사 보기").
    author_more_links: tuple[str, ...] = ()
    # The heading of an author-bio box at the end of a story ("Die Autorin", "About the
    # author", "この記事を書いた人"): read only as a whole line, never inside a sentence.
    author_bio_labels: tuple[str, ...] = ()
    # The label of a link to the site's previous or next article ("Next article",
    # "Vorheriger Beitrag", "Article précédent"): read only as a whole piece of text.
    adjacent_article_labels: tuple[str, ...] = ()
    # The words of a reading-time line beside its number ("3 Min Lesezeit", "5 min read",
    # "Temps de lecture : 4 min"): the line says how long the story takes, not what it says.
    reading_time_words: tuple[str, ...] = ()
    # The site telling the reader it is paid for purchases through its links, in the words
    # only such a notice uses: the site speaks ("we may earn a commission", "erhalten wir
    # eine Provision"), so a story's sentence about affiliate marketing is not read.
    affiliate_disclosures: tuple[str, ...] = ()

    # --- rendering the body's text ---
    # The words of one letter that can open a story ("a", "i"): a drop cap holding one of
    # them, then a space and a lower-case word, is the word itself ("A man"); any other
    # letter opens the word that follows it ("N a endlich" -> "Na endlich").
    one_letter_words: tuple[str, ...] = ()

    # --- verdict: interstitials served instead of the article ---
    consent_phrases: tuple[str, ...] = ()  # cookie banners, "enable JavaScript"
    paywall_phrases: tuple[str, ...] = ()  # "subscribe to continue reading"
    # A bot check or a script-only shell served instead of the page ("Checking your
    # browser", "Bitte aktivieren Sie JavaScript"): whole phrases, never one word.
    bot_check_phrases: tuple[str, ...] = ()
    # The title a consent wall gives itself ("We value your privacy"), in a heading or in
    # the page <title>.
    consent_titles: tuple[str, ...] = ()
    # Words of a consent notice's text ("partners", "cookies", "personal data"): a body
    # dense with them is the notice, not an article.
    consent_terms: tuple[str, ...] = ()
    # The whole label of the control that accepts a consent notice ("Accept all", "Alle
    # akzeptieren"): the box holding one and the page's body text is the notice.
    consent_accept_labels: tuple[str, ...] = ()
    # What an error page served with status 200 (a "soft 404") says in its headline or title
    # ("Page not found", "Seite nicht gefunden"): read in a short heading or title only.
    not_found_titles: tuple[str, ...] = ()

    # --- captions ---
    # Words that introduce a photo credit ("Photo: Reuters", "사진=연합뉴스").
    credit_words: tuple[str, ...] = ()
    # The word between a credit word and the name ("Photo by X").
    credit_by: tuple[str, ...] = ()
    # "Provided by" after a source in brackets ("(KAI 제공)", "（共同提供）").
    provided_by: tuple[str, ...] = ()

    # --- metadata ---
    # The word opening a byline, stripped from author names ("By Jane Doe").
    byline_prefixes: tuple[str, ...] = ()
    # The word joining two author names ("Jane Doe and John Roe").
    author_joiners: tuple[str, ...] = ()
    # Words never part of a person's name in a byline: function words, job titles written
    # after the name ("Jane Doe, Columnist"), interface text read as a byline ("All posts").
    not_names: tuple[str, ...] = ()
    # Labels crediting someone other than the writer inside a byline ("Text: A, Fotos: B",
    # "Reporting by A; Editing by B", "Peter Schmidt (Fotos)"): that part is no author.
    # credit_words ("Foto:", "사진=") count too.
    non_author_labels: tuple[str, ...] = ()
    # A desk credited by one word ("Staff", "Redaktion"): no person, so a byline naming
    # one goes on (a desk of several words, "MND Staff", stays the site's credit).
    desk_words: tuple[str, ...] = ()
    # Role words written onto a name in scripts without spaces ("김민수 기자", "記者王小明",
    # "山田太郎記者"): cut off the name.
    name_roles: tuple[str, ...] = ()
    # The place-and-report part of a Chinese byline ("記者王小明／台北報導"): no name.
    report_tails: tuple[str, ...] = ()

    # --- dates: labels in front of a date ---
    published_labels: tuple[str, ...] = ()  # "Published", "Veröffentlicht"
    # Publication words written after the date, in verb-final sentences ("wurde am 19. Mai
    # 2010 um 23:03 Uhr gepostet").
    published_after: tuple[str, ...] = ()
    modified_labels: tuple[str, ...] = ()  # "Updated", "Aktualisiert"
    # The first publication of a republished story: "Originally published", "Erstmals
    # veröffentlicht".
    original_labels: tuple[str, ...] = ()
    registered_labels: tuple[str, ...] = ()  # account dates: "Member since", "가입일"
    # Words between a date and its time ("2 December 2024 at 10:40").
    time_connectors: tuple[str, ...] = ()
    # Words after a time ("10:40 Uhr", "14:30 h"); a.m./p.m. are read with the time itself.
    clock_words: tuple[str, ...] = ()
    # Written dates: the suffix of a day number ("2nd", "1er", "1º"), the word between day
    # and month ("2nd of December", "2 de diciembre") and between month and year
    # ("2 de diciembre de 2024").
    ordinal_suffixes: tuple[str, ...] = ()
    day_month_joiners: tuple[str, ...] = ()
    month_year_joiners: tuple[str, ...] = ()
    # Writes the month before the day ("December 2nd, 2024").
    month_first: bool = False
    # Half-day words written before an hour ("오후 3시"): True for the afternoon.
    half_day_words: Mapping[str, bool] = field(default_factory=dict)

    # --- dates: stated relative to the fetch time ---
    # "3 hours ago" is ago_after="ago"; "vor 3 Stunden" is ago_before="vor".
    ago_before: str = ""
    ago_after: str = ""
    # Written without spaces between words (Chinese, Japanese, Korean counters: "3시간 전").
    unspaced: bool = False
    one_words: tuple[str, ...] = ()  # amount words meaning one ("an hour ago")
    time_units: Mapping[str, TimeUnit] = field(default_factory=dict)
    # Day words and how many days back they point ("yesterday": 1).
    day_words: Mapping[str, int] = field(default_factory=dict)
    # Day words that are ordinary words in other languages (French "hier" is German and
    # Dutch "here"): read only on pages in this language.
    own_language_day_words: tuple[str, ...] = ()

    # Month names of this language (dateparser's locale data) are tried on every page, not
    # only on pages in this language. The languages whose month names are short and common
    # enough to be worth it; the first language listed wins a clash.
    months_on_every_page: bool = False

    # --- discovery: links a crawler never follows as stories (read by discovery/links.py
    # and the spider; whole words, matched without case) ---
    # The whole text of a legal, account or service link ("Privacy policy", "Impressum").
    service_link_texts: tuple[str, ...] = ()
    # The whole text of a listing's "next page" link ("Older posts", "Nächste Seite").
    next_page_texts: tuple[str, ...] = ()
    # A URL path segment of a service page (/impressum/, /privacy-policy).
    service_path_words: tuple[str, ...] = ()
    # A URL folder of tag, topic and author pages (/tag/..., /autoren/...).
    taxonomy_path_words: tuple[str, ...] = ()

    # Concept -> why this language has no words for it (yet).
    gaps: Mapping[str, str] = field(default_factory=dict)


# Fields that are not vocabulary: what the coverage test does not demand.
NOT_CONCEPTS = frozenset(
    {"code", "name", "gaps", "unspaced", "months_on_every_page", "own_language_day_words",
     "ago_before", "ago_after", "month_first"}
)


def concepts() -> list[str]:
    """The names of every vocabulary concept a language file fills (or exempts)."""
    return [f.name for f in fields(Language) if f.name not in NOT_CONCEPTS] + ["ago_phrase"]


def has(language: Language, concept: str) -> bool:
    if concept == "ago_phrase":
        return bool(language.ago_before or language.ago_after)
    return bool(getattr(language, concept))


NOT_COLLECTED = "not collected yet: no words checked on pages in this language"


def not_collected(*names: str, reason: str = NOT_COLLECTED) -> dict[str, str]:
    """Gaps for concepts nobody has collected words for yet (a contributor's to-do list)."""
    return dict.fromkeys(names, reason)
