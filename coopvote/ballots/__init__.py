"""Paper ballots: the sealed QR payload, the shared page geometry, printing and (in ``omr*``) reading.

The modules here are pure: plain dataclasses and bytes in, bytes and files out. The meeting record
and service layer decide which serials to print and keep the QR secret.
"""
