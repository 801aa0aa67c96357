"""Middleware a host adds to MIDDLEWARE: a throttled login answers 429 Too Many Requests, also in Wagtail's admin."""


class LoginThrottleMiddleware:
    """Turns the answer to a refused login into a 429, so that clients and monitoring see the throttling.

    The package's login forms (front end and ``WAGTAILADMIN_USER_LOGIN_FORM``) mark the request when they
    refuse an attempt; Wagtail's admin login view itself cannot be told to answer with another status.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "bibnetz_login_throttled", False) and response.status_code == 200:
            response.status_code = 429
        return response
