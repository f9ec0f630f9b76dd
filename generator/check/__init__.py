"""Check: what is wrong across files (cross-references) and what to improve (lint), and the
report of it all; a kit with errors goes no further."""
