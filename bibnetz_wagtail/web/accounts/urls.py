"""URLs of the accounts part of the network's front end: logging in, resetting passwords, joining."""

from django.urls import path

from . import email_change, join_views, views

urlpatterns = [
    path("anmelden/", views.LoginView.as_view(), name="login"),
    path("abmelden/", views.LogoutView.as_view(), name="logout"),
    path("passwort-vergessen/", views.PasswordResetView.as_view(), name="password_reset"),
    path("passwort-vergessen/gesendet/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "passwort-vergessen/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("passwort-vergessen/fertig/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("zugang-beantragen/", join_views.join, name="join"),
    path("zugang-beantragen/gesendet/", join_views.join_sent, name="join_sent"),
    path("zugang-beantragen/bestaetigen/<str:token>/", join_views.join_verify, name="join_verify"),
    path("konto/e-mail/", email_change.change_email, name="change_email"),
    path("konto/e-mail/bestaetigen/<str:token>/", email_change.confirm_email, name="change_email_confirm"),
]
