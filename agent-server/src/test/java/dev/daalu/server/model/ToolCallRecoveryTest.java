package dev.daalu.server.model;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.daalu.server.model.ChatCompletion.TextToolCalls.MALFORMED;
import static dev.daalu.server.model.ChatCompletion.TextToolCalls.NONE;
import static dev.daalu.server.model.ChatCompletion.TextToolCalls.RECOVERED;
import static dev.daalu.server.model.Recordings.assertCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolCallRecoveryTest {

    private static final List<ToolDefinition> TOOLS = Recordings.caseTools();

    @Test
    void qwen3XmlValuesAreTypedFromTheToolSchema() {
        ToolCallRecovery.Result result = recover("<function=run_command>\n<parameter=command>\nterraform plan\n</parameter>\n"
                + "<parameter=timeout_seconds>\n120\n</parameter>\n</function>");

        assertEquals(RECOVERED, result.outcome());
        assertEquals(JsonParser.parseString("{\"command\":\"terraform plan\",\"timeout_seconds\":120}"),
                JsonParser.parseString(result.calls().get(0).arguments()));
    }

    @Test
    void multiLineXmlValueKeepsItsInnerNewlines() {
        ToolCallRecovery.Result result = recover("<tool_call>\n<function=write_file>\n<parameter=path>\nmain.tf\n</parameter>\n"
                + "<parameter=content>\nline one\nline two\n\n</parameter>\n</function>\n</tool_call>");

        assertCall("write_file", "{\"path\":\"main.tf\",\"content\":\"line one\\nline two\\n\"}", result.calls().get(0));
    }

    @Test
    void valueThatDoesNotFitItsTypeStaysAString() {
        ToolCallRecovery.Result result = recover("<function=run_command><parameter=command>ls</parameter>"
                + "<parameter=timeout_seconds>soon</parameter></function>");

        assertCall("run_command", "{\"command\":\"ls\",\"timeout_seconds\":\"soon\"}", result.calls().get(0));
    }

    @Test
    void unknownToolInTagsIsMalformedAndNamesTheOfferedTools() {
        ToolCallRecovery.Result result = recover("<tool_call>{\"name\": \"delete_repo\", \"arguments\": {}}</tool_call>");

        assertEquals(MALFORMED, result.outcome());
        assertTrue(result.note().contains("'delete_repo', which is not offered (offered: read_file, search_files"),
                result.note());
    }

    @Test
    void unclosedTagIsMalformed() {
        ToolCallRecovery.Result result = recover("<tool_call>\n{\"name\": \"read_file\", \"arguments\": {\"path\": \"a\"}}");

        assertEquals(MALFORMED, result.outcome());
        assertTrue(result.note().contains("not closed"), result.note());
    }

    @Test
    void proseAfterTheTagsLeavesText() {
        ToolCallRecovery.Result result = recover("<tool_call>{\"name\": \"read_file\", \"arguments\": {\"path\": \"a\"}}"
                + "</tool_call> Then I will summarise it.");

        assertEquals(NONE, result.outcome());
        assertTrue(result.calls().isEmpty());
    }

    @Test
    void unlabelledFenceIsAcceptedAndOtherLanguagesAreNot() {
        String call = "{\"name\": \"read_file\", \"arguments\": {\"path\": \"a\"}}";

        assertEquals(RECOVERED, recover("```\n" + call + "\n```").outcome());
        assertEquals(NONE, recover("```python\n" + call + "\n```").outcome());
        assertEquals(NONE, recover("```json\n" + call + "\n```\n\n```json\n" + call + "\n```").outcome());
    }

    @Test
    void argumentsAsAStringAreTakenAsTheirText() {
        ToolCallRecovery.Result result = recover("{\"name\": \"read_file\", \"arguments\": \"{\\\"path\\\": \\\"a\\\"}\"}");

        assertCall("read_file", "{\"path\":\"a\"}", result.calls().get(0));
    }

    @Test
    void jsonThatIsNotACallIsJustText() {
        ToolCallRecovery.Result result = recover("{\"bucket\": \"logs\", \"versioning\": true}");

        assertEquals(NONE, result.outcome());
        assertNull(result.note());
    }

    @Test
    void laxJsonIsNotACall() {
        assertEquals(NONE, recover("{name: 'read_file', arguments: {path: 'a'}}").outcome());
    }

    @Test
    void nothingIsRecoveredWhenNoToolsAreOffered() {
        assertEquals(NONE, ToolCallRecovery.recover("{\"name\": \"read_file\", \"arguments\": {}}", List.of()).outcome());
    }

    private static ToolCallRecovery.Result recover(String content) {
        return ToolCallRecovery.recover(content, TOOLS);
    }
}
