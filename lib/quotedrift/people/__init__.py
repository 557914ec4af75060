"""People: names and their schemes, same-person tests, resolution within an article, canonical names.

``names`` finds personal names and compares spellings; ``titles`` reads the title printed with a name;
``resolve`` turns each quotation's mention into a speaker within its article; ``officials`` resolves unnamed
officials; ``canonical`` gives one spelling per person across the corpus.
"""
