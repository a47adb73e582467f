"""Data access: one function per question, each taking a Graph (the driver and its database).

Functions return storage records (plain frozen dataclasses), never GraphQL types.
"""
