"""URLs of the accounts part of the network's front end."""

urlpatterns = []
