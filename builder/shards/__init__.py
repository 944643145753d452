"""A build split by prefecture: shards made on separate machines, merged into one ``docs_dir``.

``plan`` says which prefectures each shard takes; ``build`` makes a shard's
per-document files and analyses; ``artefact`` is the folder a shard hands
over (written and read only there); ``merge`` combines the artefacts with the
pages that gather documents into exactly what one ``builder build`` makes.
"""
