"""Detection: pure, deterministic rules that propose candidates (core/records.Candidate).

No model and no network: intervals read from quantities, stances and dates, and the
database's own full-text scores handed in by the caller (core/store/detection.py).
"""
