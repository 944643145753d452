"""The glossary of numbered slogans: finding candidates and occurrences in the corpus.

The entries themselves (their file format) are ``builder.corpus.glossary``;
this package reads the documents with them: ``candidates`` lists the quoted
numbered phrases a contributor should explain, ``occurrences`` finds every
place a term is used, for links, term pages and ``builder diff``.
"""
