"""What a published plan never prints (issue 12 "Done when"), besides other agencies' names.

One list for the tests and benchmarks/pages.py: confidence labels, file names, internal words.
"""

MARKERS = (
    "SINGLE",
    "NOT_CONFIRMED",
    "CORROBORATED",
    "ความเชื่อมั่น",
    "โค้ด",
    ".yaml",
    ".md",
    "seed",
    "ฐานความรู้ของระบบ",
    "กรุณา",
)
