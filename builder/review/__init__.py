"""What a change to the corpus does to readers: the reviewer's summary of ``builder diff``."""
