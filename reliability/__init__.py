"""Reliability and secrecy trials for coopvote: crash (kill) trials, fault trials, fuzzing and the
sample meetings they use. Test and measurement code, kept outside the shipped package; the report is
written by ``python -m reliability.report`` (``make reliability``) to docs/reliability.md."""
