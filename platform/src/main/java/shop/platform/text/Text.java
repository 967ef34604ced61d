package shop.platform.text;

/**
 * The one check every string passes before a context stores it or puts it in an event: valid Unicode (no lone
 * surrogate, which Java strings can hold but UTF-8 cannot carry), no noncharacter, and no control character.
 * An API decoder turns the reason into a field error; an event producer refuses to owe an event that fails it.
 */
public final class Text {

    private Text() {
    }

    /** Why {@code text} cannot be carried, or null when it can. Never echoes the text. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return "must be valid Unicode (it holds a lone surrogate)";
                }
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                if (isNoncharacter(codePoint)) {
                    return "must not contain Unicode noncharacters";
                }
            } else if (Character.isLowSurrogate(c)) {
                return "must be valid Unicode (it holds a lone surrogate)";
            } else if (Character.isISOControl(c)) {
                return "must not contain control characters";
            } else if (isNoncharacter(c)) {
                return "must not contain Unicode noncharacters";
            }
        }
        return null;
    }

    /** True when {@link #problem} finds nothing. */
    public static boolean carriable(String text) {
        return problem(text) == null;
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE, ...). */
    static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }
}
