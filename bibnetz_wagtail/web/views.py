def serve_listing(page, request):
    raise NotImplementedError
