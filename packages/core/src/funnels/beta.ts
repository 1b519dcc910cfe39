/**
 * What we believe about a conversion rate: a Beta(alpha, beta) distribution. Its mean is the rate
 * the solver plans with; its spread is the uncertainty the simulation carries.
 */
export interface BetaBelief {
  alpha: number;
  beta: number;
}

/** How many trials the user's guess is worth: weak, so that a few weeks of real data outweigh it. */
export const GUESS_WEIGHT = 10;

/**
 * The prior that a guess stands for: the guess as its mean, worth `weight` trials.
 *
 * @example beliefFromGuess(0.1) // { alpha: 1, beta: 9 }
 */
export function beliefFromGuess(guess: number, weight = GUESS_WEIGHT): BetaBelief {
  return { alpha: guess * weight, beta: (1 - guess) * weight };
}

/**
 * The posterior after `successes` out of `trials`: Beta(alpha + successes, beta + failures).
 *
 * @example updateBelief({ alpha: 1, beta: 9 }, 6, 100) // { alpha: 7, beta: 103 }
 */
export function updateBelief(prior: BetaBelief, successes: number, trials: number): BetaBelief {
  const wins = Math.min(Math.max(successes, 0), Math.max(trials, 0));
  return { alpha: prior.alpha + wins, beta: prior.beta + Math.max(trials, 0) - wins };
}

/** @example betaMean({ alpha: 7, beta: 103 }) // 0.0636… */
export function betaMean({ alpha, beta }: BetaBelief): number {
  if (beta <= 0) return 1;
  if (alpha <= 0) return 0;
  return alpha / (alpha + beta);
}

/**
 * The same uncertainty around another mean: keeps alpha + beta, so a "what if" slider moves the
 * rate without pretending to know it better or worse.
 *
 * @example recenterBelief({ alpha: 1, beta: 9 }, 0.2) // { alpha: 2, beta: 8 }
 */
export function recenterBelief(belief: BetaBelief, mean: number): BetaBelief {
  const weight = Math.max(belief.alpha + belief.beta, Number.MIN_VALUE);
  return { alpha: mean * weight, beta: (1 - mean) * weight };
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * ln Γ(x), by the Lanczos approximation (about 15 significant digits).
 *
 * @example logGamma(5) // ln 24 ≈ 3.178
 */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = LANCZOS[0] ?? 1;
  for (let index = 1; index < LANCZOS.length; index += 1) sum += (LANCZOS[index] ?? 0) / (shifted + index);
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

const TINY = 1e-300;

// The continued fraction of the incomplete beta function (modified Lentz), as in Numerical Recipes.
function betaContinuedFraction(a: number, b: number, x: number): number {
  const sum = a + b;
  let c = 1;
  let d = 1 - (sum * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let fraction = d;
  for (let m = 1; m <= 10_000; m += 1) {
    const twice = 2 * m;
    let step = (m * (b - m) * x) / ((a - 1 + twice) * (a + twice));
    d = 1 + step * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + step / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    fraction *= d * c;
    step = (-(a + m) * (sum + m) * x) / ((a + twice) * (a + 1 + twice));
    d = 1 + step * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + step / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return fraction;
}

/**
 * The cumulative distribution of a Beta belief at x: the regularized incomplete beta I_x(α, β).
 *
 * @example betaCdf({ alpha: 1, beta: 1 }, 0.3) // 0.3
 */
export function betaCdf({ alpha, beta }: BetaBelief, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(
    logGamma(alpha + beta) - logGamma(alpha) - logGamma(beta) + alpha * Math.log(x) + beta * Math.log(1 - x),
  );
  if (x < (alpha + 1) / (alpha + beta + 2)) return (front * betaContinuedFraction(alpha, beta, x)) / alpha;
  return 1 - (front * betaContinuedFraction(beta, alpha, 1 - x)) / beta;
}

/**
 * The rate below which the belief puts probability p, found by bisection on the CDF.
 *
 * @example betaQuantile({ alpha: 1, beta: 1 }, 0.95) // 0.95
 */
export function betaQuantile(belief: BetaBelief, p: number): number {
  if (belief.beta <= 0) return 1;
  if (belief.alpha <= 0) return 0;
  let low = 0;
  let high = 1;
  for (let step = 0; step < 60; step += 1) {
    const middle = (low + high) / 2;
    if (betaCdf(belief, middle) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/**
 * The equal-tailed credible interval holding `mass` of the belief: 90 % by default.
 *
 * @example credibleInterval({ alpha: 7, beta: 103 }) // { low: 0.029…, high: 0.104… }
 */
export function credibleInterval(belief: BetaBelief, mass = 0.9): { low: number; high: number } {
  const tail = (1 - mass) / 2;
  return { low: betaQuantile(belief, tail), high: betaQuantile(belief, 1 - tail) };
}
