package io.guestlist.service.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestlist.kernel.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written problem bodies stay valid JSON whatever a path or detail holds. */
class ProblemsTest {

    @Test
    void jsonString_escapesQuotesBackslashesAndControlCharacters() throws Exception {
        String hostile = "a\"b\\c\u0000d\u001be\u007f\nf/é";
        String json = Problems.jsonString(hostile);
        assertThat(new ObjectMapper().readValue(json, String.class)).isEqualTo(hostile);
    }

    @Test
    void codeFor_followsTheStatus_andLeavesServerErrorsInternal() {
        assertThat(Problems.codeFor(400)).isEqualTo(ErrorCode.VALIDATION);
        assertThat(Problems.codeFor(405)).isEqualTo(ErrorCode.VALIDATION);
        assertThat(Problems.codeFor(401)).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(Problems.codeFor(404)).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Problems.codeFor(413)).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(Problems.codeFor(500)).isNull();
        assertThat(Problems.codeFor(503)).isNull();
    }
}
