"""Recompute the stored search columns after core.text learnt that ابن and بن are one word in a
name and that the article after a prefixed و is set aside like a leading ال, so that rows saved
before then are found as new ones are. The fields are those `save()` joined when this was written
(a migration is a snapshot); the normalisation is core.text's of the day."""

from django.db import migrations

from core.text import normalize_search_text

SEARCHED_FIELDS = {
    "Organization": ("name_ar", "name_en", "short_name"),
    "Contact": ("full_name_ar", "full_name_en", "position_ar", "position_en", "email"),
}
BATCH = 500


def recompute(apps, schema_editor):
    for model_name, fields in SEARCHED_FIELDS.items():
        model = apps.get_model("partners", model_name)
        changed = []
        for row in model.objects.only("pk", "search_text", *fields).iterator(chunk_size=BATCH):
            text = normalize_search_text(" ".join(getattr(row, field) for field in fields))
            if text != row.search_text:
                row.search_text = text
                changed.append(row)
        model.objects.bulk_update(changed, ["search_text"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0005_service_labels"),
    ]

    operations = [
        migrations.RunPython(recompute, migrations.RunPython.noop),
    ]
