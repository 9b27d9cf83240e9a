"""Static site generator for the bilingual catalogue of good practices in immigrant integration.

The build runs in stages, each a plain function: load (files to typed objects) → validate
(objects to problems) → render (objects to strings, no disk) → write (strings to a new
output directory, swapped in atomically) → index (Pagefind).
"""
