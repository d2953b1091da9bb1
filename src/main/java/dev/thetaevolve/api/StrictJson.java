package dev.thetaevolve.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads the API's request bodies ({@link Dtos.RequestBody}) strictly, where Jackson's defaults would
 * guess: an unknown field, trailing text after the JSON value, {@code 1.5} for a whole number, a number
 * given as a string ({@code "1"}), or a boolean as a number are all refused. The failure is a Jackson
 * exception that {@link ErrorMappers} turns into a 400 naming the field. Other readers of JSON in the
 * service (stored settings, constructions) keep the shared, lenient mapper.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class StrictJson implements MessageBodyReader<Object> {

    private final ObjectMapper strict;

    @Inject
    public StrictJson(ObjectMapper shared) {
        this.strict = strict(shared);
    }

    static ObjectMapper strict(ObjectMapper shared) {
        ObjectMapper m = shared.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // MapperFeature.ALLOW_COERCION_OF_SCALARS can only be set on a builder; the coercion table says the same per type
        {
            for (LogicalType t : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean, LogicalType.Textual}) {
                m.coercionConfigFor(t).setCoercion(CoercionInputShape.String, t == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, t == LogicalType.Integer || t == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, t == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, t == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail);
            }
        }
        return m;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Dtos.RequestBody.class.isAssignableFrom(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        com.fasterxml.jackson.core.JsonParser p = strict.createParser(entityStream);
        if (p.nextToken() == null) return null; // no body: the endpoint decides (resume takes none)
        return strict.readValue(p, type);
    }
}
