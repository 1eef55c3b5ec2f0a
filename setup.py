"""Egg build for ``scrapyd-deploy``; everything it needs is in pyproject.toml."""

from setuptools import setup

setup()
