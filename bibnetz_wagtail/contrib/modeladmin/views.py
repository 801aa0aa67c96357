"""A delete view that refuses to delete a term while pages use it, and lists those pages."""

from wagtail_modeladmin.views import DeleteView

from .usage import pages_using


class ProtectedTermDeleteView(DeleteView):
    """Deletes a vocabulary term only when no page uses it.

    The relations cascade at database level (tags, many-to-many), so deleting a term in use would
    silently strip it from every measure and profile and change the listings' facets; an editor should
    first reclassify those pages.
    """

    def get_context_data(self, **kwargs):
        linked = pages_using(self.instance)
        if linked:
            # The stock template shows "could not be deleted" and the list instead of the confirm form.
            kwargs.update(protected_error=True, linked_objects=linked)
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        if pages_using(self.instance):
            return self.render_to_response(self.get_context_data())
        return super().post(request, *args, **kwargs)
