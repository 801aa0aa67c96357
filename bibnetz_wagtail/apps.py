from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BibnetzConfig(AppConfig):
    name = "bibnetz_wagtail"
    label = "bibnetz_wagtail"
    verbose_name = _("Library network")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import checks  # noqa: F401  (registers the system checks)
        from .permissions import ensure_network_setup
        from .search.breaker import connect_budget_signals
        from .search.outbox import connect_index_signals
        from .search.text_index import fill_missing_text
        from .search.vocabulary import connect_vocabulary_signals
        from .signal_handlers import connect_signal_handlers
        from .web.accounts.moderation import connect_join_signals

        connect_signal_handlers()
        connect_index_signals()
        connect_budget_signals()
        connect_vocabulary_signals()
        connect_join_signals()
        post_migrate.connect(ensure_network_setup, sender=self, dispatch_uid="bibnetz_network_setup")
        post_migrate.connect(fill_missing_text, sender=self, dispatch_uid="bibnetz_fill_missing_text")
