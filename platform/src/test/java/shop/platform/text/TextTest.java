package shop.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void ordinary_text_of_every_script_and_plane_can_be_carried() {
        assertNull(Text.problem("Zoë Müller-Łukasiewicz, 東京都, Ελλάδα, 😀 (U+1F600), \u00a0"));
        assertNull(Text.problem(""));
    }

    @Test
    void a_lone_surrogate_is_not_text() {
        assertEquals("must be valid Unicode (it holds a lone surrogate)", Text.problem("A\ud800B"));
        assertEquals("must be valid Unicode (it holds a lone surrogate)", Text.problem("A\udc00"));
        assertEquals("must be valid Unicode (it holds a lone surrogate)", Text.problem("\ud83d"));
        assertEquals("must be valid Unicode (it holds a lone surrogate)", Text.problem("\ude00\ud83d"));
    }

    @Test
    void control_characters_and_noncharacters_are_refused() {
        assertEquals("must not contain control characters", Text.problem("a\u0000b"));
        assertEquals("must not contain control characters", Text.problem("line\nbreak"));
        assertEquals("must not contain control characters", Text.problem("\u0085"));
        assertEquals("must not contain Unicode noncharacters", Text.problem("\uffff"));
        assertEquals("must not contain Unicode noncharacters", Text.problem("\ufdd0"));
        assertEquals("must not contain Unicode noncharacters", Text.problem(new String(Character.toChars(0x10FFFE))));
    }
}
