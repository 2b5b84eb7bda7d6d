"""Downloader middlewares, one per module: private-network guard, robots.txt (strict),
retry with backoff and Retry-After, redirects with loop detection."""
