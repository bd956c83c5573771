package dev.fashionshop.view.service;

/** The buyer holds as many streams of their orders' changes open as one replica serves them. */
public class TooManyStreamsException extends RuntimeException {

    public TooManyStreamsException(int streamsPerBuyer) {
        super("This buyer already follows their orders in " + streamsPerBuyer
                + " streams, as many as one buyer may; close one (a page or a tab) first", null, false, false);
    }
}
