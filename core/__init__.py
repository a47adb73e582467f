"""The domain core: the vocabulary, the records, every validation rule, the write
plans and all Cypher access. The loaders and the GraphQL schema both use it; it
imports neither of them, nor the app."""
