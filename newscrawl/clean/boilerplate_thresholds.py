"""The sizes and shares boilerplate.py decides on. Lengths are in characters of normalized
text; shares are fractions of an element's text."""

from __future__ import annotations

# --- the article's own containers (never removed) ---
PAGE_HOLDER_SHARE = 0.5  # an element holding more of the page's paragraph text holds the story
BODY_HOLDER_SHARE = 0.6  # the same inside the chosen body, where rails are siblings
HOLDER_MIN_PARAGRAPH = 40  # shorter paragraphs do not count towards that share

# --- embedded social posts ---
EMBED_WRAPPER_SLACK = 2  # a wrapper with at most this much text beside the post is unwrapped

# --- newsletter sign-up boxes (a form asking for an e-mail address) ---
SIGNUP_BOX_TEXT = 400  # text beside the form a sign-up box holds at most (title, blurb, terms)
SIGNUP_PARAGRAPH_MAX = 150  # a paragraph this long is running text: the box ends below it

# --- hidden labels (class "hidden", "hideCompletely"...) ---
HIDDEN_LABEL_MAX = 60  # a hidden element with no child and at most this much text goes

# --- rails ("Related articles" + teasers) ---
RAIL_LABEL_MAX = 60  # a heading longer than this is no rail label
TEASER_LINK_SHARE = 0.3  # more of a block's text in links than this: teasers, not story
RAIL_TEXT_FACTOR = 3  # a container with more text than 3 x the label ...
RAIL_TEXT_SLACK = 200  # ... + this, and little link text, holds more than the rail
LINK_LINE_SHARE = 0.8  # a <br>-separated line this much link text is a rail's line

# --- teasers repeated within the page ---
REPEATED_LINK_MIN = 20  # shorter link texts ("More", "Share") are not compared
TEASER_OWN_TEXT_MAX = 30  # an ancestor with more running text of its own is a paragraph
TEASER_TEXT_FACTOR = 3  # a teaser block holds at most 3 x the link's text ...
TEASER_TEXT_SLACK = 300  # ... + this (its summary line)
HEADLINE_MIN_WORDS = 4  # a teaser's link text has at least this many words (a name fewer)

# --- single blocks ---
STANDFIRST_MIN = 80  # a link-free "teaser"-classed paragraph this long is the story's lead
TAG_LINE_MAX = 400  # a line of tag links under a story is shorter than this (characters)
PROMO_MAX = 350  # a newsletter pitch, credit or ad label is shorter than this
CHANNEL_PITCH_MAX = 200  # a pitch for the site's app, social accounts or newsletter, at most
BRAND_MIN = 3  # letters of the site's name in its address that links must carry to name it
META_LINE_MAX = 120  # a date or author microdata line is shorter than this
META_LINE_SHARE = 0.5  # ... and at least this much of it is the date and author pieces
LINE_GLUE_MAX = 15  # text beside classed pieces a byline line may have ("Posted by", " | ")
AUTHOR_LINE_MAX = 120  # a "more from this reporter" line is shorter than this
SHARE_LABEL_MAX = 20  # text besides the share links that a share bar may carry ("Share:")
KICKER_MAX = 40  # the kicker a headline line may carry before the headline
LINK_PARAGRAPH_MIN = 10  # a paragraph (and its link text) this short is not judged
LINK_MIN_WORDS = 2  # a link of fewer words is an address or a name, not a teaser headline
LINK_LABEL_MAX = 40  # characters: a bold label before a teaser link is no longer
HEADLINE_KEY_MIN = 10  # headlines shorter than this are not searched for in the body
HEADLINE_COPY_MAX = 300  # a body block longer than this is not a copy of the headline

# --- lines about the article at its edges (metalines.py) ---
META_EDGE_LINES = 3  # the first and the last this many lines of the story are looked at
META_MIN_LINES = 6  # a story of fewer lines is left alone: its lines may be all it says
READING_TIME_MAX = 40  # a reading-time line is shorter than this
READING_TIME_REST_WORDS = 2  # words besides the number and the reading words ("Min")
DATELINE_MAX = 120  # a dateline is shorter than this
DATELINE_REST_WORDS = 6  # words besides its date and time (label, weekday, place, author)
BYLINE_MAX = 100  # a byline line is shorter than this
BYLINE_NAME_WORDS = 2  # a byline names someone in at least this many words
META_SOURCE_CHARS = 60  # how much of a removed line metadata.sources quotes

# --- author-bio boxes ("Die Autorin" + a few lines) at the end of the story ---
AUTHOR_BIO_MAX = 700  # text after the label a bio box holds at most (name, role, sentences)
AUTHOR_BIO_STORY_MIN = 200  # story text before the label at least (else the page is the bio)

# --- links to the previous / next article ("Next article: <a>title</a>") ---
ADJACENT_BLOCK_MAX = 500  # a block of such links is shorter than this
ADJACENT_TITLE_MAX = 200  # text besides the labels, per label, of a block of cards
ADJACENT_GLUE_MAX = 10  # letters outside the links and labels such a block may have

# --- boxes emptied by the rules above (a heading over teasers that are gone) ---
EMPTIED_LABEL_MAX = 80  # the one line left in the box is at most this long ...
EMPTIED_FACTOR = 3  # ... and the page's box held more than 3 x that line ...
EMPTIED_SLACK = 100  # ... + this

# --- teaser cards (a small box around a heading linking to another page) ---
TEASER_CARD_MAX = 300  # the card's text, as the page has it, is at most this long ...
TEASER_TITLE_LINK_SHARE = 0.4  # ... whose heading is at least this much link text ...
TEASER_CARD_PARAGRAPH = 200  # ... with no paragraph longer than this (running text)
TEASER_ENTRY_MAX = 1000  # a linked heading's block up to this size is one entry of a list
TEASER_CARDS_SHARE = 0.3  # entries holding more of the body's text than this: a list, no cards
