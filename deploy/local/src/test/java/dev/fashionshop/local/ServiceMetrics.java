package dev.fashionshop.local;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of a service's {@code /q/metrics} (Prometheus' text format; of each of its instances, one after
 * the other), to read its samples: a test reads a figure before and after what should move it.
 */
record ServiceMetrics(String text) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * The sum of the samples of this name whose labels include the given ones (name, value, name, value...);
     * 0 when there is none (a counter not yet incremented may not exist yet).
     */
    double sum(String name, String... labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.trim());
            if (!line.startsWith("#") && sample.matches() && sample.group(1).equals(name) && has(sample.group(3), labels)) {
                sum += Double.parseDouble(sample.group(4));
            }
        }
        return sum;
    }

    /** Whether a sample of this name exists, whatever its labels; a histogram's by its base name too. */
    boolean has(String name) {
        return text.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " ")
                || line.startsWith(name + "_bucket{") || line.startsWith(name + "_count{"));
    }

    private static boolean has(String labelText, String... wanted) {
        Map<String, String> labels = new HashMap<>();
        if (labelText != null) {
            Matcher label = LABEL.matcher(labelText);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        for (int i = 0; i < wanted.length; i += 2) {
            if (!wanted[i + 1].equals(labels.get(wanted[i]))) {
                return false;
            }
        }
        return true;
    }
}
