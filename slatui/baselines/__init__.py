"""Baselines: what the pilot measured for each commitment, and the targets it supports."""
