"""Project commands: ``crawl`` with argument checks and a monitoring exit code."""
