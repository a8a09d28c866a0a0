"""Compliance: whether each side kept its word, period by period (DESIGN §3, §4).

The modules of this package are pure domain: they take a contract and events
and return figures; the store runs the queries and the screens draw them.
"""
