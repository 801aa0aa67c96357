"""Factories for the package's pages, vocabularies, accounts, memberships, invitations and participations,
built on factory_boy and wagtail-factories."""

import datetime
from decimal import Decimal

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page, Site

from bibnetz_wagtail.models import (
    Invitation,
    LibraryIndexPage,
    LibraryProfilePage,
    MeasureIndexPage,
    MeasurePage,
    Membership,
    Participation,
    TargetGroup,
    TaskShareIndexPage,
    TaskSharePage,
    ToolkitResult,
    Topic,
)


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")

    class Meta:
        model = Topic
        django_get_or_create = ("slug",)


class TargetGroupFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Zielgruppe {n}")
    slug = factory.Sequence(lambda n: f"zielgruppe-{n}")

    class Meta:
        model = TargetGroup
        django_get_or_create = ("slug",)


class ToolkitResultFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Toolkit-Ergebnis {n}")
    slug = factory.Sequence(lambda n: f"toolkit-{n}")

    class Meta:
        model = ToolkitResult
        django_get_or_create = ("slug",)


def site_root():
    return Site.objects.get(is_default_site=True).root_page


class LibraryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Bibliotheken"
    slug = "bibliotheken"
    parent = factory.LazyFunction(site_root)

    class Meta:
        model = LibraryIndexPage


class MeasureIndexPageFactory(wagtail_factories.PageFactory):
    title = "Maßnahmen"
    slug = "massnahmen"
    parent = factory.LazyFunction(site_root)

    class Meta:
        model = MeasureIndexPage


class TaskShareIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aufgaben teilen"
    slug = "aufgaben-teilen"
    parent = factory.LazyFunction(site_root)

    class Meta:
        model = TaskShareIndexPage


def library_index():
    return LibraryIndexPage.objects.first() or LibraryIndexPageFactory()


_clock = {"now": timezone.make_aware(datetime.datetime(2025, 1, 1, 12, 0))}


def next_publication_time():
    """Distinct, increasing first-publication times so that 'newest' order is predictable."""
    _clock["now"] += datetime.timedelta(minutes=1)
    return _clock["now"]


class LibraryProfilePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Gemeindebibliothek {n}")
    parent = factory.LazyFunction(library_index)
    municipality = factory.Sequence(lambda n: f"Ort {n}")
    postal_code = "12345"
    state = "BY"
    library_type = "municipal"
    population = 8000
    floor_area_m2 = 250
    staff_fte = Decimal("2.50")
    contact_person = "Erika Mustermann"
    contact_email = factory.Sequence(lambda n: f"kontakt{n}@bibliothek.example")
    contact_phone = "+49 89 1234567"
    first_published_at = factory.LazyFunction(next_publication_time)

    class Meta:
        model = LibraryProfilePage
        skip_postgeneration_save = True

    @factory.post_generation
    def toolkit(obj, create, extracted, **kwargs):
        if extracted:
            obj.toolkit_results.set(extracted)
            obj.save()


class MeasurePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Maßnahme {n}")
    parent = factory.SubFactory(LibraryProfilePageFactory)
    summary = "Eine Maßnahme, die funktioniert hat."
    status = "established"
    cost = "low"
    effort = "medium"
    first_published_at = factory.LazyFunction(next_publication_time)

    class Meta:
        model = MeasurePage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if extracted:
            obj.topics.set(extracted)
            obj.save()

    @factory.post_generation
    def target_groups(obj, create, extracted, **kwargs):
        if extracted:
            obj.target_groups.set(extracted)
            obj.save()

    @factory.post_generation
    def toolkit(obj, create, extracted, **kwargs):
        if extracted:
            obj.toolkit_results.set(extracted)
            obj.save()


class TaskSharePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Gemeinsame Aufgabe {n}")
    parent = factory.SubFactory(LibraryProfilePageFactory)
    summary = "Wer plant mit uns?"
    task_kind = "event"
    status = "open"
    partners_wanted = 2
    first_published_at = factory.LazyFunction(next_publication_time)

    class Meta:
        model = TaskSharePage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if extracted:
            obj.topics.set(extracted)
            obj.save()

    @factory.post_generation
    def toolkit(obj, create, extracted, **kwargs):
        if extracted:
            obj.toolkit_results.set(extracted)
            obj.save()


__all__ = [name for name in dir() if name.endswith("Factory")] + ["Page"]


#: The password of every account the factories create.
PASSWORD = "ein-langes-Passwort-42"


class UserFactory(factory.django.DjangoModelFactory):
    """An active account that logs in with its e-mail address (the network's usernames are addresses)."""

    email = factory.Sequence(lambda n: f"mitglied{n}@netz.example")
    username = factory.LazyAttribute(lambda user: user.email)
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


class MembershipFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    library = factory.SubFactory(LibraryProfilePageFactory)
    role = "editor"

    class Meta:
        model = Membership


class InvitationFactory(factory.django.DjangoModelFactory):
    """An open invitation to a library's team, valid for a day unless ``expires_at`` says otherwise."""

    library = factory.SubFactory(LibraryProfilePageFactory)
    email = factory.Sequence(lambda n: f"eingeladen{n}@netz.example")
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1))

    class Meta:
        model = Invitation


class ParticipationFactory(factory.django.DjangoModelFactory):
    """A library's request to join a call (state "requested" unless given)."""

    task = factory.SubFactory(TaskSharePageFactory)
    library = factory.SubFactory(LibraryProfilePageFactory)
    message = "Wir sind dabei!"

    class Meta:
        model = Participation
