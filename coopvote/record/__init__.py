"""The meeting record: SQLAlchemy models, opening and migrating meeting files, and the audit chain.

A meeting is one SQLite file (``.coopvote``) opened like a document; the same models run on
PostgreSQL so that several teller stations can share one meeting. Only standard SQL is used.
"""
