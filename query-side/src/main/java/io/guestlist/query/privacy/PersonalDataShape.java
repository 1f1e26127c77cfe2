package io.guestlist.query.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guestlist.kernel.privacy.DataSubject;
import io.guestlist.kernel.privacy.PersonalData;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Where a type keeps personal data, read once from its annotations: its {@link PersonalData} fields,
 * its {@link DataSubject} field, and the fields (or collections) holding objects that keep some. JSON
 * property names are the field names, as the event serializer writes them.
 */
final class PersonalDataShape {

    /** Turns one personal value into what is stored or read (its subject's id, or null when it has none). */
    interface FieldTransform {
        JsonNode apply(String subject, JsonNode value);
    }

    private static final PersonalDataShape NONE = new PersonalDataShape(null, List.of(), List.of());
    private static final ClassValue<PersonalDataShape> SHAPES = new ClassValue<>() {
        @Override
        protected PersonalDataShape computeValue(Class<?> type) {
            return read(type);
        }
    };

    private final Field subject;
    private final List<Field> personal;
    private final List<Field> nested;

    private PersonalDataShape(Field subject, List<Field> personal, List<Field> nested) {
        this.subject = subject;
        this.personal = personal;
        this.nested = nested;
    }

    static PersonalDataShape of(Class<?> type) {
        return SHAPES.get(type);
    }

    boolean isEmpty() {
        return personal.isEmpty() && nested.isEmpty();
    }

    /** Transforms every personal value of {@code node} (an object of this type) in place. */
    void transform(JsonNode node, String inheritedSubject, FieldTransform transform) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        String owner = subjectOf(object, inheritedSubject);
        for (Field field : personal) {
            JsonNode value = object.get(field.getName());
            if (value != null && !value.isNull()) {
                object.set(field.getName(), transform.apply(owner, value));
            }
        }
        for (Field field : nested) {
            JsonNode value = object.get(field.getName());
            PersonalDataShape inner = of(elementType(field));
            if (value != null && value.isArray()) {
                value.forEach(element -> inner.transform(element, owner, transform));
            } else if (value != null) {
                inner.transform(value, owner, transform);
            }
        }
    }

    /** The subjects whose keys {@code value} (an object of this type) needs to be written. */
    void collectSubjects(Object value, String inheritedSubject, Set<String> into) {
        if (value == null) {
            return;
        }
        String owner = subject == null ? inheritedSubject : text(read(subject, value), inheritedSubject);
        if (!personal.isEmpty() && owner != null) {
            into.add(owner);
        }
        for (Field field : nested) {
            Object inner = read(field, value);
            PersonalDataShape shape = of(elementType(field));
            if (inner instanceof Collection<?> elements) {
                elements.forEach(element -> shape.collectSubjects(element, owner, into));
            } else {
                shape.collectSubjects(inner, owner, into);
            }
        }
    }

    private String subjectOf(ObjectNode object, String inherited) {
        if (subject == null) {
            return inherited;
        }
        JsonNode id = object.get(subject.getName());
        return id == null || id.isNull() ? inherited : id.asText();
    }

    private static String text(Object id, String fallback) {
        return id == null ? fallback : id.toString();
    }

    private static Object read(Field field, Object from) {
        try {
            return field.get(from);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    private static PersonalDataShape read(Class<?> type) {
        if (type.isPrimitive() || type.isEnum() || type.getName().startsWith("java.")) {
            return NONE;
        }
        Field subject = null;
        List<Field> personal = new ArrayList<>();
        List<Field> nested = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) {
                    continue;
                }
                if (field.isAnnotationPresent(DataSubject.class)) {
                    field.setAccessible(true);
                    subject = field;
                }
                if (field.isAnnotationPresent(PersonalData.class)) {
                    personal.add(field);
                } else {
                    Class<?> element = elementType(field);
                    if (element != null && element != type && element.getName().startsWith("io.guestlist") && !of(element).isEmpty()) {
                        field.setAccessible(true);
                        nested.add(field);
                    }
                }
            }
        }
        return personal.isEmpty() && nested.isEmpty() ? NONE : new PersonalDataShape(subject, List.copyOf(personal), List.copyOf(nested));
    }

    /** The field's type, or a collection's element type. */
    private static Class<?> elementType(Field field) {
        if (Collection.class.isAssignableFrom(field.getType())) {
            Type generic = field.getGenericType();
            if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> element) {
                return element;
            }
            return null;
        }
        return field.getType();
    }
}
