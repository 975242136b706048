package dev.mtqr.tl.codegen.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits schema text into tokens, skipping white space and comments ({@code //} to the end of the line and
 * {@code /* ... *}{@code /}). A {@code // LAYER N} comment is remembered.
 */
final class Lexer {
    private static final Pattern LAYER = Pattern.compile("//\\s*LAYER\\s+(\\d+)\\s*");
    private static final String PUNCTUATION = ":?=;{}[]<>,!%#*().";

    private final String file;
    private final String text;
    private int index;
    private int line = 1;
    private int lineStart;
    private Integer layer;

    Lexer(String file, String text) {
        this.file = file;
        this.text = text;
    }

    /** The layer named by a {@code // LAYER N} comment, if the text has one. */
    Integer layer() {
        return layer;
    }

    List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            SourcePosition at = position();
            if (index >= text.length()) {
                tokens.add(new Token(Token.Kind.END, "", at));
                return tokens;
            }
            char c = text.charAt(index);
            if (c == '-' && text.startsWith("---", index)) {
                tokens.add(section(at));
            } else if (isIdentStart(c)) {
                tokens.add(new Token(Token.Kind.IDENT, identifier(), at));
                if (index < text.length() && text.charAt(index) == '#' && index + 1 < text.length()
                        && isHex(text.charAt(index + 1))) {
                    tokens.add(id());
                }
            } else if (Character.isDigit(c)) {
                int start = index;
                while (index < text.length() && Character.isDigit(text.charAt(index))) {
                    index++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, text.substring(start, index), at));
            } else if (PUNCTUATION.indexOf(c) >= 0) {
                index++;
                tokens.add(new Token(Token.Kind.PUNCT, String.valueOf(c), at));
            } else {
                throw new SchemaException(at, "unexpected character '" + c + "'");
            }
        }
    }

    private Token section(SourcePosition at) {
        Matcher m = Pattern.compile("---(\\w+)---").matcher(text);
        if (!m.find(index) || m.start() != index) {
            throw new SchemaException(at, "expected '---functions---' or '---types---'");
        }
        String word = m.group(1);
        if (!word.equals("functions") && !word.equals("types")) {
            throw new SchemaException(at, "expected '---functions---' or '---types---', found '---" + word + "---'");
        }
        index = m.end();
        return new Token(Token.Kind.SECTION, word, at);
    }

    private Token id() {
        SourcePosition at = position();
        index++;
        int start = index;
        while (index < text.length() && isHex(text.charAt(index))) {
            index++;
        }
        String digits = text.substring(start, index);
        if (digits.length() > 8) {
            throw new SchemaException(at, "a constructor id has 1 to 8 hex digits, found " + digits.length());
        }
        if (index < text.length() && isIdentPart(text.charAt(index))) {
            throw new SchemaException(position(), "expected a hex digit in the constructor id, found '" + text.charAt(index) + "'");
        }
        return new Token(Token.Kind.ID, digits, at);
    }

    private String identifier() {
        int start = index;
        while (index < text.length()) {
            char c = text.charAt(index);
            if (isIdentPart(c)) {
                index++;
            } else if (c == '.' && index + 1 < text.length() && isIdentStart(text.charAt(index + 1))) {
                index++;
            } else {
                break;
            }
        }
        return text.substring(start, index);
    }

    private void skipSpaceAndComments() {
        while (index < text.length()) {
            char c = text.charAt(index);
            if (c == '\n') {
                index++;
                line++;
                lineStart = index;
            } else if (Character.isWhitespace(c)) {
                index++;
            } else if (text.startsWith("//", index)) {
                int end = text.indexOf('\n', index);
                end = end < 0 ? text.length() : end;
                Matcher m = LAYER.matcher(text.substring(index, end).strip());
                if (m.matches()) {
                    layer = Integer.parseInt(m.group(1));
                }
                index = end;
            } else if (text.startsWith("/*", index)) {
                SourcePosition at = position();
                int end = text.indexOf("*/", index + 2);
                if (end < 0) {
                    throw new SchemaException(at, "comment is not closed: expected '*/'");
                }
                for (int i = index; i < end; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                index = end + 2;
            } else {
                return;
            }
        }
    }

    private SourcePosition position() {
        return new SourcePosition(file, line, index - lineStart + 1);
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
