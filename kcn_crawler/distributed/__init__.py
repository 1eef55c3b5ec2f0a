"""Distributed crawls on scrapy-redis (``KCN_REDIS_URL``): stateless workers, one collector.

* workers (``scrapy crawl news ... -s KCN_REDIS_URL=redis://...``) share, per
  site, a Redis frontier and seen-set (scrapy-redis's scheduler and dupefilter,
  requests stored as JSON by :mod:`.serializer`), a per-host limiter
  (:mod:`.limiter`), leases on popped requests (:mod:`.queue`, :mod:`.scheduler`),
  acknowledged once what a page led to is in Redis (:mod:`.ledger`), and push
  their items and stats to Redis (:mod:`.pipeline`);
* one collector (``scrapy collect news ...``, :mod:`kcn_crawler.collector`)
  reads the items and runs the project's pipelines, feeds, catalog, monitor and
  report exactly once.

Keys live under ``<KCN_REDIS_PREFIX>:<spider>:<host>`` (:mod:`.keys`).
"""
