package dev.thetaevolve.service;

/** Something a caller named does not exist (a problem, a run, a program, an entry); the API answers 404. */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
