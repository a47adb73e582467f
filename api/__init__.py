"""The claimtrace ASGI application: settings, database access, HTTP concerns."""
