"""Data access: one function per question, each taking the driver and database name.

Functions return storage records (plain frozen dataclasses), never GraphQL types.
"""
