"""The corpus model: the one place that knows the corpus file format."""
