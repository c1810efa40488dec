"""cxprior: turn a scattered CX backlog into a focused, costed portfolio tied to strategy.

This package is the domain: it never imports streamlit. The app (`app.py`, `views/`) and
the command line (`python -m cxprior`) both call the same functions.
"""

__version__ = "0.1.0"
