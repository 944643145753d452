"""The edition against its sources: folded raw spans, alignment, editorial changes."""
