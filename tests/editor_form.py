"""The fields Wagtail's page editor would post, read from the editor's own HTML as a browser would send them."""

from html.parser import HTMLParser

from django.http import QueryDict


class EditFormParser(HTMLParser):
    """Collects the successful controls of the form marked ``data-edit-form`` (the page editor's form)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.data = QueryDict(mutable=True)
        self.in_form = False
        self.textarea = None
        self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "data-edit-form" in attrs:
            self.in_form = True
        if not self.in_form or "disabled" in attrs:
            return
        if tag == "input":
            self.add_input(attrs)
        elif tag == "textarea" and attrs.get("name"):
            self.textarea = [attrs["name"], ""]
        elif tag == "select" and attrs.get("name"):
            self.select = attrs["name"]
        elif tag == "option" and self.select and "selected" in attrs:
            self.data.appendlist(self.select, attrs.get("value", ""))

    def add_input(self, attrs):
        kind, name = attrs.get("type", "text"), attrs.get("name")
        if not name or kind in ("submit", "button", "file", "image"):
            return
        if kind in ("checkbox", "radio") and "checked" not in attrs:
            return
        self.data.appendlist(name, attrs.get("value", "on" if kind == "checkbox" else ""))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form = False
        elif tag == "textarea" and self.textarea is not None:
            self.data.appendlist(*self.textarea)
            self.textarea = None
        elif tag == "select":
            self.select = None


def editor_form_data(client, page_id):
    """GET the editor of ``page_id`` as ``client`` and return the form data it would post unchanged."""
    response = client.get(f"/admin/pages/{page_id}/edit/")
    assert response.status_code == 200
    parser = EditFormParser()
    parser.feed(response.content.decode())
    assert parser.data, "the editor has a form marked data-edit-form"
    return parser.data
