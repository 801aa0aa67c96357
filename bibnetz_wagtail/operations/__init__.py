"""Operations on the network's domain that the front end, the admin and commands all call (below the web layer).

- ``participation``: a library asks to join a call; the call's library accepts or declines; the asker withdraws.
- ``joining``: applying for access, confirming the address, expiry, and the moderators' approval or rejection.
- ``team``: invitations, accepting them, roles and removing members of a library's team.
- ``suspension``: a library is suspended from the network and reinstated.

Each operation is a plain function, not an action class as in ``wagtail.actions``: it takes the objects and the
acting user, checks that the user may act and that the step fits where things stand (refusals raise an
``errors.OperationError`` — ``NotAllowed`` (403) or ``InvalidState`` (409) — with a German sentence), makes the
change in one transaction with its history or log entry, and returns what happened. Wagtail's classes separate
``check()`` from ``execute()`` so that a caller can skip the permission check; here a view that wants to ask
first calls the same predicates the operation uses (``participation.check_step``, ``team.is_team_admin``), so
functions suffice and read like the rest of the package.

Operations send no e-mail and import nothing from ``web`` (the import contracts in ``pyproject.toml`` hold them
to it): the caller tells people once the operation has returned, that is after its commit.
"""
