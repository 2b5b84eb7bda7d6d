"""Distributed crawling on Redis: several `scrapy crawl article` workers, on one machine or
many, share one frontier (scrapy-redis scheduler and duplicate filter) on a Redis server.

Switched on by a setting: `-s NEWSCRAWL_REDIS_URL=redis://host:6379/0`. Without it nothing
in this package that imports `redis` or `scrapy_redis` is loaded (see `addon.py`).

    addon.py       turns the setting into scheduler, dupefilter, middlewares, pipeline
    keys.py        the Redis key names of one crawl, worker ids, the connection
    link.py        a worker's Redis calls in a thread, in order; pause and give up
    frontier.py    per-host queues with leases and host turns (Lua): push, pop, ack, reclaim
    gate.py        per-host concurrency, delay and AutoThrottle for the whole cluster
    robots.py      robots.txt once per host per run, its verdict shared in Redis
    scheduler.py   the scheduler: a local buffer fed through the link, leases
    dupefilter.py  scrapy-redis RFPDupeFilter with Scrapy's request fingerprints
    leases.py      spider/downloader middleware telling the scheduler a request is done
    worker.py      heartbeat, reclaiming dead workers' requests, idle timeout, stop flag
    templates.py   learned site templates exchanged between workers during the run
    listed.py      dates sitemaps and feeds list for articles, shared by the workers
    claims.py      pipeline: one worker emits each article (atomic claims)
    parts.py       each worker appends its items to its own JSON Lines part
    merge.py       one run's parts -> one feed and Markdown archive, each article once
    commands.py    `newscrawl redis seed|status|stop|merge`
"""
