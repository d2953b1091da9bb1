/** REST resources, server-sent events, the error mapper and the web page. */
package dev.thetaevolve.api;
