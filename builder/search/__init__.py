"""Client-side Chinese search: what is indexed, how it is cut, and the index files.

``normalise`` folds text and queries the same way (the browser repeats it in
``search/fold.js``), ``units`` lists the pieces of text a hit can land on,
``segment`` cuts them into jieba words for ranking, ``index`` writes the
character-bigram index shards and the text chunks the browser verifies
phrases against.
"""
