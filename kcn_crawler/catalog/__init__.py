"""The catalog of harvested articles and crawl runs, and what reads it.

``store.Catalog`` is the SQLite file; ``runtime`` shares it between the
components of one crawl; ``checks`` and ``report_html`` are the pure parts of
the monitor and the report extensions.
"""

from kcn_crawler.catalog.schema import CatalogError
from kcn_crawler.catalog.store import Catalog, content_hash

__all__ = ["Catalog", "CatalogError", "content_hash"]
