"""Fetching articles from the web: a polite fetcher, robots.txt, feeds, sitemaps, URL identity.

One module per concern:
- `urls`: the identity of a URL (tracking parameters, http/https, fragments, trailing slashes).
- `fetch`: an httpx client that is polite (per-host concurrency and rate, robots.txt, a user agent
  naming the project) and robust (timeouts, retries with backoff honouring Retry-After, a size
  cap, a content-type check, a redirect limit); it never raises, it returns an outcome.
- `robots`: robots.txt per host, fetched once and cached (the standard library's parser).
- `feeds`, `sitemaps`: article URLs out of RSS/Atom feeds and (news) sitemaps or sitemap indexes.
- `store`: what the crawl remembers beside the warehouse (conditional state per URL, every
  fetch with its status and headers, and the raw bytes of every page fetched).
- `outlets`: the outlets to follow (`sources.toml`).
- `crawl`: discovery and fetching of one run, turning pages into RawDocuments for the ordinary
  stages (decode, clean, extract, stage, merge).

Nothing here imports Prefect: flows/crawl.py is the thin flow over `crawl`.
"""
