"""claimtrace: claims and where they come from, stored in Neo4j, served over GraphQL.

The installed package gathers the project's top-level folders under one name:

    claimtrace.core      vocabulary, records, validation, write plans, Cypher access
    claimtrace.loaders   reading data folders and loading them (uses core)
    claimtrace.schema    the GraphQL types and resolvers (uses core)
    claimtrace.api       the ASGI application (uses schema and core)

Dependencies point one way: api -> schema -> core <- loaders. The package also
carries the Cypher queries, the schema migrations and the seed corpus as data.
"""

__version__ = "0.2.0"
