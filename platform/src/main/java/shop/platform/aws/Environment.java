package shop.platform.aws;

/** Reads the function's configuration from its environment, failing at init with a message that names what is missing. */
public final class Environment {

    private Environment() {
    }

    public static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set; template.yaml sets it for every function");
        }
        return value;
    }

    public static String optional(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
