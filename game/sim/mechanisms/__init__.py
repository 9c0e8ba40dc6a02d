"""The monthly step's mechanisms, one pure function each, in modules named for what they hold.

``game.sim.step.step`` calls them in the order of the month (docs/model.md names each one next
to its equation). Every function takes arrays and coefficients (``P`` the batch's parameters,
``pp`` the step's prepared quantities) and returns arrays; none keeps state or draws chance
itself: the month's draws are passed in. Shapes: ``(n, 1)`` or ``(n,)`` per world, ``(n, 5)`` per
origin (MX, GT, HN, SV, XR), ``(n, 3)`` per nation (US, MX, CA).
"""
