"""The course's interactive figures, one module per topic; each is a pure compute function plus
an `Explorer` (dlmath.course.explorer) that wires it to sliders.
"""
