"""Scrapy settings of newscrawl. Alphabetical; units in comments.

Polite by default: robots.txt obeyed, AutoThrottle on, few requests per domain.
"""

ADDONS = {
    # With NEWSCRAWL_REDIS_URL set, the crawl is a worker of a distributed crawl; else no-op.
    "newscrawl.distributed.addon.DistributedAddon": 0,
    # With NEWSCRAWL_REPLAY_DIR set, an offline crawl: no politeness delays; else no-op.
    "newscrawl.replay.OfflineReplay": 10,
}

AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_MAX_DELAY = 30.0  # seconds
AUTOTHROTTLE_START_DELAY = 1.0  # seconds
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0  # parallel requests per remote site, on average

BOT_NAME = "newscrawl"

COMMANDS_MODULE = "newscrawl.commands"  # `scrapy crawl` exits non-zero on an unhealthy run

CONCURRENT_REQUESTS = 32
CONCURRENT_REQUESTS_PER_DOMAIN = 4

DOWNLOADER_MIDDLEWARES = {
    # Refuses hosts that are or resolve to loopback, private, link-local... addresses, and
    # stray file:// URLs, before anything (robots.txt included) is fetched for them.
    "newscrawl.middlewares.network.PrivateNetworkMiddleware": 40,
    # robots.txt per RFC 9309 (5xx or unreachable: disallow the host) and its Crawl-delay.
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newscrawl.middlewares.robotstxt.StrictRobotsTxtMiddleware": 100,
    # Retries with backoff and Retry-After; redirects with loop detection.
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newscrawl.middlewares.retry.BackoffRetryMiddleware": 550,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "newscrawl.middlewares.redirect.LoopAwareRedirectMiddleware": 600,
    # Incremental runs: known articles only when due, with If-None-Match/If-Modified-Since.
    "newscrawl.middlewares.conditional.ConditionalRequestMiddleware": 580,
    # NEWSCRAWL_MAX_PAGES_PER_SITE, after the crawl state skipped what is not due.
    "newscrawl.middlewares.budget.PageBudgetMiddleware": 590,
}

DOWNLOAD_FAIL_ON_DATALOSS = True  # a body shorter than its Content-Length is an error
DOWNLOAD_HANDLERS = {
    # Answers from fixtures when NEWSCRAWL_REPLAY_DIR is set, else from the network.
    "http": "newscrawl.replay.ReplayDownloadHandler",
    "https": "newscrawl.replay.ReplayDownloadHandler",
}
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024  # bytes; Scrapy's default of 1 GiB is no news page
DOWNLOAD_TIMEOUT = 30  # seconds
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024  # bytes

EXTENSIONS = {
    "newscrawl.extensions.collector.GarbageCollection": 400,
    "newscrawl.exporters.markdown_archive.MarkdownArchive": 500,
    "newscrawl.extensions.health.RunHealth": 510,
    # After RunHealth: the run's manifest records its verdict.
    "newscrawl.exporters.run_archive.RunArchive": 520,
}

FEED_EXPORT_ENCODING = "utf-8"  # UTF-8 text, not \u escapes
FEED_EXPORTERS = {  # Scrapy's bytes, each article encoded once for feed and run archive
    "jl": "newscrawl.exporters.jsonlines.JsonLinesExporter",
    "jsonlines": "newscrawl.exporters.jsonlines.JsonLinesExporter",
}
FEED_STORAGES = {"": "newscrawl.exporters.atomic.AtomicFileFeedStorage",
                 "file": "newscrawl.exporters.atomic.AtomicFileFeedStorage"}
FEEDS = {
    # One feed per run, named as its run folder (no run erases another's); -o/-O replace it.
    "output/feeds/%(run_id)s.jsonl": {"format": "jsonlines", "encoding": "utf-8",
                                      "overwrite": True},
}
FEED_URI_PARAMS = "newscrawl.exporters.feed_params.uri_params"  # adds %(run_id)s

ITEM_PIPELINES = {
    "newscrawl.pipelines.extract.ExtractPipeline": 100,
    "newscrawl.pipelines.boilerplate.BoilerplatePipeline": 200,
    "newscrawl.pipelines.templates.TemplatesPipeline": 250,
    "newscrawl.pipelines.captions.CaptionsPipeline": 300,
    "newscrawl.pipelines.dates.DatesPipeline": 400,
    "newscrawl.pipelines.validation.ValidationPipeline": 500,
    "newscrawl.pipelines.dedup.DedupPipeline": 600,
    "newscrawl.pipelines.incremental.IncrementalPipeline": 700,
}

LOG_FORMATTER = "newscrawl.logformatter.NewscrawlLogFormatter"
LOG_LEVEL = "INFO"

NEWSCRAWL_ALLOW_PRIVATE_NETWORKS: list[str] = []  # CIDRs and host names fetchable though private
NEWSCRAWL_ARCHIVE_DIR = "output/archive"  # per-article Markdown archive; empty to switch off
# Cleaning worker processes: 0 cleans in the crawl process; "auto": one a core (at most 4),
# started once the crawl process is CPU-busy (pipelines/extract.py), none on one core.
NEWSCRAWL_CLEANING_PROCESSES = "auto"
NEWSCRAWL_GC_THRESHOLD = 50000  # allocations between garbage collections (0: Python's default)
NEWSCRAWL_INCREMENTAL = True  # emit only new and changed articles (state: NEWSCRAWL_STATE_PATH)
NEWSCRAWL_MAX_AGE_DAYS = 0  # days; skip sitemap/feed entries published earlier (0: no window)
NEWSCRAWL_MAX_ERROR_RATE = 0.2  # share of failed fetches above which a run is unhealthy
NEWSCRAWL_MAX_LINK_DEPTH = 2  # listing hops followed from a start page (home > section > next)
NEWSCRAWL_MAX_PAGES_PER_SITE = 10000  # pages fetched per site (host) and run; 0: no budget
NEWSCRAWL_REDIS_IDLE_TIMEOUT = 60.0  # seconds of empty shared frontier before a worker stops
NEWSCRAWL_REDIS_LEASE = 30.0  # seconds without heartbeat before a worker's leases are reclaimed
NEWSCRAWL_REDIS_OUTAGE = 120.0  # seconds a worker waits for an unreachable Redis, then exits 1
NEWSCRAWL_REDIS_PREFIX = "newscrawl"  # Redis key prefix; keys are <prefix>:<spider>:...
NEWSCRAWL_REDIS_RUNS_DIR = "output/distributed"  # worker parts: <dir>/<run>/{parts,warc}/<worker>.*
NEWSCRAWL_REDIS_TIMEOUT = 5.0  # seconds one Redis call may take before it counts as failed
NEWSCRAWL_REDIS_URL = None  # redis://host:6379/0: a distributed crawl (scrapy-redis); None: off
NEWSCRAWL_REPLAY_DIR = None  # a fixture folder to crawl offline, e.g. fixtures/seoulpost
NEWSCRAWL_RETRY_AFTER_MAX = 120.0  # seconds; a longer Retry-After gives the URL up
NEWSCRAWL_RETRY_BACKOFF_BASE = 1.0  # seconds before the first retry, doubled per retry
NEWSCRAWL_RETRY_BACKOFF_MAX = 30.0  # seconds, the longest backoff between retries
NEWSCRAWL_REVISIT_SCHEDULE = "1h:1d,1d:7d"  # INTERVAL:UNTIL-AGE steps; then never revisited
NEWSCRAWL_ROBOTS_CACHE_TTL = 86400.0  # seconds a distributed crawl reuses a host's robots.txt
NEWSCRAWL_ROBOTS_MAX_CRAWL_DELAY = 60.0  # seconds; a longer robots.txt Crawl-delay is capped
NEWSCRAWL_RUN_ID = None  # names the run folder; default: start time (UTC) + random suffix
NEWSCRAWL_RUNS_DIR = "output/runs"  # per-run items, WARC and manifest; empty to switch off
NEWSCRAWL_STATE_BACKEND = "newscrawl.state.sqlite.SqliteCrawlState"  # a CrawlState class
NEWSCRAWL_STATE_PATH = "output/state.sqlite3"  # crawl state kept between runs (SQLite file)
NEWSCRAWL_TEMPLATE_LEARNING = True  # learn and drop blocks that recur across a site's articles
NEWSCRAWL_TEMPLATE_MIN_PAGES = 3  # articles a block must appear in to count as template
NEWSCRAWL_TEMPLATE_SYNC_INTERVAL = 60.0  # seconds between template exchanges of workers
NEWSCRAWL_TEMPLATE_SYNC_ITEMS = 100  # ... or after this many articles of a worker
NEWSCRAWL_WORKER_ID = None  # names a distributed worker's outputs; default: <hostname>-<pid>

REDIRECT_MAX_TIMES = 5

RETRY_TIMES = 2  # retries after the first attempt (429, 5xx, timeouts, dropped connections)

# Scrapy's remote-control extension runs Python sent to a local HTTP server: off, like telnet.
REMOTE_CONTROL_ENABLED = False

REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"

ROBOTSTXT_OBEY = True

# Scrapy's, except that a host's pages wait while one of its sitemaps, feeds or start points
# is read (the dates they list reach the articles). A distributed crawl has its own (same rule).
SCHEDULER = "newscrawl.scheduler.DiscoveryFirstScheduler"
# Waiting requests packed to ~0.3 KB each instead of ~1.5 KB objects (newscrawl/queues.py).
SCHEDULER_MEMORY_QUEUE = "newscrawl.queues.CompactLifoMemoryQueue"

SPIDER_MIDDLEWARES = {
    # Incremental runs: archived articles due for a revisit, after the start points.
    "newscrawl.middlewares.revisit.RevisitMiddleware": 900,
}
SPIDER_MODULES = ["newscrawl.spiders"]
NEWSPIDER_MODULE = "newscrawl.spiders"

TELNETCONSOLE_ENABLED = False  # a local Python console into the crawl: off

# The private-network guard resolves names, checks every address and hands out only those.
TWISTED_DNS_RESOLVER = "newscrawl.resolver.GuardedResolver"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

USER_AGENT = "newscrawl/0.1 (news archive crawler; set USER_AGENT to name your contact)"
