"""E-mails from templates: a subject, a plain-text body and an HTML alternative, in the site's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string


def render_plain(name, context):
    """A plain-text template rendered without HTML escaping: „Lesen & Lernen“ must not arrive as „Lesen &amp; …“."""
    return get_template(name).template.render(Context(context, autoescape=False))


def send_templated_mail(name, context, recipients):
    """Send ``bibnetz_wagtail/email/<name>_subject.txt``, ``<name>.txt`` and ``<name>.html`` to ``recipients``."""
    recipients = [address for address in recipients if address]
    if not recipients:
        return 0
    base = f"bibnetz_wagtail/email/{name}"
    subject = " ".join(render_plain(f"{base}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_plain(f"{base}.txt", context),
        from_email=getattr(settings, "DEFAULT_FROM_EMAIL", None),
        to=recipients,
    )
    message.attach_alternative(render_to_string(f"{base}.html", context), "text/html")
    return message.send()
