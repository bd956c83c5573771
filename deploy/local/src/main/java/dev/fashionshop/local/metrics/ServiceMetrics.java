package dev.fashionshop.local.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scrapes of a service's {@code /q/metrics} (Prometheus' text format; of each of its instances, one after
 * the other), to read its samples: the operator page's figures, and a test's before and after.
 */
public record ServiceMetrics(String text) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One sample: its labels and its value. */
    public record Sample(Map<String, String> labels, double value) {

        public String label(String name) {
            return labels.get(name);
        }
    }

    /** The samples of this name whose labels include the given ones (name, value, name, value...). */
    public List<Sample> samples(String name, String... labels) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(withoutExemplar(line).trim());
            if (sample.matches() && sample.group(1).equals(name)) {
                Map<String, String> found = labels(sample.group(3));
                if (includes(found, labels)) {
                    samples.add(new Sample(found, Double.parseDouble(sample.group(4))));
                }
            }
        }
        return samples;
    }

    /**
     * The sum of the samples of this name whose labels include the given ones (name, value, name, value...);
     * 0 when there is none (a counter not yet incremented may not exist yet).
     */
    public double sum(String name, String... labels) {
        return samples(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /** Whether a sample of this name exists, whatever its labels; a histogram's by its base name too. */
    public boolean has(String name) {
        return text.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " ")
                || line.startsWith(name + "_bucket{") || line.startsWith(name + "_count{"));
    }

    /**
     * The sample without its exemplar ({@code # {trace_id="..."} 1.0}): with traces on, Micrometer links a
     * sample to the trace of a request it measured.
     */
    private static String withoutExemplar(String line) {
        int exemplar = line.indexOf(" # ");
        return exemplar < 0 ? line : line.substring(0, exemplar);
    }

    private static Map<String, String> labels(String labelText) {
        Map<String, String> labels = new HashMap<>();
        if (labelText != null) {
            Matcher label = LABEL.matcher(labelText);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return labels;
    }

    private static boolean includes(Map<String, String> labels, String... wanted) {
        for (int i = 0; i < wanted.length; i += 2) {
            if (!wanted[i + 1].equals(labels.get(wanted[i]))) {
                return false;
            }
        }
        return true;
    }
}
