"""Spiders: navigation only (news channels, date archive, both)."""
