"""URLs of the membership part of the network's front end."""

urlpatterns = []
