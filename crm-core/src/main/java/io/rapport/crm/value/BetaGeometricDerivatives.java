package io.rapport.crm.value;

import static org.hipparchus.special.Gamma.digamma;
import static org.hipparchus.special.Gamma.logGamma;
import static org.hipparchus.special.Gamma.trigamma;

/**
 * Computes the analytic gradient and Hessian of the BG/NBD and MBG/NBD log-likelihoods in the
 * natural parameters, for the Newton path of {@link MaximumLikelihood}. Per row, with
 * {@code D = ln a − ln(b+x−1+m) + (r+x)(ln(α+T) − ln(α+t_x))} ({@code m} 0 for the BG/NBD, 1
 * for the MBG/NBD) and {@code s = σ(D)}, the term {@code ln(1 + e^D)} contributes
 * {@code s·∇D} to the gradient and {@code s(1−s)·∇D∇Dᵀ + s·∇²D} to the Hessian; the log-gamma
 * terms depend on {@code x} alone and are summed once per distinct frequency (digamma and
 * trigamma for their derivatives); {@code ln(α+T)}, {@code 1/(α+T)} once per distinct age and
 * recency.
 */
final class BetaGeometricDerivatives {

  private BetaGeometricDerivatives() {}

  /**
   * Returns the total log-likelihood at natural parameters {@code p = (r, α, a, b)} and fills
   * its gradient and Hessian; {@code modified} selects the MBG/NBD (drop-out possible before the
   * first repeat purchase: the Beta terms shift {@code b + x} to {@code b + x + 1}, and the
   * {@code ln(1 + e^D)} term applies to {@code x = 0} too).
   */
  static double compute(double[] p, UniqueRows rows, double[] gradient, double[][] hessian,
      boolean modified) {
    int m = modified ? 1 : 0;
    double r = p[0];
    double alpha = p[1];
    double a = p[2];
    double b = p[3];
    double logA = Math.log(a);
    double invA = 1 / a;
    double[] logAge = UniqueRows.logs(alpha, rows.distinctAge);
    double[] invAge = UniqueRows.reciprocals(alpha, rows.distinctAge);
    double[] logRecency = UniqueRows.logs(alpha, rows.distinctRecency);
    double[] invRecency = UniqueRows.reciprocals(alpha, rows.distinctRecency);
    int[] distinct = rows.distinctX;
    double[] dropOut = new double[distinct.length];
    double[] inverse = new double[distinct.length];
    double lgR = logGamma(r);
    double lgAb = logGamma(a + b);
    double lgB = logGamma(b);
    double psiR = digamma(r);
    double psiAb = digamma(a + b);
    double psiB = digamma(b);
    double triR = trigamma(r);
    double triAb = trigamma(a + b);
    double triB = trigamma(b);
    double value = rows.totalWeight * r * Math.log(alpha);
    double gr = rows.totalWeight * Math.log(alpha);
    double gAlpha = rows.totalWeight * r / alpha;
    double ga = 0;
    double gb = 0;
    double hrr = 0;
    double hrAlpha = rows.totalWeight / alpha;
    double hAlphaAlpha = -rows.totalWeight * r / (alpha * alpha);
    double haa = 0;
    double hab = 0;
    double hbb = 0;
    for (int k = 0; k < distinct.length; k++) {
      int x = distinct[k];
      if (x == 0 && !modified) {
        continue;
      }
      double w = rows.xWeight[k];
      double bx = b + x + m;
      double psiAbx = digamma(a + bx);
      double triAbx = trigamma(a + bx);
      value += w * (logGamma(r + x) - lgR + lgAb + logGamma(bx) - lgB - logGamma(a + bx));
      gr += w * (digamma(r + x) - psiR);
      ga += w * (psiAb - psiAbx);
      gb += w * (digamma(bx) - psiAbx - psiB + psiAb);
      hrr += w * (trigamma(r + x) - triR);
      haa += w * (triAb - triAbx);
      hab += w * (triAb - triAbx);
      hbb += w * (trigamma(bx) - triAbx - triB + triAb);
      inverse[k] = 1 / (bx - 1);
      dropOut[k] = logA + Math.log(inverse[k]);
    }
    double hra = 0;
    double hrb = 0;
    double hAlphaA = 0;
    double hAlphaB = 0;
    int[] xs = rows.x;
    int[] index = rows.xIndex;
    int[] ageIndex = rows.ageIndex;
    int[] recencyIndex = rows.recencyIndex;
    double[] weight = rows.weight;
    for (int i = 0; i < rows.size; i++) {
      double w = weight[i];
      double rx = r + xs[i];
      int t = ageIndex[i];
      double l1 = logAge[t];
      double i1 = invAge[t];
      value -= w * rx * l1;
      gr -= w * l1;
      gAlpha -= w * rx * i1;
      hrAlpha -= w * i1;
      hAlphaAlpha += w * rx * i1 * i1;
      if (xs[i] == 0 && !modified) {
        continue;
      }
      int k = index[i];
      int u = recencyIndex[i];
      double i2 = invRecency[u];
      double delta = l1 - logRecency[u];
      double inv = i1 - i2;
      double d = dropOut[k] + rx * delta;
      double s;
      double f;
      if (d > 0) {
        double e = Math.exp(-d);
        s = 1 / (1 + e);
        f = d + Math.log1p(e);
      } else {
        double e = Math.exp(d);
        s = e / (1 + e);
        f = Math.log1p(e);
      }
      double q = s * (1 - s);
      double c = inverse[k];
      double dAlpha = rx * inv;
      double ws = w * s;
      double wq = w * q;
      value += w * f;
      gr += ws * delta;
      gAlpha += ws * dAlpha;
      ga += ws * invA;
      gb -= ws * c;
      hrr += wq * delta * delta;
      hrAlpha += wq * delta * dAlpha + ws * inv;
      hra += wq * delta * invA;
      hrb -= wq * delta * c;
      hAlphaAlpha += wq * dAlpha * dAlpha + ws * rx * (i2 * i2 - i1 * i1);
      hAlphaA += wq * dAlpha * invA;
      hAlphaB -= wq * dAlpha * c;
      haa += (wq - ws) * invA * invA;
      hab -= wq * invA * c;
      hbb += (wq + ws) * c * c;
    }
    gradient[0] = gr;
    gradient[1] = gAlpha;
    gradient[2] = ga;
    gradient[3] = gb;
    double[][] h = {
        {hrr, hrAlpha, hra, hrb},
        {hrAlpha, hAlphaAlpha, hAlphaA, hAlphaB},
        {hra, hAlphaA, haa, hab},
        {hrb, hAlphaB, hab, hbb}};
    for (int i = 0; i < 4; i++) {
      System.arraycopy(h[i], 0, hessian[i], 0, 4);
    }
    return value;
  }
}
