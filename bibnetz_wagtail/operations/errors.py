"""The errors every operation raises when it refuses: one German sentence for the user and a fitting HTTP status."""


class OperationError(Exception):
    """A refused operation; ``message`` says why, ``status`` is the HTTP status a view answers it with."""

    status = 409

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotAllowed(OperationError):
    """The acting user may not do this at all (403)."""

    status = 403


class InvalidState(OperationError):
    """The operation does not fit where things stand now (409)."""

    status = 409
