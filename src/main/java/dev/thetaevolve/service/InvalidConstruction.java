package dev.thetaevolve.service;

/** A submitted construction failed strict verification; the message is the verifier's reason. The API answers 422. */
public class InvalidConstruction extends RuntimeException {
    public InvalidConstruction(String reason) {
        super(reason);
    }
}
