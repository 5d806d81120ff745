"""What the build writes: the pages into `docs/` (only those that changed) and the search index.

The PDFs and their cache are `generator.print`; the quality gates on a built site,
`generator.quality`.
"""
