"""The networks of the course, built on `dlmath.ops`; training them is `dlmath.training`.

model    Model: what every network shares (output layer and loss, parameters(), predict, accuracy)
mlp      MLP: dense layers (chapters 06–07, 11)
cnn      CNN: convolution, activation and max pooling layers, then dense (chapter 08)
"""
from .cnn import CNN
from .mlp import MLP
from .model import Model

__all__ = ["CNN", "MLP", "Model"]
