# pg_trgm makes the directory search forgive a typo on PostgreSQL. The operation does nothing on
# SQLite, where search matches normalised substrings only.
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("partners", "0002_reference_data")]

    operations = [TrigramExtension()]
