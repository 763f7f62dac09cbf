package io.github.octocat.inventory.config;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Translates the {@code DATABASE_URL} environment variable into Spring Boot properties.
 *
 * <p>Accepted forms (the same for every project made by scaffold):
 * <ul>
 *   <li>{@code postgres://user:pass@host:5432/db?sslmode=disable} →
 *       {@code jdbc:postgresql://host:5432/db?sslmode=disable}</li>
 *   <li>{@code mysql://user:pass@host:3306/db} → {@code jdbc:mysql://…} (MySQL)
 *       or {@code jdbc:mariadb://…} (MariaDB)</li>
 *   <li>a file path such as {@code app.db} → {@code jdbc:sqlite:app.db}</li>
 *   <li>{@code mongodb://host:27017/db} → {@code spring.data.mongodb.uri}, unchanged</li>
 * </ul>
 * A value that already starts with {@code jdbc:} is used as it is.
 */
public final class DatabaseUrl {

    /** The value used when DATABASE_URL is not set. */
    public static final String DEFAULT = "postgres://app:app@localhost:5432/app?sslmode=disable";

    private DatabaseUrl() {
    }

    /** Returns the Spring properties for the given DATABASE_URL. */
    public static Map<String, Object> toProperties(String databaseUrl) {
        String url = databaseUrl == null || databaseUrl.isBlank() ? DEFAULT : databaseUrl.trim();
        Map<String, Object> props = new LinkedHashMap<>();
        if (url.startsWith("jdbc:")) {
            props.put("spring.datasource.url", url);
            return props;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new IllegalArgumentException("DATABASE_URL is not a valid URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("postgres") && !scheme.equals("postgresql")) {
            throw new IllegalArgumentException("DATABASE_URL must look like postgres://user:pass@host:5432/db, got scheme '" + scheme + "'");
        }
        String jdbcScheme = "postgresql";
        int defaultPort = 5432;
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("DATABASE_URL has no host: " + url);
        }
        int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String jdbc = "jdbc:" + jdbcScheme + "://" + uri.getHost() + ":" + port + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        props.put("spring.datasource.url", jdbc);
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            props.put("spring.datasource.username", decode(user));
            if (colon >= 0) {
                props.put("spring.datasource.password", decode(userInfo.substring(colon + 1)));
            }
        }
        return props;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
