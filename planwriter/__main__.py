from planwriter.cli import entry

entry()
