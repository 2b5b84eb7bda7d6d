"""The sizes, counts and shares pagetype.py and verdict.py decide on. Lengths are in
characters of normalized text; shares are fractions of an element's text."""

from __future__ import annotations

# --- what a headline looks like ---
HEADLINE_WORDS = 3  # a teaser's or a story's headline has at least this many words ...
HEADLINE_CHARS = 15  # ... and characters ("Politik", "World" are section names)
HEADLINE_CJK_CHARS = 8  # or this many CJK characters (written without spaces)
TITLE_WORDS = 2  # a heading that repeats the page's title may be this short ("Einsatz")
TITLE_ELEMENT_DEPTH = 3  # the title shown as text: its element is this close to the text

# --- teasers and their cards ---
LINKED_HEADING_SHARE = 0.5  # a heading with this much link text to another page is a teaser
INLINE_CONTEXT = 40  # a headline link with more text than this around it is in a sentence
CARD_EXTRA = 400  # a teaser card holds at most the link's text + this (summary, date)
LEAD_EXTRA = 1500  # a linked heading's card may hold a long lead (a home page's top story)
CARD_TEXT_BEFORE = 100  # running text before a teaser means the block is the story around it
BODY_MATCH_CHARS = 40  # a body paragraph is found in the page by its opening characters

# --- listings ---
LISTING_TEASERS = 5  # this many teasers of other pages make a page a possible listing
STORY_MIN = 300  # a body with less text of its own than this, and more teaser text, is a teaser
BODY_TEASER_MIN_TEASERS = 2  # ... on a page with this many teasers (one: a blog's only post)
ANONYMOUS_STORY_MIN = 1000  # without a headline or Article type, a story has at least this
LINK_DENSE_SHARE = 0.5  # a body with more link text than this is a link list

# --- short and empty pages ---
MIN_BODY_CHARS = 200  # below this, a page with no article metadata is not an article

# --- error pages served as pages ("soft 404s") ---
ERROR_PAGE_MAX_CHARS = 1500  # an error page says little; a story this long keeps its verdict
ERROR_TITLE_MAX_CHARS = 120  # a heading or title longer than this is no error page's
ERROR_TITLE_OTHER_WORDS = 2  # words beside the not-found phrase in its title segment ("Oops!")

# --- interstitials ---
MAX_INTERSTITIAL_CHARS = 1500  # a body (or page paragraphs beside a wall) this long: a story
STORY_PARAGRAPH_MIN = 80  # paragraphs shorter than this do not count towards that
STORY_PARAGRAPHS_PAST_PROMO = 2  # story paragraphs after a subscribe promo: the story goes on
CONSENT_TITLE_MAX = 80  # a heading naming a consent wall is short
CONSENT_MAX_CHARS = 5000  # a consent notice is shorter than this
CONSENT_MIN_TERMS = 4  # fewer consent-notice words than this never make a wall
CONSENT_TERMS_PER_1000 = 5.0  # under a consent title: this many notice words per 1,000 chars
CONSENT_TERMS_ALONE_PER_1000 = 8.0  # without one: only a notice is this dense (articles < 3)
CONSENT_ACCEPT_MAX = 60  # an accept control's label is short (characters)
CONSENT_BOX_LEVELS = 4  # an accept control and the notice's text share a box this many levels up
CONSENT_BOX_MAX_CHARS = 20000  # a box with more text than this is no notice's (characters)
CONSENT_OPENING_CHARS = 40  # the body's first paragraph this long identifies its box (characters)
