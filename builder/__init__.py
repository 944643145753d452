"""Builder of the annotated public edition of Shanxi local government reports.

Data flows one way: ``import`` (raw seeds -> corpus/) -> ``corpus`` (the typed
model of the human-edited source) -> pages -> site.
"""

__version__ = "0.1.0"
