"""The learner's language, under the course's name: the module is `dlmath.language` (the mathematics'
errors speak it too, and the mathematics never imports the course)."""
from ..language import N_, language, normalise, notebook_language, speaking, translate, translation, use  # noqa: F401
