"""Chinese-text handling: character classes and typographic normalisation."""
