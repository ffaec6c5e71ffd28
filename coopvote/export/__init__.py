"""The meeting's record leaving the app: the exported archive, its verification, and backups."""
