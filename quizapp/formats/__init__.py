"""Converting question banks to and from the formats teachers already use.

Moodle GIFT, Moodle XML, Anki packages, CSV and our own bank JSON. Pure: no Flask, no SQLAlchemy.
"""
