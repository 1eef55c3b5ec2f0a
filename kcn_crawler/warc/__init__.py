"""WARC archiving helpers: record building, rotating files, CDXJ indexes, digest index.

Nothing here imports Scrapy's engine; :mod:`kcn_crawler.extensions.warc` glues these
pieces to a crawl.
"""
