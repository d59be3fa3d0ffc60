"""The differentiable ops of a network: each `op` a plain function with its `op_backward` beside it.

Conventions (torch's and CS231n's): a batch holds one sample per row, (N, n), or one image per entry,
(N, C, H, W); a dense layer's W is (n_out, n_in); `op_backward` takes ∂C/∂(output) and returns the
gradients with respect to the op's inputs. Every backward pass is gradient-checked against central
differences (`dlmath.calculus.gradient_check`) in the tests.

activations      a(z) and a'(z) by name                 step, sigmoid, tanh, relu, softsign, identity,
                                                          ACTIVATIONS, activation(_backward), neuron
dense            z = a Wᵀ + b                            dense, dense_backward
losses           softmax and the losses                  softmax, squared_error, cross_entropy,
                                                          binary_cross_entropy, softmax_cross_entropy
conv             convolution and pooling (im2col)        conv2d, max_pool2d, avg_pool2d
normalization    normalisation, dropout, gating          batch_norm_train/eval, dropout, glu
attention        attention                               scaled_dot_product_attention,
                                                          multi_head_attention, positional_encoding

A new op goes in the module of its family, next to its backward; every public name of the family
modules is also reachable here, as `ops.conv2d`.
"""
from .activations import (ACTIVATIONS, activation, activation_backward, activation_pair, identity,
                          identity_derivative, neuron, relu, relu_derivative, sigmoid, sigmoid_derivative,
                          softsign, softsign_derivative, step, step_derivative, tanh, tanh_derivative,
                          weighted_input)
from .attention import (causal_mask, merge_heads, multi_head_attention, multi_head_attention_backward,
                        positional_encoding, scaled_dot_product_attention,
                        scaled_dot_product_attention_backward, split_heads)
from .conv import (avg_pool2d, avg_pool2d_backward, col2im, conv2d, conv2d_backward, conv2d_backward_unchecked,
                   conv2d_unchecked, im2col, max_pool2d, max_pool2d_backward, max_pool2d_backward_unchecked,
                   max_pool2d_unchecked, output_size)
from .dense import dense, dense_backward, dense_backward_unchecked, dense_unchecked
from .losses import (LOSSES, MATCHED_OUTPUT, TINY, binary_cross_entropy, binary_cross_entropy_backward,
                     class_labels, cross_entropy, cross_entropy_backward, one_hot, softmax, softmax_backward,
                     softmax_cross_entropy, squared_error, squared_error_backward)
from .normalization import (batch_norm_eval, batch_norm_eval_backward, batch_norm_train,
                            batch_norm_train_backward, batch_statistics, dropout, dropout_backward, dropout_mask,
                            glu, glu_backward, running_statistics)
