"""Use cases. Each takes the session, adds and flushes; the view or CLI command commits once."""
