package io.github.octocat.inventory.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Parses the value of an equality filter ({@code ?field=value}); a value that does not parse is a 400. */
public final class QueryValues {

    private QueryValues() {
    }

    public static Long parseLong(String name, String value) {
        try {
            if (!value.matches("-?[0-9]{1,19}")) {
                throw new NumberFormatException(value);
            }
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number");
        }
    }

    public static Boolean parseBoolean(String name, String value) {
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new BadRequestException(name + " must be true or false");
        };
    }

    public static LocalDate parseDate(String name, String value) {
        try {
            if (value.length() != 10) {
                throw new DateTimeParseException("not YYYY-MM-DD", value, 0);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a date such as 2024-05-31");
        }
    }

    public static String parseEnum(String name, String value, List<String> values) {
        if (!values.contains(value)) {
            throw new BadRequestException(name + " must be one of " + String.join(", ", values));
        }
        return value;
    }
}
