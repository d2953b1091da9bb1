package dev.thetaevolve.api;

/**
 * The one error shape of the API.
 *
 * @param error   a short stable code (bad_request, not_found, unauthorized, conflict, invalid_construction, too_large, too_many_requests, internal)
 * @param message what was wrong, for a person
 */
public record ApiError(String error, String message) {
}
