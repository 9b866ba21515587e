package dev.javabridge.bindgen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the integer constant expressions of object-like macros, as C's preprocessor
 * arithmetic does on 64 bits: literals (decimal, octal, hexadecimal, with u/l suffixes),
 * other macros, parentheses, unary + - ~ !, and binary * / % + - << >> & ^ |.
 * Casts, sizeof and floating point are refused rather than guessed.
 * The result is an Integer when it fits an int and no L suffix asked for more, else a Long.
 */
final class ExprEval {
    static final class NotConstant extends Exception {
        private static final long serialVersionUID = 1L;

        NotConstant(String message) {
            super(message);
        }
    }

    private final Map<String, String> macros;
    private final Set<String> evaluating = new HashSet<>();

    ExprEval(Map<String, String> macros) {
        this.macros = macros;
    }

    Number evaluate(String macro) throws NotConstant {
        String body = macros.get(macro);
        if (body == null) {
            throw new NotConstant("undefined macro " + macro);
        }
        if (!evaluating.add(macro)) {
            throw new NotConstant("recursive macro " + macro);
        }
        try {
            Parser p = new Parser(tokenize(body));
            long v = p.expr(0);
            if (p.pos != p.tokens.size()) {
                throw new NotConstant("unexpected '" + p.tokens.get(p.pos) + "'");
            }
            return p.wide || v != (int) v ? (Number) v : (Number) (int) v;
        } finally {
            evaluating.remove(macro);
        }
    }

    private static List<String> tokenize(String s) throws NotConstant {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else if (s.startsWith("<<", i) || s.startsWith(">>", i)) {
                out.add(s.substring(i, i + 2));
                i += 2;
            } else if ("+-*/%&|^~!()".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else {
                throw new NotConstant("unsupported character '" + c + "'");
            }
        }
        return out;
    }

    private final class Parser {
        final List<String> tokens;
        int pos;
        boolean wide;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        private int precedence(String op) {
            switch (op) {
                case "*": case "/": case "%": return 10;
                case "+": case "-": return 9;
                case "<<": case ">>": return 8;
                case "&": return 7;
                case "^": return 6;
                case "|": return 5;
                default: return -1;
            }
        }

        long expr(int minPrec) throws NotConstant {
            long left = unary();
            while (pos < tokens.size()) {
                String op = tokens.get(pos);
                int prec = precedence(op);
                if (prec < 0 || prec < minPrec) {
                    break;
                }
                pos++;
                long right = expr(prec + 1);
                left = apply(op, left, right);
            }
            return left;
        }

        private long apply(String op, long a, long b) throws NotConstant {
            switch (op) {
                case "*": return a * b;
                case "/": if (b == 0) { throw new NotConstant("division by zero"); } return a / b;
                case "%": if (b == 0) { throw new NotConstant("division by zero"); } return a % b;
                case "+": return a + b;
                case "-": return a - b;
                case "<<": if (b < 0 || b > 63) { throw new NotConstant("shift out of range"); } return a << b;
                case ">>": if (b < 0 || b > 63) { throw new NotConstant("shift out of range"); } return a >> b;
                case "&": return a & b;
                case "^": return a ^ b;
                case "|": return a | b;
                default: throw new NotConstant("operator " + op);
            }
        }

        private long unary() throws NotConstant {
            if (pos >= tokens.size()) {
                throw new NotConstant("expression ends early");
            }
            String t = tokens.get(pos++);
            switch (t) {
                case "-": return -unary();
                case "+": return unary();
                case "~": return ~unary();
                case "!": return unary() == 0 ? 1 : 0;
                case "(": {
                    if (pos < tokens.size() && isTypeName(tokens.get(pos))) {
                        throw new NotConstant("cast");
                    }
                    long v = expr(0);
                    if (pos >= tokens.size() || !tokens.get(pos).equals(")")) {
                        throw new NotConstant("missing )");
                    }
                    pos++;
                    return v;
                }
                default:
                    if (Character.isDigit(t.charAt(0))) {
                        return literal(t);
                    }
                    if (t.equals("sizeof")) {
                        throw new NotConstant("sizeof");
                    }
                    if (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_') {
                        Number n = evaluate(t);
                        wide |= n instanceof Long;
                        return n.longValue();
                    }
                    throw new NotConstant("unexpected '" + t + "'");
            }
        }

        private boolean isTypeName(String t) {
            return Set.of("int", "long", "unsigned", "signed", "char", "short", "float", "double", "void", "const")
                    .contains(t) || (t.endsWith("_t") && !macros.containsKey(t));
        }

        private long literal(String t) throws NotConstant {
            String digits = t;
            String suffix = "";
            int end = digits.length();
            while (end > 0 && "uUlL".indexOf(digits.charAt(end - 1)) >= 0) {
                end--;
            }
            suffix = digits.substring(end).toLowerCase();
            digits = digits.substring(0, end);
            if (suffix.contains("l")) {
                wide = true;
            }
            try {
                long v;
                if (digits.startsWith("0x") || digits.startsWith("0X")) {
                    v = Long.parseUnsignedLong(digits.substring(2), 16);
                } else if (digits.length() > 1 && digits.startsWith("0")) {
                    v = Long.parseLong(digits.substring(1), 8);
                } else {
                    v = Long.parseLong(digits);
                }
                if (v != (int) v || (suffix.contains("u") && v < 0)) {
                    wide = true;
                }
                if (v < 0) {
                    throw new NotConstant("literal " + t + " exceeds a Java long");
                }
                return v;
            } catch (NumberFormatException e) {
                throw new NotConstant("literal " + t);
            }
        }
    }
}
