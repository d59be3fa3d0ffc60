"""Chapter 00 · Start here."""
from ..checks import Choice, Number

TITLE = "Start here"

EXERCISES = {
    "neuron_parameters": Number(
        4, wrong=[(3, "that counts the weights only — a neuron also has a bias b.")],
        hint="count one weight per input, plus the bias."),
    "restart_run_all": Choice(
        "b", options="abc",
        hints={"a": "saving keeps the kernel's state as it is; it runs nothing.",
               "c": "it keeps your code; it forgets the variables and runs the notebook again from the top."}),
}

# Shown in the chapter as a demonstration; not counted in the progress table.
EXAMPLES = {
    "demo": Number(14, wrong=[(20, "2 + 3 is done first here — but multiplication comes before addition.")]),
}
