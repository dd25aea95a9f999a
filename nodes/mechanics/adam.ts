import type { Tensor } from '@tensorflow/tfjs';
import type { Tf } from './ld-loss';

/**
 * Adam (Kingma and Ba, 2015) on a list of tensors, as PyTorch's torch.optim.Adam with its
 * defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8: θ ← θ − lr m̂ / (√v̂ + ε). `step` replaces the
 * parameter tensors it is given by new ones and disposes the old; `dispose` frees the moments.
 */
export function adam(tf: Tf, params: Tensor[], lr: number) {
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  let m = params.map((p) => tf.zerosLike(p));
  let v = params.map((p) => tf.zerosLike(p));
  let t = 0;

  return {
    step(current: Tensor[], grads: Tensor[]): Tensor[] {
      t++;
      const c1 = 1 - beta1 ** t;
      const c2 = 1 - beta2 ** t;
      const next = tf.tidy(() => {
        const m2 = grads.map((g, i) => tf.add(tf.mul(m[i], beta1), tf.mul(g, 1 - beta1)));
        const v2 = grads.map((g, i) =>
          tf.add(tf.mul(v[i], beta2), tf.mul(tf.square(g), 1 - beta2))
        );
        const p2 = current.map((p, i) => {
          const denom = tf.add(tf.sqrt(tf.div(v2[i], c2)), eps);
          return tf.sub(p, tf.div(tf.mul(m2[i], lr / c1), denom));
        });
        return { m2, v2, p2 };
      });
      tf.dispose([...m, ...v, ...current]);
      m = next.m2;
      v = next.v2;
      return next.p2;
    },
    dispose() {
      tf.dispose([...m, ...v]);
    }
  };
}
