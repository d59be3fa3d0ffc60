"""A small convolutional network built from dlmath.conv and dlmath.nn, and the book's 6×6 task.

CNN: for each entry of `filters`, a convolution layer (kernel×kernel filters, stride 1, zero `padding`),
an activation and a pool×pool max pooling; then one dense layer to the outputs. The default is the
network chapter 08 trains on the 8×8 digits:

    (1, 8, 8) -conv 8×3×3, pad 1, ReLU-> (8, 8, 8) -max 2×2-> (8, 4, 4)
              -conv 16×3×3, pad 1, ReLU-> (16, 4, 4) -max 2×2-> (16, 2, 2) = 64 -dense, softmax-> 10

The book's network is CNN((1, 6, 6), filters=(3,), padding=0, activation="sigmoid", n_outputs=3,
output="sigmoid", loss="squared_error"): three 3×3 filters give three 4×4 feature maps, 2×2 max pooling
leaves 3·2·2 = 12 units, fully connected to 3 outputs.

CNN shares nn.MLP's training loop (fit with minibatches, momentum, a progress bar, accuracy per epoch)
and its conventions: the loss is the mean of C over the batch; a batch of images is (N, C, H, W), or
one image per row (N, C·H·W) as datasets.digits() gives them.
"""
import numpy as np

from . import conv, nn
from ._validate import as_float_array


class CNN(nn.MLP):
    def __init__(self, input_shape=(1, 8, 8), filters=(8, 16), kernel=3, padding=1, pool=2, n_outputs=10,
                 activation="relu", output="softmax", loss="cross_entropy", seed=0):
        input_shape = tuple(int(s) for s in input_shape)
        if len(input_shape) != 3 or min(input_shape) < 1:
            raise ValueError(f"input_shape must be (C, H, W), got {input_shape}")
        filters = tuple(int(f) for f in filters)
        if min(filters, default=1) < 1:
            raise ValueError(f"filters must be positive numbers of filters per layer, got {filters}")
        # shapes layer by layer, with the output-size formula; a layer that does not fit is an error
        self.shapes = [input_shape]
        c, h, w = input_shape
        for f in filters:
            h, w = conv.output_size(h, kernel, 1, padding), conv.output_size(w, kernel, 1, padding)
            h, w = (h - pool) // pool + 1 if pool > 1 else h, (w - pool) // pool + 1 if pool > 1 else w
            if min(h, w) < 1:
                raise ValueError(f"a {kernel}×{kernel} convolution (padding {padding}) and {pool}×{pool} pooling "
                                 f"do not fit after shape {self.shapes[-1]}: H' = ⌊(H + 2·padding − k) / stride⌋ + 1")
            c = f
            self.shapes.append((c, h, w))
        n_flat = c * h * w
        super().__init__((int(np.prod(input_shape)), n_flat, n_outputs), hidden=activation, output=output,
                         loss=loss, seed=seed)
        self.filters, self.kernel, self.padding, self.pool = filters, int(kernel), int(padding), int(pool)
        self.activation = activation
        rng = np.random.default_rng(seed)
        gain = 2.0 if activation == "relu" else 1.0
        conv_W = []
        for (c_in, _, _), f in zip(self.shapes, filters):
            fan_in = c_in * kernel * kernel
            conv_W.append(rng.normal(0.0, np.sqrt(gain / fan_in), (f, c_in, kernel, kernel)))
        dense_W = rng.normal(0.0, np.sqrt(1.0 / n_flat), (n_outputs, n_flat))
        # every parameter in two lists, conv layers first: fit steps them all in place
        self.W = conv_W + [dense_W]
        self.b = [np.zeros(f) for f in filters] + [np.zeros(n_outputs)]

    def _images(self, x, name="x"):
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
            raise ValueError(f"{name} must have shape (N, {', '.join(map(str, shape))}) or (N, {int(np.prod(shape))}) "
                             f"— one image per row — got shape {x.shape}")
        return x

    def forward(self, x):
        """The outputs for a batch of images; keeps what `backward` needs."""
        return self._forward(self._images(x))

    def _forward(self, x):
        if x.ndim == 2:  # rows from fit
            x = x.reshape(-1, *self.shapes[0])
        act, act_prime = nn._activation(self.activation)
        layers, a = [], x
        for W, b in zip(self.W[:-1], self.b[:-1]):
            z, cols = conv._conv(a, W, b, 1, self.padding)
            h = act(z)
            entry = {"input_shape": a.shape, "cols": cols, "z": z, "a": h}
            if self.pool > 1:
                ho, wo = (h.shape[2] - self.pool) // self.pool + 1, (h.shape[3] - self.pool) // self.pool + 1
                entry["pool"] = (ho, wo)
                entry["pooled"] = conv._max_pool(h, self.pool, self.pool, ho, wo)
                a = entry["pooled"]
            else:
                a = h
            layers.append(entry)
        flat = a.reshape(len(a), -1)
        z_out = nn._dense(flat, self.W[-1], self.b[-1])
        y = self._output(z_out)
        self.cache = (layers, flat, z_out, y)
        return y

    def _backward(self, t):
        layers, flat, z_out, y = self.cache
        n = len(y)
        if nn.OUTPUTS[self.output] == self.loss:  # matched pair: δ at the output is y − t
            delta = (y - t) / n
        else:
            delta = nn.activation_backward(nn.LOSSES[self.loss][1](y, t) / n, z_out, self.output)
        self.deltas = [None] * len(self.W)
        self.deltas[-1] = delta
        dW, db = [None] * len(self.W), [None] * len(self.W)
        da, dW[-1], db[-1] = nn._dense_backward(delta, flat, self.W[-1])
        act_prime = nn._activation(self.activation)[1]
        da = da.reshape((n,) + self.shapes[-1])
        for l in reversed(range(len(layers))):
            layer = layers[l]
            if self.pool > 1:  # the gradient of each pooled unit goes to its window's first maximum
                da = conv._max_pool_backward(da, layer["a"], layer["pooled"], self.pool, self.pool, *layer["pool"])
            delta = da * act_prime(layer["z"])  # δ of the convolution layer: ∂C/∂z
            self.deltas[l] = delta
            da, dW[l], db[l] = conv._conv_backward(delta, layer["cols"], layer["input_shape"], self.W[l], 1,
                                                   self.padding)
        return dW, db

    def backward(self, t):
        """(dW, db) lists, conv layers first then the dense layer, after `forward`; the unit errors
        δ = ∂(mean C)/∂z of every layer are kept in `self.deltas` (the same order)."""
        if self.cache is None:
            raise RuntimeError("call forward(x) before backward(t)")
        y = self.cache[-1]
        t = as_float_array(t, "t")
        t = t[None, :] if t.ndim == 1 else t
        if t.shape != y.shape:
            raise ValueError(f"t must have the shape of the outputs, {y.shape}, got shape {t.shape}")
        return self._backward(t)

    def feature_maps(self, x):
        """For each conv layer, the activated feature maps a = act(conv(x)) (before pooling) of the
        images x, and after pooling: a list of (maps, pooled) pairs."""
        self.forward(x)
        out = [(layer["a"], layer.get("pooled", layer["a"])) for layer in self.cache[0]]
        self.cache = None
        return out

    def fit(self, x, t, eta=0.1, epochs=10, batch_size=32, momentum=0.0, seed=0, progress=None, validation=None):
        """nn.MLP.fit for images (N, C, H, W) or rows (N, C·H·W); see there."""
        x = self._images(x).reshape(-1, self.sizes[0])
        if validation is not None:
            validation = (self._images(validation[0], "validation x").reshape(-1, self.sizes[0]), validation[1])
        return super().fit(x, t, eta=eta, epochs=epochs, batch_size=batch_size, momentum=momentum, seed=seed,
                           progress=progress, validation=validation)

    def __repr__(self):
        layers = " → ".join(f"{s[0]}×{s[1]}×{s[2]}" for s in self.shapes)
        return (f"CNN({layers} → {self.sizes[-1]}; {self.kernel}×{self.kernel} filters, padding {self.padding}, "
                f"{self.pool}×{self.pool} max pooling, {self.activation}, {self.output}; "
                f"{self.n_parameters} parameters)")


# ---------------------------------------------------------------- the book's task: 6×6 images of 1, 2, 3

# Drawn for this course: a few ways to write each digit in 6×6 pixels ('#' = ink).
DIGIT_TEMPLATES = {
    1: (("..#...", ".##...", "..#...", "..#...", "..#...", ".###.."),
        ("...#..", "...#..", "...#..", "...#..", "...#..", "...#.."),
        ("...#..", "..##..", ".#.#..", "...#..", "...#..", "...#..")),
    2: ((".###..", "#...#.", "...#..", "..#...", ".#....", "#####."),
        ("####..", "....#.", "...#..", "..#...", ".#....", "#####."),
        (".###..", "....#.", "...#..", ".##...", "#.....", "#####.")),
    3: (("####..", "....#.", ".###..", "....#.", "....#.", "####.."),
        (".###..", "#...#.", "..##..", "....#.", "#...#.", ".###.."),
        ("#####.", "...#..", "..##..", "....#.", "....#.", "####..")),
}


def _draw(rows):
    return np.array([[ch == "#" for ch in row] for row in rows], dtype=np.float64)


def book_images():
    """(x, labels, t): every template of 1, 2 and 3, and each shifted one pixel right (where its ink
    fits), as 6×6 images x (N, 6, 6); labels 0, 1, 2 for the digits 1, 2, 3; t the one-hot targets."""
    images, labels = [], []
    for k, digit in enumerate(sorted(DIGIT_TEMPLATES)):
        for rows in DIGIT_TEMPLATES[digit]:
            img = _draw(rows)
            images.append(img)
            labels.append(k)
            if not img[:, -1].any():  # one pixel to the right, if the last column is empty
                images.append(np.roll(img, 1, axis=1))
                labels.append(k)
    x, labels = np.array(images), np.array(labels)
    arrays = (x, labels, np.eye(3)[labels])
    for a in arrays:
        a.setflags(write=False)
    return arrays


# Three 3×3 pattern detectors for the book's network (+1 where the pattern has ink, −1 around it):
BOOK_FILTERS = {
    "vertical stroke": np.array([[-1, 1, -1], [-1, 1, -1], [-1, 1, -1]], dtype=np.float64),
    "horizontal stroke": np.array([[-1, -1, -1], [1, 1, 1], [-1, -1, -1]], dtype=np.float64),
    "diagonal /": np.array([[-1, -1, 1], [-1, 1, -1], [1, -1, -1]], dtype=np.float64),
}
for _f in BOOK_FILTERS.values():
    _f.setflags(write=False)
