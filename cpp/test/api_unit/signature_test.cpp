// The JNI signature parser alone: what it accepts, what it refuses and where.
#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <string>

extern "C" {
#include "signature.h"
}

namespace {
struct Parsed {
    int rc;
    size_t bad;
    std::unique_ptr<jbi_signature> sig;
};
Parsed parse(const std::string &s) {
    Parsed p{0, 0, std::make_unique<jbi_signature>()};
    p.rc = jbi_signature_parse(s.data(), s.size(), p.sig.get(), &p.bad);
    return p;
}
std::string piece(const std::string &s, const jbi_sig_type &t) { return s.substr(t.offset, t.length); }
}  // namespace

TEST(Signature, ParsesEveryKindOfType) {
    std::string s = "(ZBCSIJFDLjava/lang/String;[I[[Ljava/util/List;)Ljava/lang/Object;";
    Parsed p = parse(s);
    ASSERT_EQ(p.rc, JBI_SIG_OK);
    ASSERT_EQ(p.sig->param_count, 11u);
    EXPECT_EQ(std::string("ZBCSIJFDL[["), [&] {
        std::string kinds;
        for (size_t i = 0; i < p.sig->param_count; i++) kinds += p.sig->params[i].kind;
        return kinds;
    }());
    EXPECT_EQ(piece(s, p.sig->params[8]), "Ljava/lang/String;");
    EXPECT_EQ(piece(s, p.sig->params[9]), "[I");
    EXPECT_EQ(piece(s, p.sig->params[10]), "[[Ljava/util/List;");
    EXPECT_EQ(p.sig->result.kind, 'L');
    EXPECT_EQ(piece(s, p.sig->result), "Ljava/lang/Object;");
}

TEST(Signature, VoidAndEmpty) {
    Parsed p = parse("()V");
    ASSERT_EQ(p.rc, JBI_SIG_OK);
    EXPECT_EQ(p.sig->param_count, 0u);
    EXPECT_EQ(p.sig->result.kind, 'V');
    p = parse("(Ldev/javabridge/Outer$Inner;)[B");
    ASSERT_EQ(p.rc, JBI_SIG_OK);
    EXPECT_EQ(p.sig->result.kind, '[');
}

TEST(Signature, RefusesMalformedWithOffset) {
    struct Case { const char *sig; size_t at; } cases[] = {
        {"", 0}, {"V", 0}, {"(", 1}, {"(I", 2}, {"()", 2}, {"(V)V", 1}, {"()[V", 3},
        {"(L;)V", 2}, {"(Ljava/lang/String)V", 18}, {"(Ljava.lang.String;)V", 6},
        {"(L/a;)V", 2}, {"(La//b;)V", 4}, {"(La/;)V", 4}, {"(Q)V", 1}, {"()VV", 3},
        {"(I)V ", 4}, {"([)V", 2}, {"(La[b;)V", 3},
    };
    for (const auto &c : cases) {
        Parsed p = parse(c.sig);
        EXPECT_EQ(p.rc, JBI_SIG_INVALID) << c.sig;
        EXPECT_EQ(p.bad, c.at) << c.sig;
    }
}

TEST(Signature, LimitsParametersAndDimensions) {
    std::string ok = "(" + std::string(255, 'I') + ")V";
    EXPECT_EQ(parse(ok).rc, JBI_SIG_OK);
    std::string too_many = "(" + std::string(256, 'I') + ")V";
    EXPECT_EQ(parse(too_many).rc, JBI_SIG_INVALID);
    std::string dims = "(" + std::string(255, '[') + "I)V";
    EXPECT_EQ(parse(dims).rc, JBI_SIG_OK);
    std::string too_deep = "(" + std::string(256, '[') + "I)V";
    EXPECT_EQ(parse(too_deep).rc, JBI_SIG_INVALID);
}

TEST(Signature, DoesNotReadPastTheGivenLength) {
    // The buffer holds more than len bytes: only the first len count.
    const char text[] = "(I)Vgarbage";
    auto sig = std::make_unique<jbi_signature>();
    EXPECT_EQ(jbi_signature_parse(text, 4, sig.get(), nullptr), JBI_SIG_OK);
    EXPECT_EQ(jbi_signature_parse(text, 3, sig.get(), nullptr), JBI_SIG_INVALID);
    EXPECT_EQ(jbi_signature_parse(nullptr, 0, sig.get(), nullptr), JBI_SIG_INVALID);
}
