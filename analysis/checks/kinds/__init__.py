"""One module per claim kind; each registers its checker with
:func:`analysis.checks.registry.register`.  Every module in this package is
imported when the checkers are first asked for, so adding a kind is adding a file.
"""
