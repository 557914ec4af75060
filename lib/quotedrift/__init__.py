"""quotedrift: how news outlets report the same statements.

Data flows one way: corpus → quotations → alignment → scores → figures. ``analyze(path)`` runs it all.
"""

from .analysis import Analysis, analyze
from .corpus import Corpus, CorpusError, load_corpus
from .paths import PROJECT_ROOT, SEEDS

__all__ = ["Analysis", "Corpus", "CorpusError", "PROJECT_ROOT", "SEEDS", "analyze", "load_corpus"]
__version__ = "0.1.0"
