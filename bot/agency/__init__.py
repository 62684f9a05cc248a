"""The agency's own documents and its year-over-year record (issue 16, parts 3 and 4).

plans.py reads last year's plan from a file's text; carry.py offers its measures forward
("ต่อยอด") onto a new draft; trend.py compares two years' scores; scope.py names an agency's
private search scope. Pure: no I/O, no channel, no index (the dialogue and bot.app wire them), but
years.py, the year record's table in the sessions' database (its engine is given, never built).
"""
