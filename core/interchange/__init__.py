"""Interchange with the standards other tools speak: W3C PROV, W3C Web Annotations,
schema.org ClaimReview and AIF.

Every function here is pure: it turns read records (core/store/records.py) into a
document, or a published document into raw records for core/validation.py. Nothing
here reads the database or knows about HTTP.
"""
