"""Language-neutral vocabulary: class-name words, tag and role sets, attribute names,
link shapes and time-zone abbreviations. Written once here; `patterns.py` builds the
matchers each rule uses."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Flag, auto

from ..codes import DateKind


class ClassUse(Flag):
    """Which rules read a class-name word, and how they match it against class and id."""

    # boilerplate: a whole token of a class name split on non-letters ("share" in "post-share")
    TOKEN = auto()
    # boilerplate: the start of a class name with "-" and "_" removed ("relatedArticles")
    PREFIX = auto()
    # dates: site chrome wherever it stands; a segment between spaces, "_" and "-"
    CHROME = auto()
    # dates: chrome only outside the headline's <article>/<main> (bylines wear these too)
    WEAK_CHROME = auto()
    # dates: anywhere in the class name, the element may hold a date or a byline
    DATE_HINT = auto()
    # boilerplate: anywhere in the class name, a lead paragraph may wear it ("teasertext")
    LEAD = auto()
    # verdict: anywhere in the class name, a paywall's box
    WALL = auto()
    # dates: anywhere in the class name, a headline element
    TITLE = auto()


T, P, C, W = ClassUse.TOKEN, ClassUse.PREFIX, ClassUse.CHROME, ClassUse.WEAK_CHROME
DH, LD, WL, TI = ClassUse.DATE_HINT, ClassUse.LEAD, ClassUse.WALL, ClassUse.TITLE


@dataclass(frozen=True)
class ClassWord:
    # lower-case; a "-" marks where class names may or may not write a hyphen
    # ("most-read": "mostread", "most-read"); TOKEN and PREFIX read it without the hyphen
    word: str
    uses: ClassUse
    stem: bool = False  # CHROME: any ending too ("recommend" for "recommended-posts")


# Class and id words of blocks that are not article text, and of the elements that hold a
# date. Mostly English; a few are German CMS names ("meistgelesen", "kommentar").
CLASS_WORDS: tuple[ClassWord, ...] = (
    # sharing and social
    ClassWord("share", T | P), ClassWord("sharing", T), ClassWord("sharebar", T),
    ClassWord("social", T | P), ClassWord("socials", T), ClassWord("sns", T),
    # newsletters, subscriptions, walls
    ClassWord("newsletter", T | P | C), ClassWord("newsletters", T),
    ClassWord("subscribe", T | P), ClassWord("subscription", T), ClassWord("signup", T),
    # (not dropped by class: Condé Nast and others class the story's walled paragraphs
    # "paywall"; the wall's own box is caught by its text)
    ClassWord("paywall", WL), ClassWord("regwall", WL), ClassWord("subscri", WL),
    ClassWord("premium", WL), ClassWord("piano", WL), ClassWord("meter", WL),
    ClassWord("cookie", T), ClassWord("consent", T),
    # other stories: related, popular, recommended, teasers
    ClassWord("related", T | P | C), ClassWord("relatedposts", T),
    ClassWord("recommend", T | P | C, stem=True), ClassWord("recommended", T),
    ClassWord("recommendations", T), ClassWord("empfehlung", C, stem=True),
    ClassWord("popular", T | P | C), ClassWord("trending", T | P | C),
    ClassWord("most-read", T | P | C), ClassWord("most-popular", T | P | C),
    ClassWord("most-viewed", T | C), ClassWord("most-shared", C),
    ClassWord("most-commented", C), ClassWord("meistgelesen", C),
    ClassWord("top-stories", C), ClassWord("more-news", C), ClassWord("more-stories", T | P | C),
    ClassWord("more-articles", C), ClassWord("morefrom", P), ClassWord("moreon", P),
    ClassWord("more", T), ClassWord("moreinfo", T), ClassWord("read-more", T | P | C),
    ClassWord("seealso", T | P), ClassWord("alsoread", T | P),
    ClassWord("outbrain", T | P | C), ClassWord("taboola", T | P | C),
    ClassWord("teaser", T | P | LD), ClassWord("teasers", T), ClassWord("intro", LD),
    ClassWord("lead", LD), ClassWord("standfirst", LD), ClassWord("summary", LD),
    # ads
    ClassWord("sponsored", T), ClassWord("sponsor", T | P), ClassWord("advert", T | P),
    ClassWord("advertisement", T), ClassWord("advertising", T), ClassWord("ads", T),
    ClassWord("ad", T), ClassWord("adslot", T), ClassWord("adunit", T),
    ClassWord("promo", T | P), ClassWord("promotion", T),
    # navigation and page frame
    ClassWord("breadcrumb", T | P | C), ClassWord("breadcrumbs", T | C),
    ClassWord("side-bar", T | P | C), ClassWord("widget", T), ClassWord("widgets", T),
    ClassWord("toolbar", T), ClassWord("tools", T), ClassWord("print", T),
    ClassWord("pagination", T | C), ClassWord("pager", T | W), ClassWord("nextprev", T),
    ClassWord("prevnext", T), ClassWord("post-navigation", C), ClassWord("nav-links", C),
    ClassWord("footer", W), ClassWord("nav", W), ClassWord("navbar", W),
    ClassWord("navigation", W), ClassWord("menu", W), ClassWord("masthead", W),
    ClassWord("site-header", W), ClassWord("top-bar", W), ClassWord("ticker", W),
    ClassWord("weather", W), ClassWord("calendar", W), ClassWord("banner", T),
    ClassWord("copyright", T | W), ClassWord("footnotes", T),
    # the site's "today" in its header
    ClassWord("today", C), ClassWord("todays-date", C), ClassWord("current-date", C),
    ClassWord("date-today", C), ClassWord("header-date", C),
    # comments and reactions
    ClassWord("comment", T | P | C), ClassWord("comments", T | C),
    ClassWord("commentlist", C), ClassWord("kommentar", C), ClassWord("kommentare", C),
    ClassWord("disqus", T), ClassWord("rating", T), ClassWord("ratings", T),
    ClassWord("reactions", T),
    # bylines, tags and meta lines (the metadata stage reads them)
    ClassWord("byline", T | P | DH), ClassWord("bylines", T), ClassWord("author", T | DH),
    ClassWord("authors", T), ClassWord("dateline", T | DH), ClassWord("timestamp", T),
    ClassWord("meta", T | DH), ClassWord("postmeta", T), ClassWord("entrymeta", T),
    ClassWord("tags", T), ClassWord("tagcloud", T | P), ClassWord("taglist", T | P),
    ClassWord("keywords", T),
    # where a date may sit
    ClassWord("date", DH), ClassWord("time", DH), ClassWord("publish", DH),
    ClassWord("posted", DH), ClassWord("stamp", DH), ClassWord("datum", DH),
    ClassWord("fecha", DH), ClassWord("data", DH), ClassWord("zeit", DH),
    ClassWord("info", DH), ClassWord("autor", DH),
    # headlines
    ClassWord("headline", TI), ClassWord("title", TI), ClassWord("heading", TI),
)

# Class names of a drop cap, the large first letter of a story ("drop-cap", "dropCap",
# "initial-letter", "first-letter", French "lettrine", German "Versal"/"Initiale"), read
# anywhere in the class name; "-" marks an optional "-" or "_". Only an element holding one
# capital letter at the start of a paragraph is taken for one (render.py).
DROP_CAP_CLASS_WORDS = ("drop-cap", "dropped-cap", "initial", "first-letter", "lettrine", "versal")

# Class names a CMS derives from the post's own taxonomy ("category-comments",
# "tag-related"): read before a "-" or "_", they say nothing about the block.
TAXONOMY_PREFIXES = (
    "category", "tag", "post", "format", "status", "type", "page", "postid", "elementor", "topic",
)
# Microformat classes of dates (hAtom, h-entry); the first two say "published". "updated"
# alone is the last change only beside a "published" one: themes add it to the publication
# date itself for hAtom ("post-date updated", "entry-date updated").
MICROFORMAT_PUBLISHED = ("published", "dt-published")
MICROFORMAT_UPDATED = ("updated", "dt-updated")
MICROFORMAT_DATES = MICROFORMAT_PUBLISHED + MICROFORMAT_UPDATED + ("dtstart", "entry-date")

# A copyright mark opening a credit ("© AFP"), and photo agencies whose name alone ends a
# caption ("... Getty Images").
COPYRIGHT_MARKS = ("©", "ⓒ", "(c)", "copyright")
PHOTO_AGENCIES = ("Getty Images", "AP Photo", "AFP", "Reuters", "EPA", "Yonhap", "dpa", "News1")
# Words of the not_names lists that are given names in other languages (Italian "per",
# Norwegian "Per Olsen"; French "des", Irish "Des"; Spanish "con", Irish "Con"): not names
# only on pages in the list's own language.
GIVEN_NAMES_AMONG_NOT_NAMES = ("per", "des", "con")
# News agencies a byline credits beside or instead of a writer ("By Jane Doe, Reuters"): a
# credit, not a person, so never a reason to set aside the site's own credit. Lower case.
NEWS_AGENCIES = (
    "associated press", "the associated press", "ap", "reuters", "thomson reuters", "afp",
    "agence france-presse", "agence france presse", "dpa", "deutsche presse-agentur", "epd",
    "kna", "apa", "sda", "keystone-sda", "efe", "europa press", "ansa", "adnkronos", "lusa",
    "agência brasil", "anp", "belga", "tt", "ntb", "ritzau", "pap", "čtk", "mti", "anadolu",
    "tass", "ria novosti", "interfax", "ukrinform", "xinhua", "kyodo", "jiji", "yonhap",
    "bernama", "antara", "aap", "pa media", "press association", "the canadian press", "upi",
    "bloomberg", "ians", "pti", "ani", "sapa", "kna", "notimex",
)

# Social networks: "follow us on ..." lines; classes of embedded posts (with EMBED_WORDS).
SOCIAL_NETWORKS = ("twitter", "facebook", "instagram")
# The networks a "follow us on ..." line names, in the spellings of the languages read
# (a case ending may follow: "Facebooku", "Facebookissa", "Twitter'da").
FOLLOW_NETWORKS = SOCIAL_NETWORKS + (
    "x", "telegram", "youtube", "tiktok", "linkedin", "whatsapp", "threads", "bluesky",
    "google news", "дзен",
    "mastodon", "vk", "вконтакте", "фейсбук", "телеграм", "твиттер", "ютуб", "تويتر",
    "فيسبوك", "انستغرام", "تلغرام", "פייסבוק", "טוויטר", "אינסטגרם", "اینستاگرام", "تلگرام",
    "בפייסבוק", "בטוויטר", "באינסטגרם", "בטלגרם",  # Hebrew writes "on" as a prefix
)
# Where the network comes first and "follow" after it (Turkish "Bizi Twitter'da takip edin",
# Persian "ما را در اینستاگرام دنبال کنید", Japanese, Korean).
FOLLOW_AFTER = ("takip edin", "takip et", "دنبال کنید", "をフォロー", "팔로우")
EMBED_WORDS = ("tweet", "tiktok", "reddit", "bluesky", "threads")

# Class names of image captions and credits, and of video blocks: regex sources, since
# separators and word edges matter here ("creditcard-table" is no credit).
# Class names of a kicker set inside a headline ("<h1><span class=kicker>Budget</span>
# <span class=title>...</span></h1>"; German "Dachzeile", "Spitzmarke"): a regex source.
KICKER_CLASS = (r"kicker|overline|over-?title|pre-?title|supertitle|dachzeile|spitzmarke|"
                r"topline|roofline|eyebrow|flag|rubric|catchline")
# "Caption" in the class names of other languages' CMSs: Italian "didascalia", Spanish
# "leyenda"/"pie de foto"/"epígrafe", Portuguese "legenda", German/Swedish "Bildtext",
# Norwegian "bildetekst", Danish "billedtekst", Dutch "onderschrift"/"bijschrift".
CAPTION_CLASS_L10N = (
    r"didascalia|leyenda|pie[-_]?(?:de[-_]?)?foto|foto[-_]?pie|epigrafe|legenda|"
    r"bild(?:e)?te(?:xt|kst)|billedtekst|onderschrift|bijschrift"
)
CAPTION_CLASS = (r"caption|credit|photo[-_]?(?:desc|text|info)|img[-_]?desc|wp-caption-text|"
                 + CAPTION_CLASS_L10N)
LEFTOVER_CAPTION_CLASS = (
    CAPTION_CLASS_L10N
    + r"|caption|(?<![a-z])(?:photo|image|img)?[-_]?credits?(?![a-z])|photo[-_]?(?:desc|text|info)"
    r"|img[-_]?desc"
    # at a camelCase hump: "InlineImage-imageEmbedCredit" (the regex is used case-blind)
    r"|(?-i:(?<=[a-z])Credits?)(?![a-z])"
)
VIDEO_CLASS = r"(?<![a-z])video"
# Figures of the article's region (captions stage): a caption beside an image, a credit inside
# a caption, and containers whose images belong to other stories, ads or the site's chrome.
FIGURE_CAPTION_CLASS = (
    r"caption|legend|photo[-_]?(?:desc|text|info)|img[-_]?desc|image[-_]?(?:desc|text|info)|"
    r"media[-_]?(?:desc|info)|figure[-_]?(?:text|desc)|bildunterschrift|bu(?:[-_]|$)|infotext|"
    r"description|lightbox__desc|" + CAPTION_CLASS_L10N
)
FIGURE_CREDIT_CLASS = (
    r"credit|copyright|(?<![a-z])source|photographer|fotograf|bildquelle|quelle|pictsrc|"
    r"rights|byline|author|agency"
)
# Not "teaser" (German CMSs call the lead photo "Teaserbild") nor "sidebar" (layout grids):
# other stories' cards are recognised by their links. "ad" only as a whole class name.
FOREIGN_FIGURE_CLASS = (
    r"(?:^|[\s_-])(?:related|recommend\w*|promo\w*|advert\w*|sponsor\w*|"
    r"newsletter|social|share\w*|comments?|avatar|logo|icons?|author\w*|profile|"
    r"outbrain|taboola|more[-_]?stories|most[-_]?read|trending|nav\w*|menu|footer)(?:$|[\s_-])"
    r"|(?:^|\s)ads?(?:$|\s)"
)
# Text for screen readers only, in the accessibility classes of the common frameworks
# (Bootstrap "sr-only"/"visually-hidden", WordPress "screen-reader-text", Drupal
# "element-invisible", Foundation "show-for-sr", HTML5 Boilerplate "visuallyhidden"):
# labels such as "Article content" before every paragraph group, which no reader sees, and
# link notices ("(öffnet im neuen Fenster)", ", opens new tab"). Also the short forms: "vh"
# as a whole class or its last part ("u-vh", "go-vh"; not Bootstrap's "vh-100" heights),
# jQuery UI "ui-helper-hidden-accessible".
SCREEN_READER_CLASS = (
    r"(?<![a-z])(?:sr[-_]only|visually-?hidden|screen-?reader-(?:text|only)|element-invisible|"
    r"show-for-sr|a11y-hidden|hidden-visually|hidden-accessible|assistive-text)(?![a-z])"
    r"|(?<![a-z0-9])vh(?![-a-z0-9])"
)
# Hidden from every reader, by the plain class names of the frameworks and templates
# ("hidden", "hide", "is-hidden", "u-hidden", "hideCompletely"): read on short labels only
# (a box's "Weitere Informationen" / "Ende der weiteren Informationen" markers), since a
# long block so classed may be one a script unfolds. Not Bootstrap's responsive
# "hidden-xs" nor Tailwind's "hidden md:block" (shown on wider screens).
HIDDEN_CLASS = (
    r"(?<![\w:-])(?:is-|u-)?(?:hide|hidden)(?:-?completely|-?all|-?always)?(?![\w:-])"
)
# Readers' comments and forum threads (never the story, however much text they hold).
DISCUSSION_CLASS = r"(?<![a-z])(?:comments?|disqus|shoutbox|community|forums?)(?![a-z])"
# Readers' comment threads, for the dates walk (a date inside one is a comment's, never the
# article's): a class or id word of the thread in the CMSs' and comment services' own words
# (WordPress "commentlist", "comment-body"; Disqus, Livefyre, Viafoura, OpenWeb/Spot.IM,
# Coral), in a few languages, with the container words templates glue to it ("commentsArea").
# Read per class token, camelCase split; not "community"/"forum" (a forum post is an article).
COMMENT_THREAD_CLASS = (
    r"(?<![a-z])(?:comments?|commentaires?|comentarios?|commenti|kommentare?|komentarze|"
    r"reacties|discussion|disqus|livefyre|viafoura|spotim|coral[-_](?:talk|thread|stream))"
    r"(?:list|area|section|thread|stream|wrap|wrapper|container|box|block|body|content|item|s)?"
    r"(?![a-z])"
)
# Words that make a comment word a widget or a state, not a thread: "comment-count",
# "comments-link" in a byline, "no-comments", "comments-open" on an article wrapper, and
# the opinion section that British papers call "Comment" ("tone-comment").
COMMENT_WIDGET_CLASS = (
    r"(?<![a-z])(?:counts?|counter|number|num|total|links?|open|closed|enabled|disabled|off|"
    r"icons?|button|btn|toggle|trigger|cta|bubble|badge|no|has|show|load|add|tone|tonal|"
    r"opinion|pillar|fa|hljs|meta|label|nonce)(?![a-z])"
)
# Taxonomy prefixes ("tag-kommentar", "category-comments": a post filed under a word) that
# still name a block when one word follows: the post's or page's own thread ("post-comments").
THREAD_PREFIXES = ("post", "page", "entry", "article")
# Microdata types and properties, ARIA roles and custom tags of a comment or a thread.
COMMENT_ITEMTYPES = ("Comment", "UserComments")
COMMENT_ITEMPROPS = frozenset({"comment", "comments"})
COMMENT_ROLES = frozenset({"comment"})  # ARIA 1.3
COMMENT_TAGS = frozenset({"vf-conversations", "vf-comments"})  # Viafoura's custom elements
# A block holding an image and its caption ("image-widget", "absatzbild", "photo-box").
# URL folders of photo viewer pages ("/photo/<image id>.html", "/bilder/..."): a figure's link
# to its own viewer page is not a link to another story.
PHOTO_VIEWER_FOLDERS = frozenset(
    "photo photos foto fotos bild bilder image images picture pictures gallery galerie "
    "galleria slideshow fotogalerie".split()
)
IMAGE_BLOCK_CLASS = r"image|img|photo|foto|picture|bild|figure"

# Links that share the page rather than lead anywhere (their text, "Whatsapp", is UI).
SHARE_HREF = (
    r"^(?:whatsapp|fb-messenger|viber|tg|sms|line):|sharer|/share\b|share\?|[?&]share=|"
    r"intent/tweet|pin/create|sharearticle|addthis|shareaholic|linkedin\.com/share|"
    r"reddit\.com/submit|mailto:\?"
)

# Where a site sends readers to follow it: app stores and social networks' hosts (a block
# whose links all go there, one of them naming the site, is the site's pitch for its channels).
CHANNEL_HOSTS = (
    "play.google.com", "apps.apple.com", "itunes.apple.com", "appgallery.huawei.com",
    "whatsapp.com", "instagram.com", "facebook.com", "twitter.com", "x.com", "tiktok.com",
    "youtube.com", "t.me", "telegram.me", "linkedin.com", "threads.net", "bsky.app",
    "pinterest.com", "flipboard.com", "news.google.com",
)

# --- tags and roles ---
CODE_TAGS = frozenset({"script", "style", "noscript", "template", "svg"})  # no visible text
FORM_CONTROLS = frozenset({"button", "select", "textarea", "input"})
EMBEDDED_TAGS = frozenset({"canvas", "iframe", "object", "embed"})
MEDIA_TAGS = frozenset({"video", "audio", "picture", "source"})
HEAD_TAGS = frozenset({"head", "title", "link", "meta"})
SITE_NAV_TAGS = frozenset({"nav", "aside", "menu"})  # the site's navigation and sidebars
PAGE_FRAME_TAGS = frozenset({"header", "footer"})  # the site's (or an article's) frame
# Removed from the scoring copy before the main content is chosen: never article text.
CHROME_TAGS = (
    CODE_TAGS | FORM_CONTROLS | EMBEDDED_TAGS | SITE_NAV_TAGS | PAGE_FRAME_TAGS
    | {"form", "dialog", "link", "meta"}
)
# Not rendered into the body text (figures are handled by the captions stage).
UNRENDERED_TAGS = CODE_TAGS | FORM_CONTROLS | EMBEDDED_TAGS | MEDIA_TAGS | HEAD_TAGS
# Not read by the dates walker: no visible dates inside.
UNDATED_TAGS = CODE_TAGS | {"select", "option", "button", "head"}
# Marks that open a quotation: a phrase right after one is reported by a story ('a page
# reading "Checking your browser"'), not shown by the page.
OPENING_QUOTES = frozenset("\"'“”„«»‘’‚‹›「『")
# Captions and quotations: their dates are a photo's or a quoted text's, not the article's.
QUOTED_TAGS = frozenset({"figcaption", "blockquote", "q", "caption"})
# Never removed by a boilerplate rule: the page and the article's own containers.
PROTECTED_TAGS = frozenset({"html", "body", "main", "article"})
# Elements a rail label ("Related articles") may be written in.
LABEL_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "span", "p", "div", "header", "label",
     "dt", "em"}
)
# ARIA roles of the site's chrome.
CHROME_ROLES = frozenset(
    "navigation banner contentinfo complementary search menu menubar dialog alertdialog "
    "toolbar tablist".split()
)

# --- attributes ---
# Microdata properties of the article's date and author lines.
DATE_ITEMPROPS = {
    "datepublished": DateKind.PUBLISHED,
    "datecreated": DateKind.PUBLISHED,
    "datemodified": DateKind.MODIFIED,
    "uploaddate": DateKind.PUBLISHED,
}
META_ITEMPROPS = frozenset({"datepublished", "datemodified", "datecreated", "author"})
# Attributes that hold a machine-readable date, in the order they are read.
# Publication data attributes of CMSs' timestamp widgets (Naver's data-date-time, epoch
# seconds or milliseconds in data-publish-time...).
_PUBLISHED_DATA_ATTRIBUTES = (
    "data-publish-date", "data-published-date", "data-pubdate", "data-published-at",
    "data-publish-time", "data-published-time", "data-date-time",
)
DATE_ATTRIBUTES = (
    "datetime", "data-datetime", "data-date", "data-timestamp", "data-published", "data-utime",
    "data-time", *_PUBLISHED_DATA_ATTRIBUTES, "content", "title",
)
# Attributes that make any element a machine-readable date (a timeline marker, a timestamp
# widget whose visible text a script renders: data-utime="1507287600").
DATE_MARKER_ATTRIBUTES = (
    "data-published", "data-date", "data-datetime", "data-timestamp", "data-utime", "data-time",
    *_PUBLISHED_DATA_ATTRIBUTES,
)

# The zero of each script's decimal digits besides ASCII (Arabic-Indic, Persian, Devanagari,
# Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Thai, Lao, Tibetan,
# Myanmar, Khmer, Mongolian, fullwidth): a date written in them is read as in ASCII digits.
DIGIT_ZEROS = (
    "\u0660\u06f0\u0966\u09e6\u0a66\u0ae6\u0b66\u0be6\u0c66"
    "\u0ce6\u0d66\u0e50\u0ed0\u0f20\u1040\u17e0\u1810\uff10"
)
# Years counted from another era, by language: the Thai solar calendar's Buddhist Era year is
# the Common Era's + 543 (2563 = 2020), and Thai pages write it in dates.
ERA_YEAR_OFFSETS = {"th": 543}

# Month names dateparser's locale data lacks, by language, January to December: the Thai
# abbreviations as pages write them, with their dots ("2 มี.ค. 2563"; the data has "มีค",
# which no page writes), and the Syriac-derived names of the Levant and Iraq ("2 آذار 2020"),
# which Arabic news sites also write beside the Egyptian ones ("2 مارس/آذار 2020").
EXTRA_MONTH_NAMES = {
    "th": (
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
        "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    ),
    "ar": (
        "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
        "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
    ),
}
# The word before a month's number where a language writes months as numbered ("ngày 2
# tháng 3 năm 2020": day 2, month 3, year 2020, in Vietnamese).
NUMBERED_MONTH_WORDS = ("tháng",)
# Languages that write a date year first with the month's name ("2020. március 2.",
# Hungarian; "2020 m. kovo 2 d.", Lithuanian), and the marks after the year and the day.
YEAR_FIRST_NAMED = {"hu": (".", "."), "lt": ("m.", "d.")}

# URL folders of a site's tag and topic pages ("/tag/budget/", "/thema/haushalt/"): a line of
# links to them under a story is its keywords, not its text. Authors' folders are not here.
TAG_PATH_WORDS = (
    "tag", "tags", "tagged", "hashtag", "topic", "topics", "theme", "themes", "thema", "themen",
    "schlagwort", "schlagworte", "stichwort", "stichworte", "keyword", "keywords", "category",
    "categories", "kategorie", "categorie", "categoria", "categoría", "etiket", "etiketler",
    "etiqueta", "etiquetas", "tema", "temas", "temi", "tematica", "sujet", "sujets", "mot-cle",
    "mots-cles", "onderwerp", "onderwerpen", "trefwoord", "tagi", "teg", "tegi",
    "emne", "aihe", "aiheet", "amne", "label", "labels",
)

# Host name labels that never name the site ("www.", "m.", "de.", "blog."): skipped when the
# site's name is looked for in a page title.
HOST_LABELS_NOT_NAMES = ("www", "m", "de", "en", "blog", "news")

# Time-zone abbreviations and their UTC offsets in minutes (CET's German name is MEZ).
ZONE_ABBREVIATIONS = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "CET": 60, "MEZ": 60, "CEST": 120, "MESZ": 120,
    "EET": 120, "EEST": 180, "MSK": 180, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300,
    "MST": -420, "MDT": -360, "PST": -480, "PDT": -420, "KST": 540, "JST": 540, "AEST": 600,
    "AEDT": 660, "BST": 60,
    "WIB": 420, "WITA": 480, "WIT": 540,  # Indonesia's western, central and eastern time
}

# Country domains sold worldwide as generic names (.io, .tv, .me): they say nothing about
# the country whose date format a page follows.
VANITY_TLDS = frozenset("io co me tv ai fm ly cc ws to gg sh im nu ac gl so vc gd ms mu".split())

# URL path segments of service pages that CMSs name the same in every language.
CMS_SERVICE_PATHS = ("feed", "rss", "sitemap", "wp-login.php", "wp-admin")

# Words of languages without a file of their own yet, by concept. Move them into the
# language's file when one is added (see README, "Adding a language").
UNFILED = {
    # Swedish, Danish, Norwegian, Finnish, Czech, Ukrainian,
    # Romanian, Hungarian, Greek: a consent notice's words, and its accept button's labels
    "consent_terms": (
        "kakor", "samtycke", "personuppgifter", "samtykke", "personoplysninger",
        "personopplysninger", "informasjonskapsler", "evästeet", "evästeitä", "suostumus",
        "henkilötiedot", "souhlas", "osobní údaje", "файли cookie", "згода", "персональні дані",
        "consimțământ", "date personale", "parteneri", "hozzájárulás", "személyes adatok",
        "συγκατάθεση", "προσωπικά δεδομένα",
    ),
    # Swedish, Danish, Norwegian, Czech, Arabic,
    # Vietnamese: an error page's headline
    "not_found_titles": (
        "sidan kunde inte hittas", "sidan hittades inte", "siden blev ikke fundet",
        "siden finnes ikke", "fant ikke siden", "stránka nenalezena", "الصفحة غير موجودة",
        "không tìm thấy trang",
    ),
    "consent_accept_labels": (
        "godkänn", "godkänn alla", "acceptera", "acceptera alla", "jag godkänner",
        "accepter alle", "tillad alle", "godta", "godta alle", "jeg godtar", "hyväksy",
        "hyväksy kaikki", "hyväksyn", "přijmout vše", "souhlasím", "přijmout", "прийняти",
        "погоджуюсь", "accept toate", "sunt de acord", "elfogadom", "összes elfogadása",
        "αποδοχή", "αποδοχή όλων", "συμφωνώ",
    ),
    # Arabic: the bare "next" / "previous" of a site's neighbour-article cards, and "previous /
    # next article"
    "adjacent_article_labels": ("التالي", "السابق", "المقال التالي", "المقال السابق"),
    # Polish, Czech, Slovak; Russian, Ukrainian; Turkish, Swedish; Danish, Norwegian, Finnish,
    # Romanian, Hungarian, Greek, Vietnamese, Arabic, Persian, Hindi, Thai, Hebrew:
    # an ad label alone on its line
    "ad_labels": (
        "reklama", "реклама", "reklam", "annons", "annonce", "annonse", "mainos", "publicitate",
        "hirdetés", "διαφήμιση", "quảng cáo", "إعلان", "تبلیغات", "विज्ञापन", "โฆษณา", "פרסומת",
    ),
    # Swedish, Norwegian, Danish, Icelandic, Polish, Czech, Slovak, Russian, Ukrainian: words
    # of one letter (a drop cap holding one stays a word of its own)
    "one_letter_words": (
        "i", "å", "ö", "ø", "á", "í", "ó", "a", "o", "u", "w", "z", "k", "s", "v", "а", "в",
        "и", "к", "о", "с", "у", "я", "і", "й", "з",
    ),
    # Ukrainian, Swedish, Danish, Norwegian, Finnish,
    # Arabic, Vietnamese, Czech, Romanian, Hungarian, Greek, Hebrew: "follow us (on)"
    "follow_phrases": (
        "стежте за нами", "підписуйтесь на нас", "підписуйтесь на наш", "följ oss", "følg os",
        "følg oss", "seuraa meitä", "تابعونا", "theo dõi chúng tôi", "sledujte nás",
        "urmăriți-ne", "urmăreşte-ne", "kövess minket", "kövessen minket", "ακολουθήστε μας",
        "עקבו אחרינו",
    ),
    # Ukrainian, Swedish, Danish, Norwegian, Finnish, Czech,
    # Romanian, Hungarian: a newsletter pitch ("Підпишіться на нашу розсилку")
    "newsletter_words": (
        "розсилку", "розсилка", "nyhetsbrev", "nyhetsbrevet", "nyhedsbrev", "nyhedsbrevet",
        "uutiskirje", "uutiskirjeen", "newsletteru", "buletinul", "hírlevél", "hírlevelünkre",
    ),
    "pitch_verbs": (
        "підпишіться", "підписуйтесь", "prenumerera", "tilmeld dig", "tilmeld", "abonner",
        "meld deg på", "tilaa", "přihlaste se", "odebírejte", "abonează-te", "iratkozzon fel",
        "iratkozz fel",
    ),
    "pitch_address": ("vårt", "ditt", "vores", "din", "meidän", "náš", "našeho", "nostru"),
    # Russian, Ukrainian, Swedish, Danish, Norwegian, Finnish, Czech,
    # Romanian, Hungarian, Greek, Arabic, Persian: a tag line's label
    "tag_labels": (
        "теги", "теґи", "мітки", "taggar", "emneord", "avainsanat", "štítky", "etichete",
        "címkék", "ετικέτες", "الوسوم", "كلمات مفتاحية", "برچسب‌ها", "کلیدواژه‌ها",
    ),
    "time_connectors": ("kl", "kl."),
    # Thai "พ.ศ." (Buddhist Era) and Vietnamese "năm" (year) before a date's year
    "month_year_joiners": ("พ.ศ.", "năm"),
    # Swedish/Norwegian, Danish, Vietnamese, Russian, Arabic ("with the pen of",
    # "wrote") bylines
    "byline_prefixes": ("av", "af", "bởi", "автор", "текст", "بقلم", "كتب", "كتبت"),
    # Croatian, Ukrainian, Hungarian, Romanian "and"
    "author_joiners": ("och", "og", "và", "i", "і", "és", "și"),
    # Ukrainian, Arabic: photo and editing labels in a byline
    "non_author_labels": ("редактор", "تصوير"),
    # Zulu, Russian, Vietnamese, Finnish, Hungarian, Greek,
    # Arabic, Persian, Hebrew, Hindi, Thai "photo" before a credit
    "credit_words": (
        "isithombe", "фото", "ảnh", "kuva", "fotó", "φωτογραφία", "φωτ", "تصوير", "عکس",
        "צילום", "फोटो", "ภาพ",
    ),
    # Ukrainian, Czech, Swedish, Danish, Norwegian,
    # Arabic, Persian: the labels of news sites' date lines
    "published_labels": (
        "опубліковано", "publikováno", "zveřejněno", "publicerad", "publiceret", "publisert",
        "تاريخ النشر", "نشر في", "تاریخ انتشار",
    ),
    # Swedish, Norwegian, Danish, Ukrainian, Czech,
    # Vietnamese: the words of a reading-time line ("3 min lästid", "час читання: 4 хв")
    "reading_time_words": (
        "lästid", "min läsning", "lesetid", "min lesing", "læsetid", "час читання",
        "хв читання", "doba čtení", "thời gian đọc", "phút đọc",
    ),
    "modified_labels": (
        "оновлено", "aktualizováno", "uppdaterad", "opdateret", "oppdatert", "آخر تحديث",
        "تم التحديث", "به‌روزرسانی",
    ),
}
