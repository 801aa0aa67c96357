"""URLs of the participation part of the network's front end."""

urlpatterns = []
