"""The import of the register of schools from Get Information About Schools (GIAS).

The modules follow the path of the data: `csv_files` decodes a CSV as GIAS
publishes it; `establishments` reads the establishment and links files into
plain rows; `selection` says which establishments the register takes and why
the others are left out; `named_schools` finds the URNs the area's entries
name; `register` merges what was read into the register; `register_text`
lays the register out as a file, keeping the comments staff wrote; `command`
is the command line over them, run by `scripts/import_schools.py`.
"""
