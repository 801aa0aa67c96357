"""Operations on the network's domain that the admin, the front end and commands all call (below the web layer)."""
