"""spiders package."""
