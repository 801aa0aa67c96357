"""Wagtail's page editor on library profiles: its autosave must not repeat a moderator's workflow action."""

from django.http import JsonResponse
from django.utils.translation import gettext as _

from ...models import LibraryProfilePage

#: The field that Wagtail's workflow script adds to the editor's form when a workflow button is clicked.
WORKFLOW_ACTION_FIELD = "action-workflow-action"


def is_autosave(request):
    """Wagtail's autosave posts the editor's form by script and asks for JSON; the buttons ask for HTML."""
    return request.method == "POST" and not request.accepts("text/html")


def refuse_autosaved_workflow_action(request, page):
    """``before_edit_page`` hook: an autosave that carries a workflow action is answered, never carried out.

    Wagtail's autosave sends the whole form, including the fields its workflow script has just added for
    "Freigeben". Carried out, that copy races the moderator's own request: it approves a second time
    (which fails with a 500 once the workflow has finished) and writes the page as the draft it loaded.
    """
    if not isinstance(page, LibraryProfilePage) or not is_autosave(request):
        return None
    if not request.POST.get(WORKFLOW_ACTION_FIELD):
        return None
    message = _("Workflow actions are carried out by their button only, never by autosave.")
    return JsonResponse({"success": False, "error_code": "blocked_by_hook", "error_message": message}, status=400)
