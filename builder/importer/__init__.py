"""Import raw seed files into canonical corpus documents.

``layout`` cuts a raw file into the spans of its documents and names the
boilerplate around them; ``paragraphs`` restores paragraph breaks;
``headings`` recovers the heading structure; ``tables`` rebuilds the plan
outline's indicator tables; ``masthead`` reads title, meeting and speaker;
``pipeline`` puts these together into corpus documents.
"""
