"""Egg build for ``scrapyd-deploy`` (pip installs from pyproject.toml)."""

from setuptools import find_packages, setup

setup(
    name="kcn_crawler",
    packages=find_packages(include=["kcn_crawler*"]),
    entry_points={"scrapy": ["settings = kcn_crawler.settings"]},
)
