"""A new library joins, and a moderator approves it in Wagtail's page editor with autosave on."""

import re
from email.header import decode_header, make_header
from urllib.parse import urlsplit

from playwright.sync_api import expect

from .server import DEMO_PASSWORD

APPLICANT = "leitung@approval-browser.example"
PASSWORD = "Lesesaal-im-Dorf-2025"
MODERATOR = "moderation@example.org"
VERIFY_LINK = re.compile(r"https?://[^/\s]+(/netzwerk/zugang-beantragen/bestaetigen/[^/\s]+/)")
EDIT_LINK = re.compile(r"(https?://[^/\s]+)/admin/pages/(\d+)/edit/")
FIELDS = {
    "title": "Gemeindebücherei Freigabedorf",
    "municipality": "Freigabedorf",
    "population": "5200",
    "floor_area_m2": "140",
    "staff_fte": "1,5",
    "contact_person": "Erika Mustermann",
    "email": APPLICANT,
    "password1": PASSWORD,
    "password2": PASSWORD,
}


def mails_in_log(site):
    """What the example site printed (its e-mail backend writes every message to the console)."""
    return site.log_path.read_text()


def mails_to(site, address):
    """The subjects of the e-mails the site sent to ``address``, in order."""
    subjects = []
    for block in mails_in_log(site).split("\n" + "-" * 79):
        to = re.search(r"^To: (.*)$", block, re.MULTILINE)
        subject = re.search(r"^Subject: (.*)$", block, re.MULTILINE)
        if to and subject and address in to.group(1):
            subjects.append(str(make_header(decode_header(subject.group(1)))))
    return subjects


def apply_for_access(page):
    page.goto("/netzwerk/zugang-beantragen/")
    form = page.locator("form.bibnetz-form")
    for name, value in FIELDS.items():
        form.locator(f'[name="{name}"]').fill(value)
    form.locator('[name="state"]').select_option("BY")
    form.locator('[name="library_type"]').select_option(index=1)
    form.locator('[name="consent"]').check()
    form.get_by_role("button", name=re.compile("beantragen", re.I)).click()
    expect(page).to_have_url(re.compile(r"/netzwerk/zugang-beantragen/gesendet/$"))


def confirm_address(page, site):
    links = VERIFY_LINK.findall(mails_in_log(site))
    assert links, "no confirmation link in the e-mails"
    page.goto(links[-1])
    expect(page.locator("main dl")).to_contain_text(FIELDS["title"])
    page.locator('main form [name="password"]').fill(FIELDS["password1"])
    page.locator("main form").get_by_role("button").click()
    expect(page.get_by_role("heading", name="Adresse bestätigt")).to_be_visible()


def library_in_moderation(site):
    """The profile's id and the admin link of the moderators' e-mail."""
    matches = EDIT_LINK.findall(mails_in_log(site))
    assert matches, "no admin link in the moderators' e-mail"
    return matches[-1]


def log_in_to_admin(page, email):
    page.goto("/admin/login/")
    page.locator('[name="username"]').fill(email)
    page.locator('[name="password"]').fill(DEMO_PASSWORD)
    page.locator('[name="password"]').press("Enter")
    expect(page).to_have_url(re.compile(r"/admin/$"))


def is_autosave(request):
    """Wagtail's autosave posts the editor's form by script and asks for JSON."""
    return request.method == "POST" and "/edit/" in request.url and "json" in (request.headers.get("accept") or "")


def wait_until_editor_watches(page):
    """Wagtail's editor takes its snapshot of the form two seconds after loading; changes count from then."""
    page.wait_for_function("() => window.bibnetzWatching === true")


WATCH_SCRIPT = "document.addEventListener('w-unsaved:watch-edits', () => { window.bibnetzWatching = true; });"


def approve_in_editor(page, library_id):
    """Open the profile from the e-mail's link and click "Freigeben" on a slow connection.

    The click adds the workflow's fields to the editor's form; the editor sees a changed form and its
    autosave posts it while the moderator's own request is still on its way (held back here until the
    autosave was answered, as a slow network does). Returns the autosave's response."""
    held, answered = [], {}

    def route_editor_posts(route):
        if route.request.method != "POST":
            route.continue_()
        elif is_autosave(route.request):
            response = route.fetch()
            answered.update(sent=route.request.post_data, status=response.status, json=response.json())
            route.fulfill(response=response)
        else:
            held.append(route)

    page.route(f"**/admin/pages/{library_id}/edit/", route_editor_posts)
    page.add_init_script(WATCH_SCRIPT)
    page.goto(f"/admin/pages/{library_id}/edit/")
    wait_until_editor_watches(page)
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    page.locator("[data-workflow-action-name='approve']").first.click(no_wait_after=True)
    for _ in range(200):  # requests reach the route handler while Playwright waits
        if held and answered:
            break
        page.wait_for_timeout(100)
    assert answered, "Wagtail's autosave posted the form after the click"
    assert len(held) == 1, "the moderator's own request was held back"
    held[0].continue_()
    expect(page).not_to_have_url(re.compile(rf"/admin/pages/{library_id}/edit/$"))
    page.wait_for_load_state("load")
    return answered


def test_moderator_approves_in_the_editor_with_autosave(browser, site, page, screenshot):
    apply_for_access(page)
    confirm_address(page, site)
    base, library_id = library_in_moderation(site)
    assert base == site.url, "the admin link points at the site's own address"

    moderator = browser.new_context(base_url=site.url, locale="de-DE", viewport={"width": 1280, "height": 900})
    admin = moderator.new_page()
    log_in_to_admin(admin, MODERATOR)
    autosave = approve_in_editor(admin, library_id)
    expect(admin.locator(".messages")).to_contain_text(FIELDS["title"])
    screenshot(admin, "after-approval")
    # The autosave carried the workflow's fields; it is answered without approving a second time.
    assert "action-workflow-action" in autosave["sent"]
    assert autosave["status"] == 400 and autosave["json"]["success"] is False

    data = site.get_json(f"/bibliotheken/?format=json&per_page=100&q={FIELDS['municipality']}")
    urls = [result["url"] for result in data["results"] if str(result["id"]) == library_id]
    assert urls, "the approved profile is listed"
    response = page.goto(urlsplit(urls[0]).path)
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(FIELDS["title"])
    assert mails_to(site, APPLICANT) == [
        "Bitte bestätigen Sie Ihre E-Mail-Adresse",
        "Willkommen im Netzwerk: Ihr Zugang ist freigeschaltet",
    ]
    moderator.close()
