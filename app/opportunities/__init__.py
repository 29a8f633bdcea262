"""Opportunities recruiters and editors post, and the pitches and applications bees send."""
