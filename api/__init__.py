"""The ASGI application: the lifespan that opens the driver, HTTP limits, tokens,
error masking and health checks around the GraphQL schema."""
