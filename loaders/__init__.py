"""Reading data folders, checking them as a whole and loading them: ``claimtrace-load``."""
