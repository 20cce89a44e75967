package org.apache.kafka.connect.json;

/**
 * The JSON of a string that needs no escaping, written without a generator. Most string payloads (log
 * lines, ids, CSV rows) are printable ASCII without quotes or backslashes; their JSON is the characters
 * themselves between quotes, which is what Jackson writes for them too. Anything else (control characters,
 * '"', '\\', non-ASCII) is left to the generator, so the bytes never differ from the general path.
 */
final class PlainJsonString {

    private PlainJsonString() {
    }

    /**
     * The prefix (may be null), the quoted string, then '}' when there is a prefix; or null when the string
     * holds a character this path does not write.
     */
    static byte[] encode(byte[] envelopePrefix, String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (!isPlain(text.charAt(i))) {
                return null;
            }
        }
        int prefixLength = envelopePrefix == null ? 0 : envelopePrefix.length;
        byte[] out = new byte[prefixLength + length + (envelopePrefix == null ? 2 : 3)];
        if (envelopePrefix != null) {
            System.arraycopy(envelopePrefix, 0, out, 0, prefixLength);
        }
        int at = prefixLength;
        out[at++] = '"';
        for (int i = 0; i < length; i++) {
            out[at++] = (byte) text.charAt(i);
        }
        out[at++] = '"';
        if (envelopePrefix != null) {
            out[at] = '}';
        }
        return out;
    }

    /** Printable ASCII (DEL included, which JSON does not escape) other than the quote and the backslash. */
    private static boolean isPlain(char c) {
        return c >= 0x20 && c <= 0x7F && c != '"' && c != '\\';
    }
}
