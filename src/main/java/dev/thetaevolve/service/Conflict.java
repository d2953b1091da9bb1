package dev.thetaevolve.service;

/** The request clashes with a run's state (a name taken, a run busy elsewhere, a stop of a finished run); the API answers 409. */
public class Conflict extends IllegalStateException {
    public Conflict(String message) {
        super(message);
    }
}
