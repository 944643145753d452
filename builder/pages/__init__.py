"""Generation of the MkDocs ``docs_dir``: one module per kind of page or data file.

``site.generate`` assembles them into a mapping of relative path -> content;
``builder build`` writes that mapping out atomically.
"""
