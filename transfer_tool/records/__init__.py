"""The record the tool keeps of itself: the hash-chained audit log, the drift check of data changed outside the tool, and backups."""
