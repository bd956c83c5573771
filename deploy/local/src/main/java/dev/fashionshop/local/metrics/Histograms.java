package dev.fashionshop.local.metrics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Percentiles from a Prometheus histogram's cumulative buckets, as PromQL's histogram_quantile reads them. */
final class Histograms {

    private Histograms() {
    }

    /**
     * The q-quantile of the buckets' samples (their {@code le} labels; several instances' buckets are added up):
     * interpolated inside the bucket it falls in; the highest finite bound when it falls beyond; NaN when empty.
     */
    static double quantile(double q, List<ServiceMetrics.Sample> buckets) {
        TreeMap<Double, Double> cumulative = new TreeMap<>();
        buckets.forEach(bucket -> cumulative.merge(bound(bucket.label("le")), bucket.value(), Double::sum));
        if (cumulative.isEmpty() || cumulative.lastEntry().getValue() == 0) {
            return Double.NaN;
        }
        double rank = q * cumulative.lastEntry().getValue();
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return lowerBound;
                }
                double inBucket = bucket.getValue() - lowerCount;
                return inBucket == 0 ? bucket.getKey()
                        : lowerBound + (bucket.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return lowerBound;
    }

    private static double bound(String le) {
        return "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }
}
