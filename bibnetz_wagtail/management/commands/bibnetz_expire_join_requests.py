"""``manage.py bibnetz_expire_join_requests``: delete applications whose address was not confirmed in time."""

from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from ...conf import get_setting
from ...operations.joining import discard_expired_applications


class Command(BaseCommand):
    help = (
        "Delete join requests whose e-mail address was not confirmed within BIBNETZ['JOIN_REQUEST_DAYS'] days, "
        "with the inactive account, draft profile, group and collection each one created. Run it daily from cron."
    )

    def handle(self, *args, **options):
        count = discard_expired_applications()
        days = get_setting("JOIN_REQUEST_DAYS")
        self.stdout.write(
            ngettext(
                "%(count)d application older than %(days)d days deleted.",
                "%(count)d applications older than %(days)d days deleted.",
                count,
            )
            % {"count": count, "days": days}
        )
