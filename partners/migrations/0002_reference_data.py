"""The 28 districts of Hadramout, the seed's three youth segments and two project sizes.

A data migration, so that production has them as well as the demo.
"""

import csv
from pathlib import Path

from django.db import migrations

DISTRICTS_CSV = Path(__file__).resolve().parent.parent / "data" / "hadramout_districts.csv"

SEGMENTS = [
    ("university_graduates", "خريجي الجامعات", "University graduates", 1),
    ("institute_graduates", "خريجي المعاهد", "Institute graduates", 2),
    ("school_dropouts", "المتسربين", "School dropouts", 3),
]
SIZES = [
    ("micro", "متناهية الصغر", "Micro", 1),
    ("small", "صغيرة", "Small", 2),
]


def load(apps, schema_editor):
    District = apps.get_model("partners", "District")
    YouthSegment = apps.get_model("partners", "YouthSegment")
    ProjectSize = apps.get_model("partners", "ProjectSize")
    with DISTRICTS_CSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            District.objects.update_or_create(name_ar=row["name_ar"].strip(), defaults={"name_en": row["name_en"].strip()})
    for code, name_ar, name_en, order in SEGMENTS:
        YouthSegment.objects.update_or_create(code=code, defaults={"name_ar": name_ar, "name_en": name_en, "order": order})
    for code, name_ar, name_en, order in SIZES:
        ProjectSize.objects.update_or_create(code=code, defaults={"name_ar": name_ar, "name_en": name_en, "order": order})


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
