"""Replace Wagtail's default welcome page with the example site's home page, as ``wagtail start`` does."""

from django.db import migrations

INTRO = (
    "<p>Willkommen im Netzwerk der Flächenbibliotheken! Hier zeigen öffentliche Bibliotheken aus kleinen "
    "Städten und Gemeinden, was bei ihnen funktioniert, und suchen Partner für Aufgaben, die man besser "
    "gemeinsam angeht.</p>"
)


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    # The welcome page (a plain Page) that wagtailcore.0002_initial_data created.
    page_content_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=page_content_type, slug="home", depth=2).delete()

    homepage_content_type, _created = ContentType.objects.get_or_create(model="homepage", app_label="home")
    homepage = HomePage.objects.create(
        title="Netzwerk Flächenbibliotheken",
        draft_title="Netzwerk Flächenbibliotheken",
        slug="home",
        content_type=homepage_content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        intro=INTRO,
    )
    Site.objects.create(hostname="localhost", root_page=homepage, is_default_site=True)


def remove_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    HomePage = apps.get_model("home.HomePage")
    HomePage.objects.filter(slug="home", depth=2).delete()
    ContentType.objects.filter(model="homepage", app_label="home").delete()


class Migration(migrations.Migration):
    # Before locales exist, so that wagtailcore's locale migration gives the home page the default locale.
    run_before = [
        ("wagtailcore", "0053_locale_model"),
    ]

    dependencies = [
        ("home", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_homepage, remove_homepage),
    ]
