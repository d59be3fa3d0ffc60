"""A small convolutional network built on the ops: convolution, an activation and max pooling, then dense.

CNN: for each entry of `filters`, a convolution layer (kernel×kernel filters, stride 1, zero `padding`),
an activation and a pool×pool max pooling; then one dense layer to the outputs. The default is the
network chapter 08 trains on the 8×8 digits:

    (1, 8, 8) -conv 8×3×3, pad 1, ReLU-> (8, 8, 8) -max 2×2-> (8, 4, 4)
              -conv 16×3×3, pad 1, ReLU-> (16, 4, 4) -max 2×2-> (16, 2, 2) = 64 -dense, softmax-> 10

The book's network is CNN((1, 6, 6), filters=(3,), padding=0, activation="sigmoid", n_outputs=3,
output="sigmoid", loss="squared_error"): three 3×3 filters give three 4×4 feature maps, 2×2 max pooling
leaves 3·2·2 = 12 units, fully connected to 3 outputs (its images and filters are in `dlmath.datasets`).

Initial weights: He's scale for ReLU filters, LeCun's otherwise and for the dense layer; init= ('he',
'lecun', 'xavier' or a standard deviation, `models.model.init_std`) sets every layer's instead.

The conventions of every model (`models.model.Model`): the loss is the mean of C over the batch, W and b
list the layers' weights (conv layers first, the dense layer last). A batch of images is (N, C, H, W), or
one image per row (N, C·H·W) as datasets.digits() gives them.
"""
import numpy as np

from ..arrays import as_float_array
from ..language import translate as _
from ..ops.activations import activation_pair
from ..ops.conv import (conv2d_backward_unchecked, conv2d_unchecked, max_pool2d_backward_unchecked,
                        max_pool2d_unchecked, output_size)
from ..ops.dense import dense_backward_unchecked, dense_unchecked
from .model import Model, init_std


class CNN(Model):
    def __init__(self, input_shape=(1, 8, 8), filters=(8, 16), kernel=3, padding=1, pool=2, n_outputs=10,
                 activation="relu", output="softmax", loss="cross_entropy", seed=0, init=None):
        input_shape = tuple(int(s) for s in input_shape)
        if len(input_shape) != 3 or min(input_shape) < 1:
            raise ValueError(_("input_shape must be (C, H, W), got {shape}").format(shape=input_shape))
        filters = tuple(int(f) for f in filters)
        if min(filters, default=1) < 1:
            raise ValueError(_("filters must be positive numbers of filters per layer, got {filters}").format(filters=filters))
        # shapes layer by layer, with the output-size formula; a layer that does not fit is an error
        self.shapes = [input_shape]
        c, h, w = input_shape
        for f in filters:
            h, w = output_size(h, kernel, 1, padding), output_size(w, kernel, 1, padding)
            h, w = (h - pool) // pool + 1 if pool > 1 else h, (w - pool) // pool + 1 if pool > 1 else w
            if min(h, w) < 1:
                raise ValueError(_("a {k}×{k} convolution (padding {padding}) and {pool}×{pool} pooling do not fit "
                                   "after shape {shape}: H' = ⌊(H + 2·padding − k) / stride⌋ + 1").format(
                                       k=kernel, padding=padding, pool=pool, shape=self.shapes[-1]))
            c = f
            self.shapes.append((c, h, w))
        n_flat = c * h * w
        self._set_output(output, loss)
        activation_pair(activation)
        self.n_outputs = int(n_outputs)
        self.filters, self.kernel, self.padding, self.pool = filters, int(kernel), int(padding), int(pool)
        self.activation = activation
        rng = np.random.default_rng(seed)
        # by default He's scale for ReLU filters (LeCun's otherwise) and LeCun's for the dense output layer
        conv_init = ("he" if activation == "relu" else "lecun") if init is None else init
        conv_W = []
        for shape, f in zip(self.shapes, filters):
            c_in = shape[0]
            std = init_std(conv_init, c_in * kernel * kernel, f * kernel * kernel)
            conv_W.append(rng.normal(0.0, std, (f, c_in, kernel, kernel)))
        dense_W = rng.normal(0.0, init_std("lecun" if init is None else init, n_flat, n_outputs), (n_outputs, n_flat))
        # every parameter in two lists, conv layers first: fit steps them all in place
        self.W = conv_W + [dense_W]
        self.b = [np.zeros(f) for f in filters] + [np.zeros(n_outputs)]

    def check_inputs(self, x, name="x"):
        """x as a float64 batch (N, C, H, W): from (N, C, H, W), (N, C·H·W) rows, or a single image."""
        x = as_float_array(x, name)
        shape = self.shapes[0]
        if x.shape == shape or (shape[0] == 1 and x.shape == shape[1:]) or x.shape == (int(np.prod(shape)),):
            x = x[None]
        if shape[0] == 1 and x.ndim == 3 and x.shape[1:] == shape[1:]:  # (N, H, W): one channel
            x = x[:, None]
        if x.ndim == 2 and x.shape[1] == np.prod(shape):
            x = x.reshape(-1, *shape)
        if x.ndim != 4 or x.shape[1:] != shape:
            raise ValueError(_("{name} must have shape (N, {image}) or (N, {size}) — one image per row — got shape {shape}")
                             .format(name=_(name), image=", ".join(map(str, shape)), size=int(np.prod(shape)), shape=x.shape))
        return x

    def forward_unchecked(self, x):
        """forward() for a float64 batch of images (N, C, H, W); keeps what the backward pass needs."""
        act = activation_pair(self.activation)[0]
        layers, a = [], x
        for W, b in zip(self.W[:-1], self.b[:-1]):
            z, cols = conv2d_unchecked(a, W, b, 1, self.padding)
            h = act(z)
            entry = {"input_shape": a.shape, "cols": cols, "z": z, "a": h}
            if self.pool > 1:
                entry["pooled"] = max_pool2d_unchecked(h, self.pool, self.pool)
                a = entry["pooled"]
            else:
                a = h
            layers.append(entry)
        flat = a.reshape(len(a), -1)
        z_out = dense_unchecked(flat, self.W[-1], self.b[-1])
        y = self.output_activation(z_out)
        self.cache = (layers, flat, z_out, y)
        return y

    def backward_unchecked(self, t):
        """backward() for targets t of the outputs' shape: δ of the dense layer, then back through each
        pooling (to its windows' first maxima), activation and convolution."""
        layers, flat, z_out, y = self.cache
        n = len(y)
        delta = self.output_delta(y, z_out, t)
        self.deltas = [None] * len(self.W)
        self.deltas[-1] = delta
        dW, db = [None] * len(self.W), [None] * len(self.W)
        da, dW[-1], db[-1] = dense_backward_unchecked(delta, flat, self.W[-1])
        act_prime = activation_pair(self.activation)[1]
        da = da.reshape((n,) + self.shapes[-1])
        for l in reversed(range(len(layers))):
            layer = layers[l]
            if self.pool > 1:  # the gradient of each pooled unit goes to its window's first maximum
                da = max_pool2d_backward_unchecked(da, layer["a"], layer["pooled"], self.pool, self.pool)
            delta = da * act_prime(layer["z"])  # δ of the convolution layer: ∂C/∂z
            self.deltas[l] = delta
            da, dW[l], db[l] = conv2d_backward_unchecked(delta, layer["cols"], layer["input_shape"], self.W[l], 1,
                                                         self.padding)
        return dW, db

    def feature_maps(self, x):
        """For each conv layer, the activated feature maps a = act(conv(x)) (before pooling) of the
        images x, and after pooling: a list of (maps, pooled) pairs."""
        self.forward(x)
        out = [(layer["a"], layer.get("pooled", layer["a"])) for layer in self.cache[0]]
        self.cache = None
        return out

    def __repr__(self):
        layers = " → ".join(f"{s[0]}×{s[1]}×{s[2]}" for s in self.shapes)
        return (f"CNN({layers} → {self.n_outputs}; {self.kernel}×{self.kernel} filters, padding {self.padding}, "
                f"{self.pool}×{self.pool} max pooling, {self.activation}, {self.output}; "
                f"{self.n_parameters} parameters)")


