"""How much each piece of date evidence weighs, and the thresholds the judge decides on.

Weights sit on one ordered scale (`Strength`). The judge sums, per day, the strongest
candidate of each source family (structured metadata counting once) and names the day
with the highest sum when it reaches DECISIVE_TOTAL with a lead of DECISIVE_MARGIN: so one
TRUSTED statement or better decides alone, weaker ones need company. Distances are in
characters of visible text, counted from the headline.
"""

from __future__ import annotations

from datetime import timedelta
from enum import IntEnum


class Strength(IntEnum):
    """How far one statement of a date is trusted, weakest to strongest."""

    PROSE = 2  # a date in running text, far from the headline
    DOUBTFUL = 3  # a later byline date, a date inside a sentence, htmldate's cautious guess
    WEAK = 4  # a byline date a screen below the headline; a generic "date" meta tag
    MODERATE = 5  # a day worked out from the fetch time; a labelled date in a side box
    TRUSTED = 6  # enough alone to name the day: a labelled publication date, the sitemap
    STRONG = 7  # the URL's date, a <time> of the publication, most publication meta tags
    STANDARD = 8  # JSON-LD datePublished, article:published_time: what the CMS states
    BYLINE = 9  # a date in the byline right by the headline: what the reader is shown


# --- judge: the thresholds on a day's summed evidence ---
DECISIVE_TOTAL = 5  # a day needs this much evidence to be named
DECISIVE_MARGIN = 1  # and this lead over the next day
FAIR_TOTAL = 4  # evidence htmldate's extensive guess may not contradict
STRUCT_AGREEMENT = 3  # added to a day two structured sources (JSON-LD, <meta>, microdata) state
VISIBLE_MAX_TEXTS = 400  # visible snippets searched for htmldate's lone answer
GUESSED_ORDER_FACTOR = 0.5  # a DD/MM vs MM/DD order guessed without evidence halves a weight
SITEMAP_SLACK = timedelta(days=1)  # a publication after the sitemap listed the page, by more
URL_SLACK = timedelta(days=1)  # a publication after the URL's date, by more: a republication

# --- machine-readable sources (sources.py) ---
JSONLD_PUBLISHED = Strength.STANDARD  # datePublished, uploadDate, dateModified
JSONLD_CREATED = Strength.STRONG  # dateCreated: often the draft's day
URL_DATE = Strength.STRONG  # /2024/12/02/ in the path
SITEMAP_DATE = Strength.TRUSTED  # a news sitemap or feed entry

# --- visible dates (body.py) ---
MACHINE_PUBLISHED = Strength.STRONG  # <time>/itemprop saying "published", near the headline
MACHINE_EITHER = Strength.TRUSTED  # <time>/itemprop not saying which date
MACHINE_FAR_PENALTY = 3  # taken off a machine-readable date far from the headline
MACHINE_NO_HEADLINE = Strength.TRUSTED  # a published itemprop on a page without a headline
BYLINE_NEAR = Strength.BYLINE  # a date within BYLINE_NEAR_CHARS of the headline
BYLINE_FAR = Strength.WEAK  # a date within MACHINE_NEAR_CHARS of the headline
LABELLED_PUBLISHED = Strength.TRUSTED  # "Veröffentlicht am ...", wherever it stands
BOXED_LABELLED = Strength.MODERATE  # a labelled date in a sidebar-dressed info box
LAST_CHANGE = Strength.MODERATE  # "last edited on ..." in a footer (only-modified pages)
PROSE_DATE = Strength.PROSE  # the first date in running text below the byline region
IN_SENTENCE_CAP = Strength.DOUBTFUL  # a byline-region date inside a sentence
INFERRED_CAP = Strength.MODERATE  # a day worked out from the fetch time never weighs more
LATER_DATE_STEP = 1  # each later date in one snippet weighs this much less than the first
LATER_BYLINE_STEP = 2  # each later byline day weighs this much less than the closest one
BYLINE_FLOOR = Strength.DOUBTFUL  # ... but never less than this
POST_LIST_CAP = Strength.DOUBTFUL  # bylines around a headline that name many days: a list
POST_LIST_DAYS = 4  # this many different byline days make a list of posts

BYLINE_NEAR_CHARS = 400  # below the headline: the byline region
MACHINE_NEAR_CHARS = 1500  # below the headline: still the article's head
PROSE_MAX_CHARS = 20000  # below the headline: a prose date further down is not read
ABOVE_INSIDE_CHARS = 800  # above the headline, inside its article: a kicker or dateline
ABOVE_OUTSIDE_CHARS = 250  # above the headline, outside its article: else the site header
ABOVE_OUTSIDE_FACTOR = 4  # a distance above the headline outside its article counts 4 times
WEAK_CHROME_NEAR_CHARS = 300  # right below the headline a "nav"/"footer" class is a byline's
THREAD_BELOW_CHARS = 400  # below the headline: a comment-classed block nearer is the byline's

# --- text sizes (body.py) ---
LABEL_WINDOW = 40  # characters before a date searched for its label
MACHINE_TEXT_MAX = 120  # a <time>'s text longer than this is not a date
BYLINE_TEXT = (6, 150)  # a date-classed element's text length that can be a dated byline
SHORT_TEXT = 40  # a date-classed element this short may hold a relative or year-less date
RELATIVE_TEXT_MAX = 60  # only texts this short are read for relative and year-less dates
TEXT_NODE_MAX = 2000  # a text node is read up to this many characters
EXCLUDED_TEXT_MAX = 300  # chrome texts longer than this are not searched for excluded days
EXCLUDED_MAX_DAYS = 200  # at most this many excluded days are kept
ORDER_SAMPLE_HITS = 500  # hits read to learn the site's day-month order
BOXED_MAX = 3  # labelled dates in side boxes, beyond which they are a teaser list
DATES_PER_SNIPPET = 3  # dates read from one snippet
RAW_SNIPPET = 60  # characters of text kept as a visible date's raw value
PROSE_WORDS = 8  # more words than this around a date: it stands in a sentence
DATELINE_HEAD_CHARS = 100  # a wire dateline ("LONDON, March 14 (Reuters) -") within these
DATELINE_LEAD = (25, 3)  # characters, words before a date that still make a dateline

# --- lists of dated teasers (body.py): several items, each a link and a date ---
LISTING_MIN_ITEMS = 3  # items of one tag under one parent, each with a link and a date
LISTING_DEPTH = 5  # levels from a date up to its list item (li > div > p > span)
LISTING_ITEM_MAX_CHARS = 400  # a teaser's text (title, date, a line of summary); more: prose
LISTING_DATE_MAX_CHARS = 80  # a teaser's date text; a longer one is a sentence
RAIL_LABEL_MAX_CHARS = 60  # a rail label ("More stories", "Lesen Sie auch"); longer: a title
RAIL_PROSE_CHARS = 300  # a text outside links this long is the story's prose, not a teaser's
RAIL_TITLE_WORDS = 4  # a link this many words long is a story's title (a name is shorter)
RAIL_TITLE_CJK_CHARS = 8  # ... or this many characters of a script written without spaces
