"""kcn_crawler: harvest the news of Vietnamese provincial SharePoint e-portals."""

__version__ = "0.1.0"
PROJECT_URL = "https://github.com/kcn-crawler/kcn_crawler"
