"""Writes of the meetings app, one module per part of the domain. Views, the admin and the demo
loader call these; nothing else writes meetings' rows."""
