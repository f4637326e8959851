"""Interviewing: sets for a posting, packets and written screens, their scoring, and batch grading."""
