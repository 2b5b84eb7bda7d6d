"""What site chrome looks like around links: the words, class names and URL parts that the
link classifier (`links.py`) reads, per concept, with the weights and thresholds it uses.
Class names, roles and URL shapes are written here; the words of each language are in the
lexicon (`newscrawl/clean/lexicon/<lang>.py`)."""

from __future__ import annotations

import re

from ..clean.lexicon import words
from ..clean.lexicon.common import CMS_SERVICE_PATHS
from ..clean.lexicon.patterns import alternation

# -- where a link sits: class / id tokens of its ancestors -------------------------------------

NAV_TOKENS = frozenset({
    "nav", "navbar", "navigation", "menu", "megamenu", "mega-menu", "submenu", "subnav",
    "breadcrumb", "breadcrumbs", "topbar", "top-bar", "masthead", "header", "site-header",
    "sections", "section-nav", "drawer", "hamburger", "offcanvas", "skip", "skiplinks",
})
FOOTER_TOKENS = frozenset({"footer", "site-footer", "colophon", "legal", "copyright", "imprint"})
PAGINATION_TOKENS = frozenset({"pagination", "pager", "paging", "page-numbers", "pagenav",
                               "page-nav", "nav-links", "load-more", "loadmore"})
TAG_TOKENS = frozenset({"tags", "tag", "taglist", "tag-list", "tagcloud", "tag-cloud",
                        "keywords", "post-tags", "entry-tags", "labels"})
AUTHOR_TOKENS = frozenset({"byline", "author", "authors", "contributor", "contributors",
                           "author-name", "post-author", "entry-author", "meta-author"})
SOCIAL_TOKENS = frozenset({"share", "sharing", "social", "follow", "sharebar", "share-bar",
                           "social-links", "socials"})
RAIL_TOKENS = frozenset({"sidebar", "side-bar", "rail", "aside", "widget", "widgets",
                         "most-read", "mostread", "popular", "trending"})
MAIN_TOKENS = frozenset({
    "main", "content", "main-content", "stories", "story", "river", "feed", "list", "grid",
    "cards", "card", "teaser", "teasers", "headline", "headlines", "post", "posts", "entry",
    "entries", "articles", "article", "latest", "news", "top-stories", "lead", "tile", "tiles",
})
# A card: the small container of one story (headline, picture, summary) in a listing.
CARD_TOKENS = frozenset({"card", "teaser", "story", "post", "entry", "item", "tile",
                         "article", "headline", "media", "promo"})

NAV_ROLES = frozenset({"navigation", "banner", "menu", "menubar", "search"})
FOOTER_ROLES = frozenset({"contentinfo"})
RAIL_ROLES = frozenset({"complementary"})
MAIN_ROLES = frozenset({"main", "feed", "list"})

# -- what a link says -----------------------------------------------------------------------------

# The language words (anchor texts, URL path words) live in the lexicon, one file per
# language (clean/lexicon, concepts service_link_texts, next_page_texts, service_path_words,
# taxonomy_path_words); the matchers are built here from all languages at once, since a
# link's language is not known before its page is read.

# Anchor texts (whole text) of legal, account and service links: never followed.
SERVICE_TEXT = re.compile(r"^(?:" + alternation(words("service_link_texts")) + r")$", re.I)
# "Next page" links of a listing's pagination.
NEXT_TEXT = re.compile(
    r"^(?:" + alternation(words("next_page_texts")) + r")\s*[›»→>]*$|^[›»→>]$", re.I)
# URL path segments of service pages, taxonomies and authors.
SERVICE_PATH = re.compile(
    r"/(?:" + alternation((*words("service_path_words"), *CMS_SERVICE_PATHS))
    + r")(?:[/.?#]|$)", re.I)
TAXONOMY_PATH = re.compile(r"/(?:" + alternation(words("taxonomy_path_words")) + r")/", re.I)
# Sitemaps of tag, category and author pages (WordPress/Yoast: post_tag-sitemap.xml,
# category-sitemap.xml, author-sitemap.xml; others: sitemap-tags.xml).
TAXONOMY_SITEMAP = re.compile(
    r"(?:tag|categor(?:y|ies)|authors?|topics?|keywords?)[-_]?sitemap[^/]*$|"
    r"sitemap[-_]?(?:tags?|categor(?:y|ies)|authors?|topics?|keywords?)(?:[-_.][^/]*)?$",
    re.I,
)
PAGINATION_PATH = re.compile(r"(?:[?&](?:page|p|pg|seite|pagina)=\d+|/page/\d+/?$)", re.I)
ASSET_PATH = re.compile(
    r"\.(?:jpe?g|png|gif|webp|avif|svg|ico|pdf|zip|gz|mp[34]|m4a|mov|avi|webm|css|js|json|"
    r"xml|rss|atom|txt|docx?|xlsx?|pptx?|epub)$",
    re.I,
)
# The URL shapes of articles on sites without a profile: a date path, a long numeric id, a
# long slug, articleview / story / article folders (strong); a slug of three words, a page
# file with a slug or an id, or a numeric id segment (weak).
ARTICLE_PATH = re.compile(
    r"/(?:19|20)\d{2}/\d{1,2}/|/\d{5,}|[a-z0-9]+(?:-[a-z0-9]+){3,}|articleview|/story/|"
    r"/article/",
    re.I,
)
ARTICLE_PATH_WEAK = re.compile(
    r"[a-z0-9]+(?:[-_][a-z0-9]+){2,}|/[^/]*\d[^/]*\.s?html?$|/[a-z0-9-]+\.s?html?$|/\d{3,}/?$",
    re.I,
)
# A section front: one short path segment (/culture, /world-news), or two single words
# (/news/world); a hyphenated second segment is a story's slug (/sport/derby-day).
SECTION_PATH = re.compile(r"^/(?:[a-z]+(?:-[a-z]+)?|[a-z]+/[a-z]+)/?$", re.I)

# -- weights and thresholds --------------------------------------------------------------------

W_HEADLINE_TEXT = 2.0  # anchor text reads like a headline
W_HEADING = 2.0  # the link is, or holds, an <h1>-<h6>
W_CARD = 1.0  # inside a story card or a list item
W_MAIN = 1.0  # inside the main column (main, role=main, content containers)
W_URL_STRONG = 2.0  # an article-shaped URL
W_URL_WEAK = 1.0  # a URL with some article shape
W_BOOKMARK = 3.0  # rel="bookmark": the CMS says it is a post's permalink
P_RAIL = 1.0  # sidebars and "most read" rails: stories, but of other pages
P_SECTION_URL = 2.0  # a URL shaped like a section front
ARTICLE_MIN_SCORE = 3.0  # at least this: request as an article
CHROME_ARTICLE_MIN_SCORE = 5.0  # in a header or menu, only a very article-like link

HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_WORDS = 40
HEADLINE_MIN_CHARS = 20
HEADLINE_MIN_CJK_CHARS = 8  # Chinese, Japanese and Korean headlines have few spaces
SECTION_MAX_WORDS = 4  # a menu entry naming a section
MAX_ANCESTORS = 60  # how far up a link's containers are read
MAX_LISTING_LINKS_PER_PAGE = 40  # section/pagination links followed from one page
