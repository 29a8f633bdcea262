"""Notices to a bee about what happened to them or their posts."""
