"""English."""

from .model import Language, TimeUnit

S, M, H, D, V = TimeUnit.SECOND, TimeUnit.MINUTE, TimeUnit.HOUR, TimeUnit.DAY, TimeUnit.VAGUE

LANGUAGE = Language(
    code="en",
    name="English",
    rail_labels=(
        "hot this week", "topics", "related articles", "related", "related stories",
        "related news", "related posts", "related coverage", "related content", "most read",
        "most popular", "most viewed", "popular", "popular stories", "trending",
        "trending now", "you may also like", "you might also like",
        "you may be interested in", "recommended", "recommended for you", "read more",
        "read next", "more stories", "more news", "more from", "also read", "see also",
        "latest news", "latest stories", "top stories", "editor's picks", "editors' picks",
        "don't miss", "what to read next", "up next", "in other news", "around the web",
        "sponsored", "sponsored content", "tags", "share", "share this",
        "share this article", "leave a reply", "comments", "newsletter",
    ),
    ad_labels=("advert", "advertisement", "advertising", "sponsored"),
    newsletter_words=("newsletter", "newsletters", "inbox", "e-mail updates", "email updates"),
    pitch_verbs=("sign up", "signing up", "subscribe", "register", "delivered", "get", "join"),
    subscribe_calls=("subscribe",),
    staff_credits=(
        "reporting by", "writing by", "editing by", "additional reporting by", "compiled by",
        "edited by", "produced by",
    ),
    follow_phrases=("follow us", "follow him", "follow her", "follow them", "follow me"),
    coverage_leads=("follow", "more"),
    coverage_nouns=("coverage",),
    contact_verbs=("reach", "contact", "email", "e-mail"),
    contact_roles=(
        "reporter", "reporters", "author", "authors", "writer", "writers", "editor", "editors",
    ),
    contact_prepositions=("at", "on"),
    comment_words=("comments",),
    moderation_words=("moderat", "approv"),
    slide_words=("image", "photo", "picture", "slide"),
    slide_of=("of",),
    byline_verbs=("published", "posted", "written"),
    published_by=("by",),
    consent_phrases=(
        "enable javascript", "accept cookies", "accept all cookies", "we value your privacy",
    ),
    paywall_phrases=(
        "subscribe to continue", "subscribe to read", "to continue reading",
        "already a subscriber", "this content is for subscribers",
        "this content is for members", "this article is for subscribers",
        "this article is for members",
    ),
    credit_words=("photo", "photograph", "image", "credit"),
    credit_by=("by",),
    byline_prefixes=("by", "author", "written by", "reported by",),
    author_joiners=("and",),
    published_labels=("published", "posted"),
    modified_labels=(
        "updated", "update", "last modified", "modified", "last edited", "last changed",
        "last revised",
    ),
    registered_labels=("registered", "joined", "member since"),
    time_connectors=("at",),
    ago_after="ago",
    one_words=("a", "an", "one"),
    time_units={
        "second": S, "seconds": S, "sec": S, "secs": S,
        "minute": M, "minutes": M, "min": M, "mins": M,
        "hour": H, "hours": H, "hr": H, "hrs": H, "h": H,
        "day": D, "days": D,
        "week": V, "weeks": V, "month": V, "months": V, "year": V, "years": V,
    },
    day_words={"today": 0, "yesterday": 1},
    months_on_every_page=True,
    ordinal_suffixes=("st", "nd", "rd", "th"),
    day_month_joiners=("of",),
    month_first=True,
    gaps={
        "provided_by": "credits name the source after a credit word (\"Photo: Reuters\")",
        "half_day_words": "a.m./p.m. follow the time; read with the time itself (TIME_AFTER)",
        "month_year_joiners": 'the year follows the month directly ("December 2, 2024")',
        "clock_words": "a.m./p.m. follow the time; read with the time itself (TIME_AFTER)",
    },
)
