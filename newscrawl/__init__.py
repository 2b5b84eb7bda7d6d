"""newscrawl: crawl news sites into clean articles with trustworthy metadata."""

__version__ = "0.1.0"


def extract_article(html, url, **context):
    """Clean one article page: `html` (bytes or str) fetched from `url` -> item dict.

    The very code path the crawl's pipelines run; see `newscrawl.clean.article`.
    """
    from .clean.article import extract_article as _extract

    return _extract(html, url, **context)


__all__ = ["extract_article", "__version__"]
